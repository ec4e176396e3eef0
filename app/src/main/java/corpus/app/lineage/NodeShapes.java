package corpus.app.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/**
 * The JavaFX nodes of one table (or column) of a lineage drawing: its box, title over subtitle, styled
 * {@code lineage-node} ({@code lineage-focus} for the focus) and opening it on a click, and its {@code +N}
 * expanders ({@code lineage-expander}, with a tooltip) that show hidden neighbours. Positioned in drawing
 * coordinates, unmanaged.
 */
final class NodeShapes {

  private NodeShapes() {}

  /**
   * The box and expanders of {@code n}; {@code cached} says whether they start cached as bitmaps (while the
   * view moves). A click on the box calls {@code onOpen} with the node's id, on an expander {@code onExpand}.
   */
  static List<Node> of(LineageDrawing.DrawnNode n, boolean cached, Consumer<String> onOpen,
      BiConsumer<String, LineageSubgraph.Direction> onExpand) {
    List<Node> shapes = new ArrayList<>(3);
    GraphLayout.Box b = n.box();
    Label title = new Label(n.title());
    title.getStyleClass().add("lineage-node-title");
    Label subtitle = new Label(n.subtitle());
    subtitle.getStyleClass().add("lineage-node-subtitle");
    VBox box = new VBox(title, subtitle);
    box.getStyleClass().add(GraphPane.NODE);
    if (n.focus()) {
      box.getStyleClass().add(GraphPane.FOCUS);
    }
    box.setUserData(n.id());
    box.setManaged(false);
    box.setCache(cached);
    box.resizeRelocate(b.x(), b.y(), b.width(), b.height());
    box.setOnMouseClicked(e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
        onOpen.accept(n.id());
        e.consume();
      }
    });
    shapes.add(box);
    if (n.hiddenUpstream() > 0) {
      shapes.add(expander(n, LineageSubgraph.Direction.UPSTREAM, n.hiddenUpstream(), b.x() - 14, cached, onExpand));
    }
    if (n.hiddenDownstream() > 0) {
      shapes.add(expander(n, LineageSubgraph.Direction.DOWNSTREAM, n.hiddenDownstream(), b.x() + b.width() - 18,
          cached, onExpand));
    }
    return shapes;
  }

  private static Label expander(LineageDrawing.DrawnNode n, LineageSubgraph.Direction direction, int hidden,
      double x, boolean cached, BiConsumer<String, LineageSubgraph.Direction> onExpand) {
    Label plus = new Label("+" + hidden);
    plus.getStyleClass().add(GraphPane.EXPANDER);
    plus.setUserData(n.id() + (direction == LineageSubgraph.Direction.UPSTREAM ? "<" : ">"));
    plus.setManaged(false);
    plus.setCache(cached);
    plus.resizeRelocate(x, n.box().y() - 11, 32, 20);
    plus.setTooltip(new Tooltip(hidden + (direction == LineageSubgraph.Direction.UPSTREAM
        ? " more upstream" : " more downstream")));
    plus.setOnMouseClicked(e -> {
      onExpand.accept(n.id(), direction);
      e.consume();
    });
    return plus;
  }
}
