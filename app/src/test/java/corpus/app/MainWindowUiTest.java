package corpus.app;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.task.FxDebouncer;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.Screenshots;
import corpus.app.testing.SmallCatalog;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import corpus.indexer.model.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window over a real catalog built in the background: search, open, read, go back. */
@UiTest
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {

  @TempDir static Path indexDir;

  private ExecutorService background;
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    Theme.LIGHT.applyBase();
    background = NamedExecutors.cachedDaemonPool("corpus-test-bg-%02d");
    window = new MainWindow(SmallCatalog.loader(indexDir.resolve("index")), TaskExecutor.fx(background),
        new FxDebouncer(Duration.millis(150)), Theme.LIGHT);
    stage.setScene(window.scene());
    stage.setWidth(1200);
    stage.setHeight(800);
    stage.show();
    window.start();
  }

  @AfterEach
  void stop() throws Exception {
    WaitForAsyncUtils.asyncFx(window::close).get(5, TimeUnit.SECONDS);
    background.shutdownNow();
  }

  @Test
  void typesAQueryOpensTheTableWithTheKeyboardAndReadsItsPage(FxRobot robot) throws Exception {
    waitUntil(() -> !robot.lookup("#catalogStatus").query().isVisible());
    assertThat(robot.lookup("#emptyState").queryAs(Node.class).isVisible()).isTrue();

    robot.clickOn("#searchField").write("creator plays per day");
    ListView<?> results = robot.lookup("#results").queryAs(ListView.class);
    // results follow each pause in typing: wait for those of the whole query
    waitUntil(() -> results.isVisible() && texts(robot, ".field-chip").contains("plays"));
    assertThat(firstCardTitle(robot)).isEqualTo(SmallCatalog.CREATOR_METRICS.toString());
    assertThat(robot.lookup(".status-line").queryAll()).extracting(n -> ((Label) n).getText())
        .anyMatch(t -> t.matches("\\d+ results? in \\d+ ms"));
    Screenshots.save(window.scene(), "app-search.png");

    robot.type(KeyCode.DOWN).type(KeyCode.UP).type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#tableTitle").queryAs(Label.class).isVisible()
        && !robot.lookup("#tableDescription").queryAs(Label.class).getText().isEmpty());

    assertThat(robot.lookup("#tableTitle").queryAs(Label.class).getText())
        .isEqualTo(SmallCatalog.CREATOR_METRICS.toString());
    assertThat(robot.lookup("#tableDescription").queryAs(Label.class).getText())
        .isEqualTo("Plays, listeners and actions per creator per day");
    waitUntil(() -> visibleCellTexts(robot).containsAll(List.of("actions_received", "metric_name")));
    assertThat(shownRows(robot)).contains("actions_received", "metric_name", "details", "source");
    assertThat(robot.lookup(".chip").queryAll()).extracting(n -> ((Label) n).getText())
        .contains("owner: creator-insights", "tier: gold");
    // the design-document links arrive from a background read: look them up on the FX thread once they are there
    waitUntil(() -> robot.lookup((Node n) -> n instanceof Hyperlink h && SmallCatalog.DOC_TITLE.equals(h.getText()))
        .tryQuery().isPresent());
    Hyperlink doc = WaitForAsyncUtils.asyncFx(() -> robot.lookup(
        (Node n) -> n instanceof Hyperlink h && SmallCatalog.DOC_TITLE.equals(h.getText())).queryAs(Hyperlink.class))
        .get(5, TimeUnit.SECONDS);
    assertThat(doc.isVisible()).isTrue();

    robot.clickOn(doc);
    waitUntil(() -> robot.lookup("#docPanel").tryQuery().isPresent()
        && robot.lookup("Freshness").tryQuery().isPresent());
    Screenshots.save(window.scene(), "app-table.png");

    robot.press(KeyCode.ALT).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.ALT);
    waitUntil(() -> results.isVisible());
    assertThat(robot.lookup("#searchField").queryAs(TextField.class).getText())
        .isEqualTo("creator plays per day");
  }

  @Test
  void escClearsTheSearchAndCtrlKFocusesIt(FxRobot robot) throws Exception {
    waitUntil(() -> !robot.lookup("#catalogStatus").query().isVisible());
    TextField search = robot.lookup("#searchField").queryAs(TextField.class);
    robot.clickOn(search).write("track");
    ListView<?> results = robot.lookup("#results").queryAs(ListView.class);
    waitUntil(() -> results.isVisible() && !results.getItems().isEmpty());

    robot.type(KeyCode.ESCAPE);
    if (!search.getText().isEmpty()) {
      robot.type(KeyCode.ESCAPE); // the first Esc closed the name suggestions
    }
    waitUntil(() -> robot.lookup("#emptyState").query().isVisible());
    assertThat(search.getText()).isEmpty();
    Screenshots.save(window.scene(), "app-empty.png");

    robot.clickOn("#statusBar");
    robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
    waitUntil(search::isFocused);
  }

  private static String firstCardTitle(FxRobot robot) {
    // result cards only: other list cells (the sort box's, the facets') have no .result-title
    return robot.lookup(".list-cell").queryAll().stream()
        .filter(n -> ((ListCell<?>) n).getIndex() == 0)
        .map(n -> robot.from(n).lookup(".result-title").tryQueryAs(Label.class))
        .flatMap(java.util.Optional::stream)
        .map(Label::getText)
        .findFirst().orElse("");
  }

  private static List<String> texts(FxRobot robot, String query) {
    return robot.lookup(query).queryAll().stream()
        .filter(n -> n instanceof Label && n.isVisible())
        .map(n -> ((Label) n).getText())
        .toList();
  }

  private static List<String> visibleCellTexts(FxRobot robot) {
    return robot.lookup(".tree-table-cell").queryAll().stream()
        .map(n -> ((TreeTableCell<?, ?>) n).getText())
        .filter(t -> t != null && !t.isBlank())
        .toList();
  }

  /** Names of the schema rows a user can scroll to without expanding anything. */
  private static List<String> shownRows(FxRobot robot) {
    TreeTableView<?> tree = robot.lookup("#schemaTree").queryAs(TreeTableView.class);
    List<String> names = new ArrayList<>();
    for (int row = 0; row < tree.getExpandedItemCount(); row++) {
      names.add(((Field) tree.getTreeItem(row).getValue()).name());
    }
    return names;
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
      try {
        return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        return false;
      }
    });
  }
}
