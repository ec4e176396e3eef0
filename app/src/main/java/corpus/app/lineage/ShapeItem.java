package corpus.app.lineage;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A node or a segment of an edge of a lineage drawing with its extent in drawing coordinates, whose JavaFX shapes are made
 * the first time it comes on screen; {@link GraphPane} keeps only the items on screen in the scene graph.
 */
final class ShapeItem {
  private final double minX;
  private final double minY;
  private final double maxX;
  private final double maxY;
  private final Supplier<List<Node>> factory;
  private final boolean edge;
  private List<Node> shapes;

  private ShapeItem(double minX, double minY, double maxX, double maxY, boolean edge,
      Supplier<List<Node>> factory) {
    this.edge = edge;
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    this.factory = factory;
  }

  static ShapeItem of(LineageDrawing.DrawnNode n, Function<LineageDrawing.DrawnNode, List<Node>> make) {
    GraphLayout.Box b = n.box();
    return new ShapeItem(b.x() - 20, b.y() - 15, b.x() + b.width() + 20, b.y() + b.height(), false, () -> make.apply(n));
  }

  /** A straight piece of an edge from {@code a} to {@code b}. */
  static ShapeItem edge(GraphLayout.Point a, GraphLayout.Point b, Supplier<List<Node>> make) {
    return new ShapeItem(Math.min(a.x(), b.x()), Math.min(a.y(), b.y()), Math.max(a.x(), b.x()),
        Math.max(a.y(), b.y()), true, make);
  }

  /** Whether this is an edge (drawn below the nodes). */
  boolean isEdge() { return edge; }

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
