package corpus.app.lineage;

import corpus.lineage.Derivation;
import java.nio.IntBuffer;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Shape;

/**
 * The edges of a lineage drawing, painted into one image the size of the viewport: each pan or zoom repaints
 * only the segments that cross the viewport (found in a {@link SegmentIndex}, drawn by a {@link LineRaster}), so
 * what a frame costs depends on what is on screen, not on the size of the graph, and no edge is a node of the
 * scene graph. The image has the screen's pixel density (sharp on HiDPI screens). Colours, widths and
 * dashes come from the stylesheet: invisible sample shapes carry the edge style classes ({@code lineage-edge},
 * {@code lineage-edge-transformation}, {@code lineage-edge-aggregation}, {@code lineage-selected},
 * {@code lineage-arrow}), and the layer paints with what CSS gave them, so themes need no code.
 */
final class EdgeLayer extends Pane {

  private static final double ARROW_LENGTH = 9;
  private static final double ARROW_SPREAD = 0.45;

  private final ImageView view = new ImageView();
  private PixelBuffer<IntBuffer> buffer;
  private LineRaster raster;
  private View painted = new View(null, 0, 0, 0, 0, null);
  /** Whether the stylesheet changed the edges' look since the last paint. */
  private boolean restyled;
  private final Line identity = sample(GraphPane.EDGE);
  private final Line transformation = sample(GraphPane.EDGE, GraphPane.EDGE + "-transformation");
  private final Line aggregation = sample(GraphPane.EDGE, GraphPane.EDGE + "-aggregation");
  private final Line selected = sample(GraphPane.EDGE, GraphPane.SELECTED);
  private final Polygon arrow = new Polygon();
  private final Ints[] byStyle = {new Ints(), new Ints(), new Ints(), new Ints()};
  private final Ints arrows = new Ints();

  /** {@code onStyle} runs when the stylesheet changes how edges look (a theme switch): the caller repaints. */
  EdgeLayer(Runnable onStyle) {
    getStyleClass().add("lineage-edges");
    setMouseTransparent(true);
    arrow.getStyleClass().add(GraphPane.ARROW);
    arrow.setVisible(false);
    arrow.setManaged(false);
    view.setManaged(false);
    getChildren().addAll(view, identity, transformation, aggregation, selected, arrow);
    Runnable restyle = () -> {
      restyled = true;
      onStyle.run();
    };
    for (Shape s : List.of(identity, transformation, aggregation, selected, arrow)) {
      s.strokeProperty().addListener((obs, old, now) -> restyle.run());
      s.fillProperty().addListener((obs, old, now) -> restyle.run());
      s.strokeWidthProperty().addListener((obs, old, now) -> restyle.run());
      s.getStrokeDashArray().addListener((ListChangeListener<Double>) c -> restyle.run());
    }
  }

  /** The colour the stylesheet gives an edge (the zoomed-out picture draws every edge in it). */
  Paint edgeStroke() {
    return identity.getStroke();
  }

  private static Line sample(String... styleClasses) {
    return GraphPane.styleSample(new Line(), styleClasses);
  }

  /** Paints nothing. */
  void clear() {
    if (buffer != null) {
      buffer.updateBuffer(b -> {
        raster.clear();
        return null;
      });
    }
    painted = new View(null, 0, 0, 0, 0, null);
  }

  /** Makes the image as big as the layer, in screen pixels; false when the layer has no area. */
  private boolean sized(double density) {
    int w = (int) Math.ceil(getWidth() * density);
    int h = (int) Math.ceil(getHeight() * density);
    if (w <= 0 || h <= 0) {
      return false;
    }
    if (raster == null || raster.width() != w || raster.height() != h) {
      int[] pixels = new int[w * h];
      raster = new LineRaster(w, h, pixels);
      buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
      view.setImage(new WritableImage(buffer));
      view.setFitWidth(w / density);
      view.setFitHeight(h / density);
    }
    return true;
  }

  private double density() {
    return getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getRenderScaleX();
  }

  /**
   * Paints the edges of {@code drawing} as seen with the drawing moved by {@code (tx, ty)} and scaled by
   * {@code scale} (drawing point {@code p} lands on {@code t + p * scale}); {@code chosen} is drawn highlighted.
   * When only the translation changed, by whole pixels, since the last paint (a pan), the picture is moved and
   * only the strips that come into view are painted.
   */
  void paint(LineageDrawing drawing, SegmentIndex index, double tx, double ty, double scale,
      LineageSubgraph.Link chosen) {
    double density = density();
    boolean resized = raster == null || raster.width() != (int) Math.ceil(getWidth() * density)
        || raster.height() != (int) Math.ceil(getHeight() * density);
    if (!sized(density)) {
      return;
    }
    int w = raster.width();
    int h = raster.height();
    double dx = (tx - painted.tx) * density;
    double dy = (ty - painted.ty) * density;
    long sx = Math.round(dx);
    long sy = Math.round(dy);
    boolean pan = !resized && !restyled && painted.drawing == drawing && painted.scale == scale
        && painted.density == density && painted.chosen == chosen && Math.abs(dx - sx) < 0.01
        && Math.abs(dy - sy) < 0.01 && Math.abs(sx) < w / 2 && Math.abs(sy) < h / 2;
    restyled = false;
    View at = pan ? new View(drawing, painted.tx + sx / density, painted.ty + sy / density, scale, density, chosen)
        : new View(drawing, tx, ty, scale, density, chosen);
    buffer.updateBuffer(b -> {
      if (pan) {
        raster.scroll((int) sx, (int) sy, r -> region(index, at, r[0], r[1], r[2], r[3]));
      } else {
        raster.clear();
        region(index, at, 0, 0, w, h);
      }
      raster.noClip();
      return null;
    });
    painted = at;
  }

  /** Where the picture in the image was painted from. */
  private record View(LineageDrawing drawing, double tx, double ty, double scale, double density,
      LineageSubgraph.Link chosen) {}

  /** Paints the pixels from {@code (x0, y0)} to {@code (x1, y1)} of the image, as seen from {@code at}. */
  private void region(SegmentIndex index, View at, int x0, int y0, int x1, int y1) {
    for (Ints b : byStyle) {
      b.clear();
    }
    arrows.clear();
    double k = at.scale() * at.density();
    double margin = (ARROW_LENGTH + 4) / at.scale();
    index.forEachIn((x0 / at.density() - at.tx()) / at.scale() - margin,
        (y0 / at.density() - at.ty()) / at.scale() - margin, (x1 / at.density() - at.tx()) / at.scale() + margin,
        (y1 / at.density() - at.ty()) / at.scale() + margin, s -> {
          LineageSubgraph.Link link = at.drawing().links().get(index.link(s)).link();
          byStyle[link == at.chosen() ? 3 : style(link.derivation())].add(s);
          if (index.last(s)) {
            arrows.add(s);
          }
        });
    raster.clip(x0, y0, x1, y1);
    double ox = at.tx() * at.density();
    double oy = at.ty() * at.density();
    Line[] styles = {identity, transformation, aggregation, selected};
    for (int st = 0; st < styles.length; st++) {
      Line style = styles[st];
      int argb = argb(style.getStroke());
      double width = Math.max(0.6 * at.density(), style.getStrokeWidth() * k);
      double[] dashes = dashes(style.getStrokeDashArray(), k);
      Ints segments = byStyle[st];
      for (int i = 0; i < segments.size(); i++) {
        int s = segments.get(i);
        raster.line(ox + index.ax(s) * k, oy + index.ay(s) * k, ox + index.bx(s) * k, oy + index.by(s) * k, width,
            argb, dashes);
      }
    }
    int plain = argb(arrow.getFill());
    int highlighted = argb(selected.getStroke());
    for (int i = 0; i < arrows.size(); i++) {
      int s = arrows.get(i);
      double bx = ox + index.bx(s) * k;
      double by = oy + index.by(s) * k;
      double angle = Math.atan2(index.by(s) - index.ay(s), index.bx(s) - index.ax(s));
      double len = ARROW_LENGTH * k;
      raster.triangle(bx, by, bx - len * Math.cos(angle - ARROW_SPREAD), by - len * Math.sin(angle - ARROW_SPREAD),
          bx - len * Math.cos(angle + ARROW_SPREAD), by - len * Math.sin(angle + ARROW_SPREAD),
          at.drawing().links().get(index.link(s)).link() == at.chosen() ? highlighted : plain);
    }
  }

  private static double[] dashes(List<Double> pattern, double k) {
    if (pattern.isEmpty()) {
      return null;
    }
    double[] scaled = new double[pattern.size()];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = pattern.get(i) * k;
    }
    return scaled;
  }

  /** A paint from the stylesheet as ARGB; grey when it is not a plain colour. */
  private static int argb(Paint paint) {
    Color c = paint instanceof Color color ? color : Color.GRAY;
    return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
        | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
  }

  private static int style(Derivation d) {
    return switch (d) {
      case IDENTITY -> 0;
      case TRANSFORMATION -> 1;
      case AGGREGATION -> 2;
    };
  }

  @Override
  protected void layoutChildren() {
    // the image is sized when painted; the samples are never shown
  }

  /** A growable list of ints, reused from frame to frame. */
  private static final class Ints {
    private int[] values = new int[256];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int get(int i) {
      return values[i];
    }

    int size() {
      return size;
    }

    void clear() {
      size = 0;
    }
  }
}
