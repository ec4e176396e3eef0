package corpus.app;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.catalog.LuceneCatalogLoader;
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
import javafx.scene.control.ListView;
import javafx.scene.control.TreeTableView;
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
 * Takes the user guide's screenshots of the real app on the embedded sample warehouse:
 * {@code xvfb-run -a ./mvnw -B -pl app test -Dtest=ScreenshotTourUiTest -Dcorpus.screenshots=../docs/images}.
 */
@UiTest
@EnabledIfSystemProperty(named = "corpus.screenshots", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ScreenshotTourUiTest {

  @TempDir static Path home;

  private ExecutorService background;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    Theme.LIGHT.applyBase();
    CorpusHome corpusHome = new CorpusHome(home);
    background = NamedExecutors.cachedDaemonPool("corpus-tour-bg-%02d");
    window = new MainWindow(
        new LuceneCatalogLoader(corpusHome.defaultIndex(), () -> SourceSpecs.parse("sample", corpusHome)),
        TaskExecutor.fx(background), new FxDebouncer(Duration.millis(150)), Theme.LIGHT);
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
  void photographsSearchAndTablePage(FxRobot robot) throws Exception {
    Path out = Path.of(System.getProperty("corpus.screenshots"));
    Files.createDirectories(out);
    Thread.sleep(1500);
    copy(Screenshots.save(window.scene(), "app-building.png"), out);
    WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS,
        () -> !robot.lookup("#catalogStatus").query().isVisible());

    robot.clickOn("#searchField").write("creator plays per day");
    ListView<?> results = robot.lookup("#results").queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> results.isVisible() && results.getItems().size() > 2);
    Thread.sleep(800);
    copy(Screenshots.save(window.scene(), "app-search.png"), out);

    robot.type(KeyCode.ENTER);
    TreeTableView<?> schema = robot.lookup("#schemaTree").queryAs(TreeTableView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> schema.getExpandedItemCount() > 0);
    // the design documents load after the schema: wait for their links, then for the rendered table
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#docLinks .hyperlink").tryQuery().isPresent());
    robot.clickOn(robot.lookup("#docLinks .hyperlink").queryAs(javafx.scene.Node.class));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#docPanel .md-table").tryQuery().isPresent());
    Thread.sleep(1200);
    copy(Screenshots.save(window.scene(), "app-table.png"), out);
    assertThat(Files.size(out.resolve("app-table.png"))).isPositive();
  }

  private static void copy(Path shot, Path dir) throws Exception {
    Files.copy(shot, dir.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
  }
}
