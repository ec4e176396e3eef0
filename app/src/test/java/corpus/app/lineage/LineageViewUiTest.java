package corpus.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.MainWindow;
import corpus.app.Place;
import corpus.app.task.FxDebouncer;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.Screenshots;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

/** The lineage tab in the real window: see upstream, expand a node, follow an edge's SQL, click through. */
@UiTest
@ExtendWith(ApplicationExtension.class)
class LineageViewUiTest {

  @TempDir static Path indexDir;

  private ExecutorService background;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    Theme.LIGHT.applyBase();
    background = NamedExecutors.cachedDaemonPool("corpus-test-bg-%02d");
    window = new MainWindow(LineageCatalog.loader(indexDir.resolve("index")), TaskExecutor.fx(background),
        new FxDebouncer(Duration.millis(150)), Theme.LIGHT);
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
  void showsUpstreamExpandsANodeShowsEdgeSqlAndClicksThroughToTheTable(FxRobot robot) throws Exception {
    waitUntil(() -> !robot.lookup("#catalogStatus").query().isVisible());
    robot.interact(() -> window.navigator().go(new Place.Table(LineageCatalog.STG)));
    waitUntil(() -> title(robot).equals(LineageCatalog.STG.toString()));

    robot.clickOn("Lineage");
    waitUntil(() -> node(robot, LineageCatalog.RAW.toString()).isPresent());
    assertThat(node(robot, LineageCatalog.STG.toString()).orElseThrow().getStyleClass()).contains(GraphPane.FOCUS);
    assertThat(node(robot, LineageCatalog.LTV.toString())).as("two hops away: hidden at first").isEmpty();

    robot.clickOn(expander(robot, LineageCatalog.DAILY + ">"));
    waitUntil(() -> node(robot, LineageCatalog.LTV.toString()).isPresent()
        && node(robot, LineageCatalog.REVENUE.toString()).isPresent());

    GraphPane graph = robot.lookup("#lineageGraph").queryAs(GraphPane.class);
    LineageSubgraph.Link link = fx(() -> graph.drawing().links().stream().map(LineageDrawing.DrawnLink::link)
        .filter(l -> l.to().equals(LineageCatalog.DAILY.toString())).findFirst().orElseThrow());
    Point2D onEdge = fx(() -> graph.localToScreen(graph.pointOn(link)));
    robot.clickOn(onEdge);
    waitUntil(() -> robot.lookup("#edgeSqlTitle").tryQuery().map(Node::isVisible).orElse(false));
    assertThat(graph.selectedLink()).as("the clicked edge is highlighted").isEqualTo(link);
    assertThat(robot.lookup("#edgeSqlTitle").queryAs(Label.class).getText()).isEqualTo("stg/daily.sql");
    ListView<?> lines = robot.lookup("#edgeSqlLines").queryAs(ListView.class);
    waitUntil(() -> !robot.lookup("." + SqlPanel.HIGHLIGHT).queryAll().isEmpty());
    assertThat(lines.getItems()).hasSize(LineageCatalog.DAILY_SQL.lines().toList().size());
    Screenshots.save(window.scene(), "app-lineage.png");

    robot.clickOn(node(robot, LineageCatalog.LTV.toString()).orElseThrow());
    waitUntil(() -> title(robot).equals(LineageCatalog.LTV.toString()));
    waitUntil(() -> node(robot, LineageCatalog.CUSTOMERS.toString()).isPresent());
    assertThat(node(robot, LineageCatalog.LTV.toString()).orElseThrow().getStyleClass()).contains(GraphPane.FOCUS);
  }

  @Test
  void columnModeFollowsOneField(FxRobot robot) throws Exception {
    waitUntil(() -> !robot.lookup("#catalogStatus").query().isVisible());
    robot.interact(() -> window.navigator().go(new Place.Table(LineageCatalog.DAILY)));
    robot.clickOn("Lineage");
    waitUntil(() -> node(robot, LineageCatalog.STG.toString()).isPresent());

    robot.clickOn("#followColumn");
    robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
        .match(n -> n instanceof javafx.scene.control.ListCell<?> c && "revenue".equals(c.getText())).queryAs(Node.class));
    waitUntil(() -> node(robot, LineageCatalog.STG + ".amount_eur").isPresent());
    assertThat(node(robot, LineageCatalog.LTV + ".ltv")).isPresent();
    assertThat(robot.lookup(".lineage-node-title").queryAll()).extracting(n -> ((Label) n).getText())
        .containsExactlyInAnyOrder("revenue", "amount_eur", "ltv", "revenue");
    Screenshots.save(window.scene(), "app-lineage-column.png");
  }

  private static String title(FxRobot robot) {
    return robot.lookup("#tableTitle").tryQuery().map(n -> ((Label) n).getText()).orElse("");
  }

  private static Optional<Node> node(FxRobot robot, String id) {
    return robot.lookup("." + GraphPane.NODE).match(n -> id.equals(n.getUserData())).tryQuery();
  }

  private static Node expander(FxRobot robot, String key) {
    return robot.lookup("." + GraphPane.EXPANDER).match(n -> key.equals(n.getUserData())).query();
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
      WaitForAsyncUtils.waitForFxEvents();
      return condition.getAsBoolean();
    });
  }
}
