package corpus.app.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import corpus.app.connect.ConnectionSettings;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.Screenshots;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import corpus.gdpr.review.FieldKey;
import corpus.indexer.source.bigquery.PolicyTagSyncPlan.Action;
import corpus.indexer.source.bigquery.PolicyTagSyncPlan.ColumnPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The policy-tag sync dialog in a real window against a local server speaking BigQuery and Data
 * Catalog: preview, apply, cancel, and the explanation when no BigQuery connection is saved.
 */
@UiTest
@Tag("bigquery")
@ExtendWith(ApplicationExtension.class)
class PolicyTagSyncDialogUiTest {

  private static final String USERS = "acme.crm.users";
  private static final String FOREIGN_TAG = "projects/acme/locations/eu/taxonomies/11/policyTags/12";

  @TempDir static Path dir;

  private ExecutorService background;
  private FakeGoogleApis google;
  private ReviewService service;
  private Stage owner;
  private PolicyTagSyncDialog dialog;

  @Start
  void start(Stage stage) throws Exception {
    Theme.LIGHT.applyBase();
    owner = stage;
    background = NamedExecutors.cachedDaemonPool("corpus-test-bg-%02d");
    google = new FakeGoogleApis();
    google.addDataset("acme", "crm", "EU");
    google.addTable(USERS, List.of("user_id", "email", "phone_number", "full_name", "birth_date", "signup_date"),
        Map.of("phone_number", FOREIGN_TAG));
    service = ReviewFixture.open(dir.resolve("corpus-" + System.nanoTime() + ".db"));
    service.decide(ReviewService.Decision.CONFIRM, List.of(FieldKey.of(USERS, "email"), FieldKey.of(USERS, "phone_number")),
        null, "checked");
    service.decide(ReviewService.Decision.CHANGE, List.of(FieldKey.of(USERS, "user_id")), "hashed_id", "a hash");
    stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 320, 200));
    stage.show();
  }

  @AfterEach
  void stop(FxRobot robot) throws Exception {
    if (dialog != null) {
      robot.interact(() -> dialog.stage().close());
    }
    background.shutdownNow();
    service.close();
    google.close();
  }

  private void open(FxRobot robot, List<ConnectionSettings> saved) {
    PolicyTagSyncConnector connector = new PolicyTagSyncConnector(c -> c
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(20))
        .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(50)));
    robot.interact(() -> {
      dialog = new PolicyTagSyncDialog(new PolicyTagSyncViewModel(service, saved, connector,
          TaskExecutor.fx(background)), owner, Theme.LIGHT);
      dialog.show();
    });
  }

  private List<ConnectionSettings> connected() {
    return List.of(new ConnectionSettings(List.of("acme"), null, google.endpoint(), 0));
  }

  @Test
  void previewsTheChangeThenAppliesItOnConfirmation(FxRobot robot) throws Exception {
    open(robot, connected());
    TableView<?> columns = robot.lookup("#policyTagsColumns").queryAs(TableView.class);
    waitUntil(() -> columns.getItems().size() == 3);

    assertThat(columns.getItems()).extracting(c -> ((ColumnPlan) c).field(), c -> ((ColumnPlan) c).tag(),
        c -> ((ColumnPlan) c).action()).containsExactly(
            tuple("email", "pii_email", Action.ADD),
            tuple("phone_number", "pii_phone", Action.CONFLICT),
            tuple("user_id", "pii_hashed_id", Action.ADD));
    @SuppressWarnings("unchecked")
    List<String> notes = robot.lookup("#policyTagsNotes").queryAs(ListView.class).getItems();
    assertThat(notes)
        .contains("Create taxonomy \"Corpus GDPR\" in projects/acme/locations/eu", "  Create tag sensitivity_high › pii_email");
    assertThat(robot.lookup("#policyTagsSummary").queryAs(Label.class).getText())
        .isEqualTo("2 column(s) to write, 0 already tagged, 1 with another taxonomy's tag (left alone), 0 problem(s).");
    assertThat(google.count("^(POST|PATCH) ")).as("the preview writes nothing").isZero();
    Screenshots.save(dialog.stage().getScene(), "app-policy-tag-sync.png");

    robot.clickOn("#policyTagsApply");
    waitUntil(() -> robot.lookup("#policyTagsMessage").queryAs(Label.class).getText().startsWith("Wrote"));

    assertThat(robot.lookup("#policyTagsMessage").queryAs(Label.class).getText())
        .isEqualTo("Wrote 2 column tag(s) in 1 table(s); created 1 taxonomy(ies) and 4 tag(s).");
    assertThat(google.tagsOf(USERS, "email")).singleElement().asString().contains("/policyTags/");
    assertThat(google.tagsOf(USERS, "user_id")).singleElement().asString().contains("/policyTags/");
    assertThat(google.tagsOf(USERS, "phone_number")).containsExactly(FOREIGN_TAG);
    assertThat(google.tagsOf(USERS, "full_name")).as("suggestions are never written").isEmpty();
    assertThat(columns.getItems()).extracting(c -> ((ColumnPlan) c).action())
        .containsExactly(Action.UNCHANGED, Action.CONFLICT, Action.UNCHANGED);
    assertThat(robot.lookup("#policyTagsApply").queryAs(Button.class).isDisabled()).isTrue();
  }

  @Test
  void cancelStopsThePreviewAndNothingIsWritten(FxRobot robot) throws Exception {
    google.delay(3000);
    open(robot, connected());
    waitUntil(() -> robot.lookup("#policyTagsCancel").queryAs(Button.class).isVisible());

    robot.clickOn("#policyTagsCancel");

    waitUntil(() -> robot.lookup("#policyTagsMessage").queryAs(Label.class).getText()
        .equals("Preview cancelled; nothing was changed."));
    assertThat(robot.lookup("#policyTagsColumns").queryAs(TableView.class).getItems().size()).isZero();
    assertThat(robot.lookup("#policyTagsApply").queryAs(Button.class).isDisabled()).isTrue();
    assertThat(google.count("^(POST|PATCH) ")).isZero();
  }

  @Test
  void explainsWhyNothingCanBeDoneWithoutABigQueryConnection(FxRobot robot) throws Exception {
    open(robot, List.of());

    assertThat(robot.lookup("#policyTagsUnavailable").queryAs(Label.class).getText())
        .isEqualTo(PolicyTagSyncViewModel.NOT_CONNECTED);
    assertThat(robot.lookup("#policyTagsUnavailable").queryAs(Label.class).isVisible()).isTrue();
    assertThat(robot.lookup("#policyTagsPreview").queryAs(Button.class).isDisabled()).isTrue();
    assertThat(robot.lookup("#policyTagsApply").queryAs(Button.class).isDisabled()).isTrue();
    assertThat(google.count(".")).isZero();
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
  }
}
