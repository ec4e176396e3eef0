package corpus.app.lineage;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Background;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The zoomed-out picture of a large lineage drawing: boxes and lines painted once into one canvas, so that
 * panning a graph of thousands of nodes moves a single image instead of thousands of shapes. Labels would be
 * unreadable at such a zoom anyway; the focus stays highlighted. Its colours are the stylesheet's ({@link
 * Palette}), so it follows the theme as the boxes and edges do.
 */
final class OverviewCanvas extends Canvas {

  /** Largest canvas side painted; beyond it the shapes are used. */
  static final double MAX_SIDE = 8192;

  OverviewCanvas() {
    getStyleClass().add("lineage-overview");
    setMouseTransparent(true);
  }

  /** Whether a drawing at {@code scale} fits in one canvas. */
  static boolean fits(LineageDrawing d, double scale) {
    return d.width() * scale <= MAX_SIDE && d.height() * scale <= MAX_SIDE;
  }

  /** The colours of the picture: of an edge, and of the fill and border of a node box and a focused one. */
  record Palette(Paint edge, Paint fill, Paint border, Paint focusFill, Paint focusBorder) {

    /** The light theme's colours, for what the stylesheet did not give. */
    static final Palette LIGHT = new Palette(Color.web("#8c959f"), Color.WHITE, Color.web("#d0d7de"),
        Color.web("#ddf4ff"), Color.web("#0969da"));

    /** The colours the stylesheet gave sample boxes styled as a node and a focused node, and an edge. */
    static Palette of(Region node, Region focus, Paint edge) {
      return new Palette(edge == null ? LIGHT.edge() : edge, fill(node, LIGHT.fill()), border(node, LIGHT.border()),
          fill(focus, LIGHT.focusFill()), border(focus, LIGHT.focusBorder()));
    }

    private static Paint fill(Region r, Paint fallback) {
      Background b = r.getBackground();
      return b == null || b.getFills().isEmpty() ? fallback : b.getFills().getFirst().getFill();
    }

    private static Paint border(Region r, Paint fallback) {
      Border b = r.getBorder();
      return b == null || b.getStrokes().isEmpty() ? fallback : b.getStrokes().getFirst().getTopStroke();
    }
  }

  /** Paints {@code d} at {@code scale} in {@code palette}'s colours. */
  void paint(LineageDrawing d, double scale, Palette palette) {
    setWidth(Math.ceil(d.width() * scale) + 2);
    setHeight(Math.ceil(d.height() * scale) + 2);
    GraphicsContext g = getGraphicsContext2D();
    g.clearRect(0, 0, getWidth(), getHeight());
    g.save();
    g.scale(scale, scale);
    g.setStroke(palette.edge());
    g.setLineWidth(1 / scale);
    for (LineageDrawing.DrawnLink link : d.links()) {
      var pts = link.points();
      if (pts.size() < 2) {
        continue;
      }
      g.beginPath();
      g.moveTo(pts.getFirst().x(), pts.getFirst().y());
      for (int i = 1; i < pts.size(); i++) {
        g.lineTo(pts.get(i).x(), pts.get(i).y());
      }
      g.stroke();
    }
    for (LineageDrawing.DrawnNode n : d.nodes()) {
      GraphLayout.Box b = n.box();
      g.setFill(n.focus() ? palette.focusFill() : palette.fill());
      g.fillRect(b.x(), b.y(), b.width(), b.height());
      g.setStroke(n.focus() ? palette.focusBorder() : palette.border());
      g.setLineWidth((n.focus() ? 3 : 1) / scale);
      g.strokeRect(b.x(), b.y(), b.width(), b.height());
    }
    g.restore();
  }
}
