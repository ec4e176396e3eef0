package corpus.app.lineage;

import corpus.lineage.Derivation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the lineage view's own drawing code once on a made-up layered graph, off the UI thread, when a table page
 * opens: the big-graph layout, the segment index and the edge rasteriser are then loaded and compiled by the
 * time the user opens the Lineage tab, instead of during the first open (in a fresh JVM that first open spent
 * a few hundred milliseconds more on exactly this code). The result is thrown away. Once per JVM; blocking.
 */
final class LineageWarmUp {

  private static final AtomicBoolean DONE = new AtomicBoolean();

  private LineageWarmUp() {}

  static void run() {
    if (!DONE.compareAndSet(false, true)) {
      return;
    }
    int layers = 8;
    int perLayer = 40;
    List<LineageSubgraph.ShownNode> nodes = new ArrayList<>();
    List<LineageSubgraph.Link> links = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      for (int i = 0; i < perLayer; i++) {
        nodes.add(new LineageSubgraph.ShownNode(id(l, i), l, 0, 0));
        if (l > 0) {
          links.add(new LineageSubgraph.Link(id(l - 1, i), id(l, i), Derivation.IDENTITY, List.of()));
          links.add(new LineageSubgraph.Link(id(l - 1, (i * 7 + 3) % perLayer), id(l, i), Derivation.TRANSFORMATION,
              List.of()));
        }
      }
    }
    LineageDrawing drawing = LineageDrawing.of(nodes, links, nodes.getFirst().id(), false, new LayeredGraphLayout());
    SegmentIndex index = new SegmentIndex(drawing);
    LineRaster raster = new LineRaster(800, 600);
    for (int round = 0; round < 3; round++) {
      double y0 = -round * 500;
      raster.clear();
      paint(drawing, index, raster, y0);
      raster.scroll(3, -5, r -> paint(drawing, index, raster, y0));
      index.nearest(drawing.width() / 2, drawing.height() / 2, 5);
    }
  }

  private static void paint(LineageDrawing drawing, SegmentIndex index, LineRaster raster, double y0) {
    index.forEachIn(0, 0, drawing.width(), drawing.height(), s -> {
      raster.line(index.ax(s), y0 + index.ay(s), index.bx(s), y0 + index.by(s), 1.4, 0xff808080,
          index.link(s) % 2 == 0 ? null : new double[] {6, 3});
      if (index.last(s)) {
        raster.triangle(index.bx(s), y0 + index.by(s), index.bx(s) - 9, y0 + index.by(s) - 4, index.bx(s) - 9,
            y0 + index.by(s) + 4, 0xff808080);
      }
    });
  }

  private static String id(int layer, int i) {
    return "warm-up.layer_" + layer + ".table_" + i;
  }
}
