package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.AcmeProject.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import corpus.gdpr.detect.Suggestion;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.review.Reviewer;
import corpus.gdpr.taxonomy.Taxonomy;
import corpus.indexer.cli.CorpusCli;
import corpus.indexer.gdpr.GdprStores;
import corpus.indexer.index.Indexer;
import corpus.indexer.progress.ProgressListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code corpus gdpr sync-policy-tags} through the real entry point, against the fake servers. */
@Tag("bigquery")
class GdprSyncPolicyTagsCommandTest {

  @TempDir Path dir;
  private FakeBigQueryServer bigquery;
  private FakeDataCatalogServer datacatalog;
  private Path index;
  private Path db;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    bigquery = FakeBigQueryServer.start();
    AcmeProject.load(bigquery);
    datacatalog = FakeDataCatalogServer.start();
    index = dir.resolve("index");
    db = dir.resolve("corpus.db");
    new Indexer(index).run(List.of(new BigQuerySource(List.of(PROJECT), bigquery.connection(PROJECT),
        CrawlOptions.defaults().withUsageWindow(Duration.ZERO))), ProgressListener.NONE);
    try (ReviewStore store = GdprStores.open(db, new Reviewer("alice"), Taxonomy.defaults())) {
      String customers = PROJECT + ".published_core.customers";
      store.applyScan(List.of(
          new Suggestion(customers, "address.city", "postal_address", "LOCATION", 0.8, List.of("name: city"), List.of()),
          new Suggestion(customers, "customer_id", "user_id", "USER_ID", 0.9, List.of("name: customer_id"), List.of()),
          new Suggestion(customers, "devices.device_id", "device_id", "DEVICE_ID", 0.9, List.of("name"), List.of())));
      store.confirm(FieldKey.of(customers, "address.city"), "checked");
      store.change(FieldKey.of(customers, "customer_id"), "hashed_id", "pseudonymous key");
    }
  }

  @AfterEach
  void stop() {
    datacatalog.close();
    bigquery.close();
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = CorpusCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("gdpr", "sync-policy-tags", "--index-dir", index.toString(),
        "--db", db.toString(), "--project", PROJECT, "--bigquery-endpoint", bigquery.endpoint().toString(),
        "--datacatalog-endpoint", datacatalog.endpoint().toString()));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void dryRunPrintsThePreviewAsJsonAndChangesNothing() throws Exception {
    int code = run("--dry-run", "--json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = FakeResources.JSON.readTree(out.toString());
    assertThat(json.path("dryRun").asBoolean()).isTrue();
    assertThat(json.path("locations").get(0).path("createTaxonomy").asBoolean()).isTrue();
    assertThat(json.path("columns")).hasSize(2);
    assertThat(json.path("columns").get(0).path("field").asText()).isEqualTo("address.city");
    assertThat(json.path("columns").get(0).path("tag").asText()).isEqualTo("pii_postal_address");
    assertThat(json.path("columns").get(0).path("action").asText()).isEqualTo("add");
    assertThat(json.path("columns").get(1).path("tag").asText()).as("the changed category wins").isEqualTo("pii_hashed_id");
    assertThat(json.path("result").isNull()).isTrue();
    assertThat(datacatalog.count("^POST ")).isZero();
    assertThat(bigquery.count("^PATCH ")).isZero();
  }

  @Test
  void exitsWithOneAndSaysWhyWhenNothingCouldBeSynced() throws Exception {
    datacatalog.fail("POST", "/v1/projects/acme-analytics/locations/eu/taxonomies", 403, -1);

    int code = run();

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains("wrote 0 column tag(s) in 0 table(s)")
        .contains("problem: projects/acme-analytics/locations/eu: Permission denied while creating the taxonomy");
    assertThat(bigquery.count("^PATCH ")).isZero();
  }

  @Test
  void runCreatesTheTaxonomyAndTagsTheConfirmedColumnsOnly() throws Exception {
    int code = run();

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("location eu: taxonomy \"Corpus GDPR\" will be created")
        .contains("acme-analytics.published_core.customers  address.city: (none) -> pii_postal_address (new)")
        .contains("created taxonomy projects/acme-analytics/locations/eu/taxonomies/")
        .contains("wrote 2 column tag(s) in 1 table(s)");
    JsonNode fields = bigquery.table(PROJECT, "published_core", "customers").path("schema").path("fields");
    assertThat(fields.get(0).path("policyTags").path("names").get(0).asText()).contains("/policyTags/");
    assertThat(fields.get(3).path("fields").get(0).has("policyTags")).as("device_id was only suggested").isFalse();

    assertThat(run("--dry-run")).isZero();
    assertThat(out.toString()).contains("0 column(s) to write, 2 unchanged").contains("dry run: nothing was changed");
  }
}
