package corpus.app.lineage;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The zoomed-out picture of a large lineage drawing: boxes and lines painted once into one canvas, so that
 * panning a graph of thousands of nodes moves a single image instead of thousands of shapes. Labels would be
 * unreadable at such a zoom anyway; the focus stays highlighted.
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

  /** Paints {@code d} at {@code scale}. */
  void paint(LineageDrawing d, double scale) {
    setWidth(Math.ceil(d.width() * scale) + 2);
    setHeight(Math.ceil(d.height() * scale) + 2);
    GraphicsContext g = getGraphicsContext2D();
    g.clearRect(0, 0, getWidth(), getHeight());
    g.save();
    g.scale(scale, scale);
    g.setStroke(Color.web("#8c959f"));
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
      g.setFill(n.focus() ? Color.web("#ddf4ff") : Color.WHITE);
      g.fillRect(b.x(), b.y(), b.width(), b.height());
      g.setStroke(n.focus() ? Color.web("#0969da") : Color.web("#d0d7de"));
      g.setLineWidth((n.focus() ? 3 : 1) / scale);
      g.strokeRect(b.x(), b.y(), b.width(), b.height());
    }
    g.restore();
  }
}
