package corpus.app.lineage;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A node or edge of a lineage drawing with its extent in drawing coordinates, whose JavaFX shapes are made
 * the first time it comes on screen; {@link GraphPane} keeps only the items on screen in the scene graph.
 */
final class ShapeItem {
  private final double minX;
  private final double minY;
  private final double maxX;
  private final double maxY;
  private final Supplier<List<Node>> factory;
  private List<Node> shapes;

  private ShapeItem(double minX, double minY, double maxX, double maxY, Supplier<List<Node>> factory) {
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    this.factory = factory;
  }

  static ShapeItem of(LineageDrawing.DrawnNode n, Function<LineageDrawing.DrawnNode, List<Node>> make) {
    GraphLayout.Box b = n.box();
    return new ShapeItem(b.x() - 20, b.y() - 15, b.x() + b.width() + 20, b.y() + b.height(), () -> make.apply(n));
  }

  static ShapeItem of(LineageDrawing.DrawnLink l, Function<LineageDrawing.DrawnLink, List<Node>> make) {
    double x0 = Double.MAX_VALUE;
    double y0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    double y1 = -Double.MAX_VALUE;
    for (GraphLayout.Point p : l.points()) {
      x0 = Math.min(x0, p.x());
      y0 = Math.min(y0, p.y());
      x1 = Math.max(x1, p.x());
      y1 = Math.max(y1, p.y());
    }
    return new ShapeItem(x0, y0, x1, y1, () -> make.apply(l));
  }

  double minX() { return minX; }
  double minY() { return minY; }
  double maxX() { return maxX; }
  double maxY() { return maxY; }

  List<Node> shapes() {
    if (shapes == null) {
      shapes = factory.get();
    }
    return shapes;
  }
}
