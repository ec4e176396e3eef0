package corpus.app.search;

import corpus.app.MainWindow;
import corpus.app.catalog.LuceneCatalogLoader;
import corpus.app.task.FxDebouncer;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.Screenshots;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import corpus.indexer.CorpusHome;
import corpus.indexer.source.SourceSpecs;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
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
 * Takes the user guide's search screenshots on the embedded sample warehouse (facets, completions,
 * help): {@code xvfb-run -a ./mvnw -B -pl app test -Dtest=SearchScreenshotsUiTest
 * -Dcorpus.screenshots=../docs/images}.
 */
@UiTest
@EnabledIfSystemProperty(named = "corpus.screenshots", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class SearchScreenshotsUiTest {

  @TempDir static Path home;

  private ExecutorService background;
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    Theme.LIGHT.applyBase();
    CorpusHome corpusHome = new CorpusHome(home);
    background = NamedExecutors.cachedDaemonPool("corpus-shots-bg-%02d");
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
  void photographsTheSearchPage(FxRobot robot) throws Exception {
    Path out = Path.of(System.getProperty("corpus.screenshots"));
    Files.createDirectories(out);
    WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> !robot.lookup("#catalogStatus").query().isVisible());
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#facets .check-box").tryQuery().isPresent());
    Thread.sleep(500);
    copy(Screenshots.save(window.scene(), "app-search-empty.png"), out);

    robot.clickOn("#searchField").write("user email");
    ListView<?> results = robot.lookup("#results").queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
        () -> results.isVisible() && "Results for user email".equals(results.getAccessibleText()));
    Thread.sleep(800);
    copy(screen(robot, "app-search-completion.png"), out);

    robot.clickOn(robot.lookup("#facets .check-box").queryAllAs(CheckBox.class).stream()
        .filter(b -> "dataset=users".equals(b.getUserData())).findFirst().orElseThrow());
    Thread.sleep(1200);
    copy(Screenshots.save(window.scene(), "app-search.png"), out);

    robot.clickOn("#helpButton");
    Thread.sleep(800);
    copy(screen(robot, "app-search-help.png"), out);
  }

  /** The window as on screen, popups included (a scene snapshot leaves them out). */
  private Path screen(FxRobot robot, String name) throws Exception {
    Rectangle2D bounds = WaitForAsyncUtils.asyncFx(
        () -> new Rectangle2D(stage.getX() + stage.getScene().getX(), stage.getY() + stage.getScene().getY(),
            stage.getScene().getWidth(), stage.getScene().getHeight())).get(5, TimeUnit.SECONDS);
    BufferedImage png = SwingFXUtils.fromFXImage(robot.capture(bounds).getImage(), null);
    Path file = Path.of("target", "screenshots", name);
    Files.createDirectories(file.getParent());
    ImageIO.write(png, "png", file.toFile());
    return file;
  }

  private static void copy(Path shot, Path dir) throws Exception {
    Files.copy(shot, dir.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
  }
}
