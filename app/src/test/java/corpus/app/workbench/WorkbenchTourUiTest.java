package corpus.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.MainWindow;
import corpus.app.Place;
import corpus.app.catalog.LuceneCatalogLoader;
import corpus.app.history.HistoryRecordingLoader;
import corpus.app.task.FxDebouncer;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.Screenshots;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import corpus.indexer.CorpusHome;
import corpus.indexer.source.SourceSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Takes the user guide's workbench screenshots in the real window on the embedded sample warehouse (builds the
 * sample catalog first, about a minute):
 * {@code xvfb-run -a ./mvnw -B -pl app test -Dtest=WorkbenchTourUiTest -Dcorpus.screenshots=../docs/images}.
 */
@UiTest
@EnabledIfSystemProperty(named = "corpus.screenshots", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class WorkbenchTourUiTest {

  @TempDir static Path home;

  private ExecutorService background;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    Theme.LIGHT.applyBase();
    CorpusHome corpusHome = new CorpusHome(home);
    background = NamedExecutors.cachedDaemonPool("corpus-wb-tour-%02d");
    Path index = corpusHome.defaultIndex();
    window = new MainWindow(new HistoryRecordingLoader(
        new LuceneCatalogLoader(index, () -> SourceSpecs.parse("sample", corpusHome)), corpusHome.database(), index),
        TaskExecutor.fx(background), new FxDebouncer(Duration.millis(150)), Theme.LIGHT);
    window.connectWorkbench(reader -> WorkbenchSession.open(reader, corpusHome, index));
    stage.setScene(window.scene());
    stage.setWidth(1280);
    stage.setHeight(820);
    stage.show();
    window.start();
  }

  @AfterEach
  void stop() throws Exception {
    WaitForAsyncUtils.asyncFx(window::close).get(5, TimeUnit.SECONDS);
    background.shutdownNow();
  }

  @Test
  void workbenchOnTheSample(FxRobot robot) throws Exception {
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W).release(KeyCode.W, KeyCode.SHIFT, KeyCode.CONTROL);
    assertThat(window.navigator().current()).isEqualTo(new Place.Workbench());
    waitFor(240, () -> robot.lookup("#workbenchStatus").queryAs(Label.class).getText().startsWith("Estimates"));
    robot.clickOn("#sqlEditor");
    robot.write("SELECT track_id, country, SUM(ms_played) AS ms\nFROM `soundwave-prod.listening.plays`\n"
        + "GROUP BY track_id, country\nORDER BY ms DESC");
    Label summary = robot.lookup("#estimateSummary").queryAs(Label.class);
    waitFor(60, () -> summary.getText().startsWith("This query will process")
        && robot.lookup(".apply-hint").tryQuery().isPresent());
    save("app-workbench-coach.png");

    robot.clickOn(robot.lookup(".apply-hint").queryAs(Button.class));
    waitFor(30, () -> robot.lookup(".estimate-table-figures").queryAs(Label.class).getText().contains("7 of 366"));
    robot.clickOn("#runQuery");
    Label status = robot.lookup("#runStatus").queryAs(Label.class);
    waitFor(60, () -> status.getText().contains(" rows in "));
    save("app-workbench.png");

    javafx.scene.control.TabPane tabs = robot.lookup("#workbenchTabs").queryAs(javafx.scene.control.TabPane.class);
    robot.interact(() -> tabs.getSelectionModel().selectLast());
    waitFor(10, () -> robot.lookup("#queryHistory").queryAs(javafx.scene.control.TableView.class).getItems()
        .size() == 1);
    save("app-workbench-history.png");

    robot.interact(() -> window.navigator().go(new Place.Table(
        corpus.indexer.model.TableId.parse("soundwave-prod.listening.plays"))));
    javafx.scene.control.TabPane tablePage = robot.lookup(n -> n instanceof javafx.scene.control.TabPane p
        && p.getTabs().stream().anyMatch(t -> "previewTab".equals(t.getId()))).queryAs(
            javafx.scene.control.TabPane.class);
    robot.interact(() -> tablePage.getSelectionModel().select(tablePage.getTabs().stream()
        .filter(t -> "previewTab".equals(t.getId())).findFirst().orElseThrow()));
    robot.clickOn("#previewRows");
    waitFor(30, () -> robot.lookup("#previewStatus").queryAs(Label.class).getText().startsWith("First 100 rows"));
    save("app-table-preview.png");
  }

  private void save(String name) throws Exception {
    Path shot = Screenshots.save(window.scene(), name);
    Path dir = Path.of(System.getProperty("corpus.screenshots"));
    Files.createDirectories(dir);
    Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void waitFor(int seconds, BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> condition.getAsBoolean());
    WaitForAsyncUtils.waitForFxEvents();
  }
}
