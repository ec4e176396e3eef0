package corpus.app.lineage;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A node of a lineage drawing with its extent in drawing coordinates (expanders included), whose JavaFX shapes
 * are made the first time it comes on screen; {@link GraphPane} keeps only the items on screen in the scene graph.
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
