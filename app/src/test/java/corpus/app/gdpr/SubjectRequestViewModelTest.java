package corpus.app.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.task.TaskExecutor;
import corpus.app.testing.SmallCatalog;
import corpus.gdpr.detect.Classifier;
import corpus.gdpr.review.Reviewer;
import corpus.indexer.CorpusHome;
import corpus.indexer.gdpr.GdprStores;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.warehouse.CostEstimate;
import corpus.indexer.warehouse.Pricing;
import corpus.indexer.warehouse.QueryEstimator;
import corpus.indexer.warehouse.Warehouse;
import corpus.indexer.warehouse.Warehouses;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-subject request screen's state over a real catalog, review store and estimator. */
class SubjectRequestViewModelTest {

  @TempDir Path dir;
  private Path index;
  private CorpusHome home;
  private ReviewService service;
  private SubjectRequestViewModel vm;

  @BeforeEach
  void open() throws Exception {
    index = dir.resolve("index");
    SmallCatalog.build(index).close();
    home = new CorpusHome(dir.resolve("home"));
    Classifier classifier = Classifier.withDefaults();
    service = new ReviewService(GdprStores.open(dir.resolve("corpus.db"), new Reviewer("alice"), classifier.taxonomy()),
        classifier);
    vm = new SubjectRequestViewModel(classifier.taxonomy(), new CatalogSubjectRequests(index, home, service),
        TaskExecutor.currentThread());
  }

  @AfterEach
  void close() throws Exception {
    service.close();
  }

  @Test
  void listsAccessAndErasureStatementsWithTheEstimatesOfTheWorkbenchEstimator() throws Exception {
    assertThat(vm.kinds()).contains("user_id", "email", "ip_address", "hashed_id").doesNotContain("health");
    vm.kindProperty().set("user_id");
    vm.find();

    assertThat(vm.rows()).extracting(SubjectRequestViewModel.Row::table).contains(SmallCatalog.APP_EVENTS.toString());
    assertThat(vm.rows()).extracting(SubjectRequestViewModel.Row::kind).contains("access", "erasure");
    try (LuceneCatalog reader = LuceneCatalog.open(index); Warehouse warehouse = Warehouses.forCatalog(index, home)) {
      QueryEstimator estimator = QueryEstimator.of(reader, warehouse, Pricing.DEFAULT, "EU", null);
      for (SubjectRequestViewModel.Row row : vm.rows()) {
        assertThat(row.sql()).contains("@subject_id");
        CostEstimate expected = estimator.estimate(row.sql()).cost();
        assertThat(expected).isNotNull();
        assertThat(row.statement().bytesProcessed()).isEqualTo(expected.bytesProcessed());
        assertThat(row.statement().bytesBilled()).isEqualTo(expected.bytesBilled());
        assertThat(row.statement().costUsd()).isEqualTo(expected.costUsd());
        assertThat(row.estimate()).contains("billed ≈ $");
      }
    }
    assertThat(vm.totalProperty().get()).startsWith("Total: " + vm.rows().size() + " statement(s) process ");
    assertThat(vm.messageProperty().get()).contains("table(s) hold user_id");
    assertThat(vm.busyProperty().get()).isFalse();
  }

  @Test
  void theSubjectsValueIsOnlyEverBoundAsTheParameterOfTheCopiedCommand() {
    vm.kindProperty().set("user_id");
    vm.find();
    SubjectRequestViewModel.Row access = vm.rows().stream().filter(r -> r.kind().equals("access")).findFirst()
        .orElseThrow();
    assertThat(vm.bqCommand(access)).as("no value, no command").isNull();

    vm.valueProperty().set("u-42' OR '1'='1");
    String command = vm.bqCommand(access);

    assertThat(access.sql()).doesNotContain("u-42");
    assertThat(vm.copyText(access)).doesNotContain("u-42").contains(access.sql());
    assertThat(command).startsWith("bq query --use_legacy_sql=false --parameter='subject_id:STRING:u-42'\"'\"' OR ")
        .endsWith(" " + SubjectRequestViewModel.shellQuote(access.sql()));
  }
}
