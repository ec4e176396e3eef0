package corpus.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.Navigator;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.Screenshots;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.progress.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lineage view of the 2,000-table warehouse of {@code corpus bench lineage-view} ({@link LineageBenchCatalog},
 * indexed by the real indexer), opened on its hub with every hop shown, in a real window: every table laid out
 * without overlap, the focus on screen, a drag pans the boxes and the painted edges together, and a click on an
 * edge after the pan selects that edge and shows its SQL. What a user sees; no timings (those are in {@code corpus
 * bench lineage-view}).
 */
@UiTest
@ExtendWith(ApplicationExtension.class)
class LineageBigGraphUiTest {

  private static final int TABLES = 2000;
  private static final LineageBenchCatalog WAREHOUSE = new LineageBenchCatalog(TABLES, 20261122L);

  @TempDir static Path dir;
  private static LuceneCatalog catalog;

  private ExecutorService background;
  private LineageViewModel vm;
  private LineageView view;
  private Scene scene;

  @BeforeAll
  static void index() throws Exception {
    new Indexer(dir.resolve("index")).run(List.of(WAREHOUSE), ProgressListener.NONE);
    catalog = LuceneCatalog.open(dir.resolve("index"));
  }

  @AfterAll
  static void close() throws Exception {
    catalog.close();
  }

  @Start
  void start(Stage stage) {
    Theme.LIGHT.applyBase();
    background = NamedExecutors.cachedDaemonPool("corpus-test-bg-%02d");
    vm = new LineageViewModel(TaskExecutor.fx(background), new Navigator(), GraphLayout.standard());
    view = new LineageView(vm);
    scene = new Scene(view.root(), 1280, 820);
    Theme.LIGHT.style(scene);
    stage.setScene(scene);
    stage.show();
    vm.catalogProperty().set(catalog);
    vm.hopsProperty().set(20);
    vm.show(WAREHOUSE.hub());
    vm.setActive(true);
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
    Theme.LIGHT.applyBase(); // the base theme is the whole app's: leave it as the other tests expect
  }

  @Test
  void showsTwoThousandTablesPansAndSelectsAnEdgeAfterThePan(FxRobot robot) throws Exception {
    GraphPane graph = view.graph();
    waitUntil(() -> graph.drawing() != null && focus(robot) != null);
    LineageDrawing drawing = graph.drawing();
    assertThat(drawing.nodes()).as("the hub's upstream and downstream are every table").hasSize(TABLES);
    assertThat(drawing.overlappingNodePairs()).isZero();

    Region focus = focus(robot);
    Bounds before = fx(() -> graph.sceneToLocal(focus.localToScene(focus.getBoundsInLocal())));
    assertThat(fx(() -> graph.getLayoutBounds().contains(before))).as("the focus is on screen").isTrue();
    Color focusFill = (Color) focus.getBackground().getFills().getFirst().getFill();
    assertThat(pixel(graph, new Point2D(before.getMinX() + 12, before.getMaxY() - 5)))
        .as("the focus box is painted").satisfies(c -> assertClose(c, focusFill));
    Screenshots.save(scene, "lineage-2000-100.png");

    // a real drag on the background moves boxes and edges together
    Point2D from = fx(() -> graph.localToScreen(graph.getWidth() * 0.8, graph.getHeight() * 0.7));
    robot.drag(from, MouseButton.PRIMARY).dropBy(-300, -200);
    WaitForAsyncUtils.waitForFxEvents();
    Bounds after = fx(() -> graph.sceneToLocal(focus.localToScene(focus.getBoundsInLocal())));
    assertThat(after.getMinX() - before.getMinX()).isCloseTo(-300, org.assertj.core.data.Offset.offset(1.0));
    assertThat(after.getMinY() - before.getMinY()).isCloseTo(-200, org.assertj.core.data.Offset.offset(1.0));

    LineageSubgraph.Link edge = fx(() -> clickableEdge(graph, WAREHOUSE.hub().toString()));
    Point2D onEdge = fx(() -> graph.screenToLocal(onScreen(graph, edge)));
    Color background = (Color) graph.getBackground().getFills().getFirst().getFill();
    assertThat(brightness(pixel(graph, onEdge))).as("the edge is painted where it is after the pan")
        .isLessThan(brightness(background) - 0.15);

    robot.clickOn(fx(() -> onScreen(graph, edge)));
    waitUntil(() -> robot.lookup("#edgeSqlTitle").tryQuery().map(Node::isVisible).orElse(false));
    assertThat(graph.selectedLink()).isEqualTo(edge);
    String[] target = edge.to().split("\\.");
    assertThat(robot.lookup("#edgeSqlTitle").queryAs(Label.class).getText())
        .isEqualTo(target[1] + "/" + target[2] + "/query.sql");
    Color accent = (Color) fx(() -> ((javafx.scene.shape.Line) graph.lookup("." + GraphPane.SELECTED)).getStroke());
    waitUntil(() -> close(pixel(graph, onEdge), accent));
    Screenshots.save(scene, "lineage-2000-100-selected.png");
  }

  @Test
  void theZoomedOutPictureTakesTheThemesColours(FxRobot robot) throws Exception {
    GraphPane graph = view.graph();
    waitUntil(() -> graph.drawing() != null && focus(robot) != null);
    String hub = WAREHOUSE.hub().toString();
    fx(() -> {
      Theme.DARK.applyBase(); // switched while the view is open, as the picture must follow
      scene.getRoot().getStyleClass().add("dark");
      while (graph.zoomLevel() >= GraphPane.OVERVIEW || !OverviewCanvas.fits(graph.drawing(), graph.zoomLevel())) {
        graph.zoom(0.8);
      }
      return null;
    });
    for (int i = 0; i < 3; i++) { // the picture is painted on the next pulse
      WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
      WaitForAsyncUtils.waitForFxEvents();
    }
    String other = fx(() -> graph.drawing().nodes().stream().map(LineageDrawing.DrawnNode::id)
        .filter(id -> !id.equals(hub)).filter(id -> {
          Point2D c = graph.centreOf(id);
          return c != null && graph.getLayoutBounds().contains(c);
        }).findFirst().orElseThrow());

    Color node = pixel(graph, fx(() -> graph.centreOf(other)));
    Color hubBox = pixel(graph, fx(() -> graph.centreOf(hub)));
    Screenshots.save(scene, "lineage-2000-overview-dark.png");

    assertThat(robot.lookup(".lineage-overview").query().isVisible()).as("the drawing is one picture").isTrue();
    assertThat(brightness(node)).as("a box in the dark picture is dark, not white: %s", node).isLessThan(0.3);
    assertThat(brightness(hubBox) - brightness(node)).as("the focus stands out: %s", hubBox).isGreaterThan(0.03);
  }

  /** A whole-pixel point on screen (as the mouse has) on {@code link}, or null when it is not on screen. */
  private static Point2D onScreen(GraphPane graph, LineageSubgraph.Link link) {
    Point2D p = graph.pointOn(link);
    if (p == null) {
      return null;
    }
    Point2D s = graph.localToScreen(p);
    return new Point2D(Math.round(s.getX()), Math.round(s.getY()));
  }

  /**
   * An edge with a point on screen where it is the edge nearest the pointer, off any box: one into {@code target}
   * if there is such a point, else any.
   */
  private static LineageSubgraph.Link clickableEdge(GraphPane graph, String target) {
    List<Bounds> boxes = graph.lookupAll("." + GraphPane.NODE).stream()
        .map(n -> graph.sceneToLocal(n.localToScene(n.getBoundsInLocal()))).toList();
    return graph.drawing().links().stream().map(LineageDrawing.DrawnLink::link)
        .sorted(java.util.Comparator.comparing(l -> !l.to().equals(target)))
        .filter(l -> {
          Point2D s = onScreen(graph, l);
          Point2D p = s == null ? null : graph.screenToLocal(s);
          return p != null && graph.linkAt(p.getX(), p.getY()) == l && boxes.stream().noneMatch(b -> b.contains(p));
        })
        .findFirst().orElseThrow(() -> new AssertionError("no edge to click on screen"));
  }

  private static Region focus(FxRobot robot) {
    return (Region) robot.lookup("." + GraphPane.FOCUS).tryQuery().orElse(null);
  }

  /** The colour on screen (in the window's picture) at a point of the pane. */
  private Color pixel(GraphPane graph, Point2D local) {
    try {
      return fx(() -> {
        Point2D p = graph.localToScene(local);
        return scene.snapshot(null).getPixelReader().getColor((int) p.getX(), (int) p.getY());
      });
    } catch (Exception e) {
      throw new IllegalStateException("could not read the window's pixels", e);
    }
  }

  private static double brightness(Color c) {
    return (c.getRed() + c.getGreen() + c.getBlue()) / 3;
  }

  private static boolean close(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed()) < 0.06 && Math.abs(a.getGreen() - b.getGreen()) < 0.06
        && Math.abs(a.getBlue() - b.getBlue()) < 0.06;
  }

  private static void assertClose(Color seen, Color want) {
    assertThat(close(seen, want)).as("colour %s close to %s", seen, want).isTrue();
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
      WaitForAsyncUtils.waitForFxEvents();
      return condition.getAsBoolean();
    });
  }
}
