package corpus.app.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import corpus.app.connect.ConnectionSettings;
import corpus.app.task.TaskExecutor;
import corpus.gdpr.review.FieldKey;
import corpus.indexer.source.bigquery.PolicyTagSyncPlan.Action;
import corpus.indexer.source.bigquery.PolicyTagSyncPlan.ColumnPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync dialog's view model on the current thread, against a local BigQuery + Data Catalog server. */
@Tag("bigquery")
class PolicyTagSyncViewModelTest {

  private static final String USERS = "acme.crm.users";

  @TempDir Path dir;
  private FakeGoogleApis google;
  private ReviewService service;
  private PolicyTagSyncViewModel vm;

  @BeforeEach
  void start() throws Exception {
    google = new FakeGoogleApis();
    google.addDataset("acme", "crm", "EU");
    google.addTable(USERS, List.of("user_id", "email", "phone_number", "full_name", "birth_date", "signup_date"), Map.of());
    service = ReviewFixture.open(dir.resolve("corpus.db"));
    vm = new PolicyTagSyncViewModel(service, List.of(new ConnectionSettings(List.of("acme"), null, google.endpoint(), 0)),
        new PolicyTagSyncConnector(c -> c.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(20))
            .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(50))), TaskExecutor.currentThread());
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
    google.close();
  }

  @Test
  void aRejectionAfterASyncRemovesTheCorpusTagOnTheNextSync() throws Exception {
    service.decide(ReviewService.Decision.CONFIRM, List.of(FieldKey.of(USERS, "email"), FieldKey.of(USERS, "full_name")),
        null, "checked");
    vm.preview();
    vm.apply();
    assertThat(vm.messageProperty().get()).startsWith("Wrote 2 column tag(s) in 1 table(s)");
    assertThat(google.tagsOf(USERS, "full_name")).hasSize(1);

    service.decide(ReviewService.Decision.REJECT, List.of(FieldKey.of(USERS, "full_name")), null, "a team name");
    vm.preview();

    assertThat(vm.columns()).extracting(ColumnPlan::field, ColumnPlan::action)
        .containsExactly(tuple("email", Action.UNCHANGED), tuple("full_name", Action.REMOVE));
    assertThat(vm.summaryProperty().get()).startsWith("1 column(s) to write, 1 already tagged");
    assertThat(vm.canApplyProperty().get()).isTrue();
    vm.apply();
    assertThat(google.tagsOf(USERS, "full_name")).isEmpty();
    assertThat(google.tagsOf(USERS, "email")).hasSize(1);
    assertThat(vm.canApplyProperty().get()).as("nothing left to do").isFalse();
  }

  @Test
  void aMissingKeyFileIsReportedInOneSentenceNamingTheFile() throws Exception {
    Path key = dir.resolve("no-such-key.json");
    PolicyTagSyncViewModel withKey = new PolicyTagSyncViewModel(service,
        List.of(new ConnectionSettings(List.of("acme"), key, null, 0)), new PolicyTagSyncConnector(),
        TaskExecutor.currentThread());

    withKey.preview();

    assertThat(withKey.messageProperty().get()).isEqualTo("The key file " + key + " does not exist.");
    assertThat(withKey.planProperty().get()).isNull();
    assertThat(withKey.busyProperty().get()).isFalse();
  }

  @Test
  void withoutAConnectionNothingRunsAndTheReasonIsGiven() throws Exception {
    PolicyTagSyncViewModel offline = new PolicyTagSyncViewModel(service, List.of(), new PolicyTagSyncConnector(),
        TaskExecutor.currentThread());

    offline.preview();

    assertThat(offline.isConnected()).isFalse();
    assertThat(offline.unavailableProperty().get()).isEqualTo(PolicyTagSyncViewModel.NOT_CONNECTED);
    assertThat(offline.planProperty().get()).isNull();
    assertThat(google.count(".")).isZero();
  }
}
