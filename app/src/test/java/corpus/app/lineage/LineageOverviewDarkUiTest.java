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
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The zoomed-out picture of a large graph in the dark theme: dark boxes, as the boxes it stands for. */
@UiTest
@ExtendWith(ApplicationExtension.class)
class LineageOverviewDarkUiTest {

  private static final LineageBenchCatalog WAREHOUSE = new LineageBenchCatalog(600, 20261122L);

  @TempDir static Path dir;
  private static LuceneCatalog catalog;

  private ExecutorService background;
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
    Theme.DARK.applyBase();
    background = NamedExecutors.cachedDaemonPool("corpus-test-bg-%02d");
    LineageViewModel vm = new LineageViewModel(TaskExecutor.fx(background), new Navigator(), GraphLayout.standard());
    view = new LineageView(vm);
    scene = new Scene(view.root(), 1280, 820);
    Theme.DARK.style(scene);
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
  void theOverviewPaintsBoxesInTheThemesColours() throws Exception {
    GraphPane graph = view.graph();
    waitUntil(() -> graph.drawing() != null && graph.getWidth() > 0);
    String hub = WAREHOUSE.hub().toString();
    fx(() -> {
      while (graph.zoomLevel() >= GraphPane.OVERVIEW) {
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

    Color node = fx(() -> pixel(graph.centreOf(other)));
    Color focus = fx(() -> pixel(graph.centreOf(hub)));
    Screenshots.save(scene, "lineage-overview-dark.png");

    assertThat(graph.zoomLevel()).isLessThan(GraphPane.OVERVIEW);
    assertThat(brightness(node)).as("a box in the dark overview is dark, not white: %s", node).isLessThan(0.3);
    assertThat(brightness(focus)).as("the focus stands out: %s", focus).isNotCloseTo(brightness(node),
        org.assertj.core.data.Offset.offset(0.02));
  }

  private Color pixel(Point2D local) {
    Point2D p = view.graph().localToScene(local);
    return scene.snapshot(null).getPixelReader().getColor((int) p.getX(), (int) p.getY());
  }

  private static double brightness(Color c) {
    return (c.getRed() + c.getGreen() + c.getBlue()) / 3;
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
      WaitForAsyncUtils.waitForFxEvents();
      return condition.getAsBoolean();
    });
  }
}
