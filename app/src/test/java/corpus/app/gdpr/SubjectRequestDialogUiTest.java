package corpus.app.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.SmallCatalog;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import corpus.gdpr.detect.Classifier;
import corpus.gdpr.review.Reviewer;
import corpus.indexer.CorpusHome;
import corpus.indexer.gdpr.GdprStores;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The data-subject request window: find the tables holding user ids, read the estimates, copy a statement. */
@UiTest
@ExtendWith(ApplicationExtension.class)
class SubjectRequestDialogUiTest {

  @TempDir static Path dir;

  private ExecutorService background;
  private ReviewService service;

  @Start
  void start(Stage stage) throws Exception {
    Theme.LIGHT.applyBase();
    background = NamedExecutors.cachedDaemonPool("corpus-test-bg-%02d");
    Path index = dir.resolve("index-" + System.nanoTime());
    SmallCatalog.build(index).close();
    Classifier classifier = Classifier.withDefaults();
    service = new ReviewService(GdprStores.open(dir.resolve("corpus-" + System.nanoTime() + ".db"),
        new Reviewer("alice"), classifier.taxonomy()), classifier);
    SubjectRequestDialog dialog = new SubjectRequestDialog(new SubjectRequestViewModel(classifier.taxonomy(),
        new CatalogSubjectRequests(index, new CorpusHome(dir.resolve("home")), service), TaskExecutor.fx(background)),
        stage, Theme.LIGHT);
    dialog.show();
  }

  @AfterEach
  void stop() throws Exception {
    background.shutdownNow();
    service.close();
  }

  @Test
  void findsTheTablesHoldingAUserIdWithEstimatesAndCopiesAParameterisedStatement(FxRobot robot) throws Exception {
    robot.clickOn("#dsrValue").write("listener-42");
    robot.clickOn("#dsrFind");
    TableView<?> statements = robot.lookup("#dsrStatements").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !statements.getItems().isEmpty());

    assertThat(robot.lookup("#dsrTotal").queryAs(Label.class).getText()).startsWith("Total: ");
    SubjectRequestViewModel.Row first = (SubjectRequestViewModel.Row) statements.getItems().get(0);
    assertThat(first.table()).isEqualTo(SmallCatalog.APP_EVENTS.toString());
    assertThat(first.estimate()).contains("processed").contains("billed ≈ $");

    robot.interact(() -> statements.getSelectionModel().select(0));
    robot.clickOn("#dsrCopy");
    String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
    assertThat(copied).contains(first.sql()).contains("@subject_id").doesNotContain("listener-42");

    robot.clickOn("#dsrCopyBq");
    String command = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
    assertThat(command).contains("--parameter='subject_id:STRING:listener-42'");
  }
}
