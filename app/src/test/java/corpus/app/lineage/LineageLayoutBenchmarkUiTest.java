package corpus.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.testing.Screenshots;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import corpus.lineage.Derivation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures the lineage view on a generated 2,000-table graph: ELK layout (off the UI thread), turning the
 * drawing into JavaFX nodes and the first frame, and frame times while panning. Prints the figures
 * (recorded in docs/lineage.md); asserts only that everything was drawn. Seed: {@code -Dtests.seed}.
 */
@UiTest
@ExtendWith(ApplicationExtension.class)
class LineageLayoutBenchmarkUiTest {

  private static final int NODES = 2000;
  private GraphPane pane;
  private Scene scene;

  @Start
  void start(Stage stage) {
    Theme.LIGHT.applyBase();
    pane = new GraphPane();
    scene = new Scene(pane, 1200, 800);
    scene.getStylesheets().add(LineageView.class.getResource("/corpus/app/lineage/lineage.css").toExternalForm());
    Theme.LIGHT.style(scene);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void laysOutAndShowsTwoThousandTables() throws Exception {
    long seed = Long.getLong("tests.seed", 20261122L);
    Graph g = generate(seed);
    ElkGraphLayout layout = new ElkGraphLayout();
    ElkGraphLayout.warmUp();
    long coldStart = System.nanoTime();
    LineageDrawing.of(g.nodes(), g.links(), g.nodes().getFirst().id(), false, layout);
    long cold = millis(coldStart);
    List<Long> layouts = new ArrayList<>();
    LineageDrawing drawing = null;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      drawing = LineageDrawing.of(g.nodes(), g.links(), g.nodes().getFirst().id(), false, layout);
      layouts.add(millis(t));
    }
    LineageDrawing shown = drawing;
    CompletableFuture<Long> firstFrame = new CompletableFuture<>();
    long showStart = System.nanoTime();
    WaitForAsyncUtils.asyncFx(() -> {
      pane.show(shown, false);
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          firstFrame.complete(millis(showStart));
          stop();
        }
      }.start();
    });
    long toFrame = firstFrame.get(60, TimeUnit.SECONDS);

    List<Long> frames = panFrames(60);
    frames.sort(Long::compare);
    int onScreen = WaitForAsyncUtils.asyncFx(() -> pane.lookupAll("." + GraphPane.NODE).size()).get(10, TimeUnit.SECONDS);
    CompletableFuture<Long> fitFrame = new CompletableFuture<>();
    long fitStart = System.nanoTime();
    WaitForAsyncUtils.asyncFx(() -> {
      pane.fit();
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          fitFrame.complete(millis(fitStart));
          stop();
        }
      }.start();
    });
    long toFit = fitFrame.get(60, TimeUnit.SECONDS);
    List<Long> fitFrames = panFrames(30);
    fitFrames.sort(Long::compare);
    System.out.printf("lineage benchmark (seed %d): %d nodes, %d edges%n", seed, g.nodes().size(), g.links().size());
    System.out.printf("  ELK layout: first %d ms, then %s ms%n", cold, layouts);
    System.out.printf("  shapes for what is on screen (%d nodes) + first frame: %d ms%n", onScreen, toFrame);
    System.out.printf("  panning at 100%%: median frame %.1f ms, p95 %.1f ms over %d frames%n",
        frames.get(frames.size() / 2) / 1e6, frames.get(frames.size() * 95 / 100) / 1e6, frames.size());
    System.out.printf("  fit (all %d nodes on screen, painted overview) + first frame: %d ms%n", NODES, toFit);
    System.out.printf("  panning the whole graph: median frame %.1f ms, p95 %.1f ms over %d frames%n",
        fitFrames.get(fitFrames.size() / 2) / 1e6, fitFrames.get(fitFrames.size() * 95 / 100) / 1e6, fitFrames.size());
    Screenshots.save(scene, "lineage-2000.png");
    assertThat(onScreen).isBetween(1, NODES - 1);
    assertThat(WaitForAsyncUtils.asyncFx(() -> pane.lookup(".lineage-overview").isVisible()).get(10, TimeUnit.SECONDS))
        .as("the whole graph is one painted overview").isTrue();
  }

  /** Pans by a few pixels every frame and returns the time between frames, in nanoseconds. */
  private List<Long> panFrames(int count) throws Exception {
    CompletableFuture<List<Long>> done = new CompletableFuture<>();
    WaitForAsyncUtils.asyncFx(() -> new AnimationTimer() {
      private final List<Long> intervals = new ArrayList<>();
      private long last;

      @Override
      public void handle(long now) {
        if (last != 0) {
          intervals.add(now - last);
        }
        last = now;
        javafx.scene.Node content = pane.getChildrenUnmodifiable().getFirst();
        content.setTranslateX(content.getTranslateX() + (intervals.size() % 40 < 20 ? -7 : 7));
        if (intervals.size() == count) {
          stop();
          done.complete(intervals);
        }
      }
    }.start());
    return new ArrayList<>(done.get(120, TimeUnit.SECONDS));
  }

  private record Graph(List<LineageSubgraph.ShownNode> nodes, List<LineageSubgraph.Link> links) {}

  /**
   * A warehouse-like DAG: 2,000 tables in 10 layers (raw to marts), each table reading one to three tables of
   * the layers before it, mostly the previous one.
   */
  private static Graph generate(long seed) {
    Random random = new Random(seed);
    int layers = 10;
    int perLayer = NODES / layers;
    List<LineageSubgraph.ShownNode> nodes = new ArrayList<>();
    List<LineageSubgraph.Link> links = new ArrayList<>();
    for (int layer = 0; layer < layers; layer++) {
      for (int i = 0; i < perLayer; i++) {
        String id = "bench-prod.layer_" + layer + ".table_" + layer + "_" + i;
        nodes.add(new LineageSubgraph.ShownNode(id, layer, 0, 0));
        if (layer == 0) {
          continue;
        }
        int reads = 1 + random.nextInt(3);
        for (int r = 0; r < reads; r++) {
          int from = random.nextInt(10) < 8 ? layer - 1 : random.nextInt(layer);
          int j = Math.floorMod(i + random.nextInt(21) - 10, perLayer);
          links.add(new LineageSubgraph.Link("bench-prod.layer_" + from + ".table_" + from + "_" + j, id,
              Derivation.IDENTITY, List.of()));
        }
      }
    }
    return new Graph(nodes, links.stream().distinct().toList());
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
