package corpus.app.lineage;

import corpus.app.Navigator;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.theme.Theme;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.lineage.graph.LineageGraph;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

/**
 * {@code corpus bench lineage-view}: how long the lineage view takes to open on a large graph and how smoothly
 * it pans. Builds a real catalog of {@link LineageBenchCatalog} (default 2,000 tables), then measures, off the
 * UI thread, reading the lineage graph from the catalog, picking the shown part, and the layout (the view's
 * standard one, and ELK alone for comparison); then, in a real window, opening the lineage view of the hub
 * table with every hop shown — from the request to the frame on screen, detected by reading the focus node's
 * pixels back from the window — and the frame times while panning at 100 % and zoomed out. Prints JSON on
 * stdout, progress on stderr. Needs a display (under Xvfb: {@code xvfb-run -a}).
 *
 * <pre>
 * corpus bench lineage-view [--tables 2000] [--seed 20261122] [--far-reads 5] [--rounds 5] [--hops 20] [--work-dir DIR]
 *     [--no-elk] [--screenshots DIR]
 * </pre>
 */
public final class LineageViewBench {

  private int tables = 2000;
  private long seed = 20261122L;
  private int rounds = 5;
  private int hops = 20;
  private int farReads = LineageBenchCatalog.FAR_READS;
  private boolean elk = true;
  private Path work;
  private Path screenshots;
  private final PrintStream log = System.err;

  private LineageViewBench() {}

  /** Runs the benchmark with command-line arguments (after {@code bench lineage-view}); returns the exit code. */
  public static int run(String... args) {
    LineageViewBench bench = new LineageViewBench();
    try {
      bench.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("corpus bench lineage-view: " + e.getMessage());
      System.err.println("usage: corpus bench lineage-view [--tables N] [--seed S] [--far-reads PERCENT] [--rounds R]"
          + " [--hops H] [--work-dir DIR] [--no-elk] [--screenshots DIR]");
      return 2;
    }
    try {
      System.out.println(bench.measure());
      return 0;
    } catch (Exception e) {
      System.err.println("corpus bench lineage-view: " + e);
      return 1;
    } finally {
      Platform.exit();
    }
  }

  private void parse(String... args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--tables" -> tables = number(a, args, ++i);
        case "--seed" -> seed = number(a, args, ++i);
        case "--rounds" -> rounds = Math.max(1, number(a, args, ++i));
        case "--hops" -> hops = number(a, args, ++i);
        case "--far-reads" -> farReads = number(a, args, ++i);
        case "--work-dir" -> work = Path.of(value(a, args, ++i));
        case "--no-elk" -> elk = false;
        case "--screenshots" -> screenshots = Path.of(value(a, args, ++i));
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (farReads < 0 || farReads > 100) {
      throw new IllegalArgumentException("--far-reads needs a percentage from 0 to 100, not " + farReads);
    }
  }

  private static String value(String option, String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int number(String option, String[] args, int i) {
    String v = value(option, args, i);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not '" + v + "'");
    }
  }

  private String measure() throws Exception {
    LineageBenchCatalog source = new LineageBenchCatalog(tables, seed, farReads);
    Path dir = work != null ? work : Files.createTempDirectory("corpus-bench-lineage");
    Path indexDir = dir.resolve("index-" + tables + "-" + seed + "-far" + farReads);
    long t = System.nanoTime();
    if (!Files.isDirectory(indexDir)) {
      log.printf("indexing %d tables with lineage into %s%n", tables, indexDir);
      new Indexer(indexDir).run(List.of(source), ProgressListener.NONE);
    }
    double indexMs = ms(t);
    Json json = new Json();
    json.put("tables", tables).put("edges", source.edges()).put("seed", seed).put("farReads", farReads)
        .put("hub", source.hub().toString())
        .put("hops", hops).put("indexMs", indexMs);
    try (LuceneCatalog catalog = LuceneCatalog.open(indexDir)) {
      offThread(catalog, source.hub(), json);
      inWindow(catalog, source.hub(), json);
    }
    return json.toString();
  }

  /** Graph assembly, subgraph and layouts, timed on this (non-UI) thread. */
  private void offThread(LuceneCatalog catalog, TableId hub, Json json) throws Exception {
    GraphLayout standard = GraphLayout.standard();
    List<Double> read = new ArrayList<>();
    List<Double> pick = new ArrayList<>();
    List<Double> layout = new ArrayList<>();
    List<Double> impact = new ArrayList<>();
    LineageSubgraph sub = null;
    for (int r = 0; r <= rounds; r++) {
      long t0 = System.nanoTime();
      LineageGraph g = catalog.lineageGraph();
      long t1 = System.nanoTime();
      sub = new LineageSubgraph(g, hub.toString(), false, hops);
      List<LineageSubgraph.ShownNode> nodes = sub.nodes();
      List<LineageSubgraph.Link> links = sub.links();
      long t2 = System.nanoTime();
      LineageDrawing d = LineageDrawing.of(nodes, links, sub.focus(), false, standard);
      long t3 = System.nanoTime();
      ImpactReport.of(g, hub.toString());
      long t4 = System.nanoTime();
      if (r > 0) { // round 0 warms up
        read.add((t1 - t0) / 1e6);
        pick.add((t2 - t1) / 1e6);
        layout.add((t3 - t2) / 1e6);
        impact.add((t4 - t3) / 1e6);
      } else {
        json.put("shownNodes", d.nodes().size()).put("shownEdges", d.links().size())
            .put("overlappingNodePairs", d.overlappingNodePairs()).put("firstLayoutMs", (t3 - t2) / 1e6);
      }
      log.printf("round %d: read %.1f ms, subgraph %.1f ms, layout %.1f ms (%d nodes)%n", r, (t1 - t0) / 1e6,
          (t2 - t1) / 1e6, (t3 - t2) / 1e6, d.nodes().size());
    }
    json.put("graphReadMs", read).put("subgraphMs", pick).put("layoutMs", layout).put("impactMs", impact);
    if (elk) {
      List<Double> elkMs = new ArrayList<>();
      ElkGraphLayout.warmUp();
      for (int r = 0; r < Math.min(rounds, 3); r++) {
        long t0 = System.nanoTime();
        LineageDrawing.of(sub.nodes(), sub.links(), sub.focus(), false, new ElkGraphLayout());
        elkMs.add(ms(t0));
        log.printf("ELK layout %d: %.0f ms%n", r, elkMs.getLast());
      }
      json.put("elkLayoutMs", elkMs);
    }
  }

  /** Opens the real lineage view in a window and measures opening and panning. */
  private void inWindow(LuceneCatalog catalog, TableId hub, Json json) throws Exception {
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get(30, TimeUnit.SECONDS);
    Platform.setImplicitExit(false);
    ExecutorService background = NamedExecutors.cachedDaemonPool("corpus-bench-%02d");
    try {
      Window w = fx(() -> {
        Theme.LIGHT.applyBase();
        LineageViewModel vm = new LineageViewModel(TaskExecutor.fx(background), new Navigator(),
            GraphLayout.standard());
        LineageView view = new LineageView(vm);
        Scene scene = new Scene(view.root(), 1280, 820);
        Theme.LIGHT.style(scene);
        Stage stage = new Stage();
        stage.setTitle("corpus bench lineage-view");
        stage.setScene(scene);
        stage.show();
        vm.catalogProperty().set(catalog);
        vm.hopsProperty().set(hops);
        return new Window(stage, vm, view);
      });
      List<Double> open = new ArrayList<>();
      List<Double> toDrawing = new ArrayList<>();
      for (int r = 0; r <= rounds; r++) {
        Opening o = open(w, hub, r == 0);
        if (r > 0) {
          open.add(o.onScreenMs());
          toDrawing.add(o.drawingMs());
        }
        log.printf("open %d: laid out and shapes made %.0f ms, on screen %.0f ms (%d nodes in the scene)%n", r,
            o.drawingMs(), o.onScreenMs(), o.shapesInScene());
        if (r == 0) {
          json.put("shapesInScene", o.shapesInScene()).put("firstOpenMs", o.onScreenMs());
        }
      }
      json.put("openToShapesMs", toDrawing).put("openToScreenMs", open);
      screenshot(w, "lineage-2000-open.png");
      json.put("pan100", frames(pan(w, 240, 0, 9)));
      screenshot(w, "lineage-2000-100-panned.png");
      fx(() -> {
        w.view().graph().fit();
        return null;
      });
      pan(w, 10, 0, 0);
      screenshot(w, "lineage-2000-fit.png");
      json.put("panFitted", frames(pan(w, 240, 6, 0)));
      fx(() -> {
        w.view().graph().zoom(0.5 / w.view().graph().zoomLevel());
        return null;
      });
      pan(w, 10, 0, 0);
      screenshot(w, "lineage-2000-50.png");
      json.put("pan50", frames(pan(w, 240, 0, 6)));
      screenshot(w, "lineage-2000-50-panned.png");
      json.put("zoom50to100", frames(zoom(w, 240, 1.012)));
      fx(() -> {
        w.stage().close();
        return null;
      });
    } finally {
      background.shutdownNow();
    }
  }

  private record Window(Stage stage, LineageViewModel vm, LineageView view) {}

  /** Milliseconds from the request to the drawing's shapes in the scene, and to the focus on screen. */
  private record Opening(double drawingMs, double onScreenMs, int shapesInScene) {}

  /**
   * Asks the view model to (re)load the hub's lineage and waits for the focus node on screen: the pixel inside
   * its box, read back from the window, has the box's background colour.
   */
  private Opening open(Window w, TableId hub, boolean first) throws Exception {
    CompletableFuture<Opening> done = new CompletableFuture<>();
    fx(() -> {
      GraphPane pane = w.view().graph();
      pane.clear();
      long start = System.nanoTime();
      double[] marks = new double[1];
      javafx.beans.value.ChangeListener<LineageDrawing> listener = new javafx.beans.value.ChangeListener<>() {
        @Override
        public void changed(javafx.beans.value.ObservableValue<? extends LineageDrawing> obs, LineageDrawing old,
            LineageDrawing now) {
          if (now == null) {
            return;
          }
          obs.removeListener(this);
          marks[0] = ms(start); // the view's own listener, added before this one, has made the shapes
          Robot robot = new Robot();
          new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long nanos) {
              pulses++;
              Node focus = pane.lookupAll("." + GraphPane.FOCUS).stream().findFirst().orElse(null);
              if (focus instanceof Region box && box.getBackground() != null
                  && !box.getBackground().getFills().isEmpty()
                  && box.getBackground().getFills().getFirst().getFill() instanceof Color want) {
                Bounds b = box.localToScreen(box.getBoundsInLocal());
                Color seen = robot.getPixelColor(b.getMinX() + 12, b.getMaxY() - 5);
                if (close(seen, want)) {
                  stop();
                  done.complete(new Opening(marks[0], ms(start), pane.lookupAll("." + GraphPane.NODE).size()));
                  return;
                }
              }
              if (pulses > 600) {
                stop();
                done.completeExceptionally(new IllegalStateException("the focus node never appeared on screen"));
              }
            }
          }.start();
        }
      };
      w.vm().drawingProperty().addListener(listener);
      if (first) {
        w.vm().show(hub);
        w.vm().setActive(true);
      } else {
        w.vm().load();
      }
      return null;
    });
    return done.get(120, TimeUnit.SECONDS);
  }

  /** With {@code --screenshots DIR}: saves what the window shows as a PNG. */
  private void screenshot(Window w, String name) throws Exception {
    if (screenshots == null) {
      return;
    }
    javafx.scene.image.WritableImage image = fx(() -> w.stage().getScene().snapshot(null));
    Files.createDirectories(screenshots);
    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
        screenshots.resolve(name).toFile());
  }

  private static boolean close(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed()) < 0.03 && Math.abs(a.getGreen() - b.getGreen()) < 0.03
        && Math.abs(a.getBlue() - b.getBlue()) < 0.03;
  }

  /** Pans by {@code dx, dy} every frame for {@code count} frames; returns the times between frames in ms. */
  private List<Double> pan(Window w, int count, double dx, double dy) throws Exception {
    // back and forth, so the pan stays over the drawing
    return frames(count, frame -> {
      double sign = frame % 120 < 60 ? 1 : -1;
      w.view().graph().panBy(sign * dx, sign * dy);
    });
  }

  /**
   * Zooms by {@code factor} every frame for 60 frames, then back, around the middle (as the wheel does around the
   * pointer), for {@code count} frames; returns the times between frames in ms.
   */
  private List<Double> zoom(Window w, int count, double factor) throws Exception {
    return frames(count, frame -> w.view().graph().zoom(frame % 120 < 60 ? factor : 1 / factor));
  }

  /** Runs {@code step} (given the frame's number) on each of {@code count} frames; returns the times between frames in ms. */
  private List<Double> frames(int count, java.util.function.IntConsumer step) throws Exception {
    CompletableFuture<List<Double>> done = new CompletableFuture<>();
    fx(() -> {
      new AnimationTimer() {
        private final List<Double> intervals = new ArrayList<>();
        private long last;

        @Override
        public void handle(long now) {
          if (last != 0) {
            intervals.add((now - last) / 1e6);
          }
          last = now;
          step.accept(intervals.size());
          if (intervals.size() >= count) {
            stop();
            done.complete(intervals);
          }
        }
      }.start();
      return null;
    });
    return done.get(300, TimeUnit.SECONDS);
  }

  private static Json frames(List<Double> intervals) {
    List<Double> sorted = new ArrayList<>(intervals);
    sorted.sort(Double::compare);
    long over = sorted.stream().filter(v -> v > 33.4).count();
    return new Json().put("frames", sorted.size()).put("medianMs", sorted.get(sorted.size() / 2))
        .put("p95Ms", sorted.get(Math.min(sorted.size() - 1, sorted.size() * 95 / 100)))
        .put("maxMs", sorted.getLast()).put("framesOver33Ms", over);
  }

  private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(work.call());
      } catch (Exception | Error e) {
        result.completeExceptionally(e);
      }
    });
    return result.get(60, TimeUnit.SECONDS);
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }

  /** A small ordered JSON object writer (numbers, strings, lists of numbers, nested objects). */
  private static final class Json {
    private final StringBuilder out = new StringBuilder();

    Json put(String key, Object value) {
      out.append(out.isEmpty() ? "" : ", ").append('"').append(key).append("\": ").append(value(value));
      return this;
    }

    private static String value(Object v) {
      if (v instanceof String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
      }
      if (v instanceof Double d) {
        return String.format(Locale.ROOT, "%.1f", d);
      }
      if (v instanceof List<?> list) {
        return list.stream().map(Json::value).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
      }
      return String.valueOf(v);
    }

    @Override
    public String toString() {
      return "{" + out + "}";
    }
  }
}
