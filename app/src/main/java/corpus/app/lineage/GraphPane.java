package corpus.app.lineage;

import corpus.lineage.Derivation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;

/**
 * Draws a {@link LineageDrawing} with plain JavaFX nodes in a pane the user pans by dragging and zooms with
 * the wheel (around the pointer) or the zoom buttons. A click on a node opens it, on a {@code +N} expander
 * shows that node's hidden neighbours, on an edge shows its SQL. Turning the drawing into shapes is all it
 * does; layout happened off the UI thread.
 */
final class GraphPane extends Region {

  static final String NODE = "lineage-node";
  static final String FOCUS = "lineage-focus";
  static final String EXPANDER = "lineage-expander";
  static final String EDGE = "lineage-edge";
  static final String EDGE_HIT = "lineage-edge-hit";
  static final String ARROW = "lineage-arrow";
  static final String SELECTED = "lineage-selected";

  private static final double MIN_SCALE = 0.05;
  private static final double MAX_SCALE = 3;

  private final Group content = new Group();
  private final Scale scale = new Scale(1, 1, 0, 0);
  private final Rectangle clip = new Rectangle();
  private Consumer<String> onOpen = id -> {};
  private BiConsumer<String, LineageSubgraph.Direction> onExpand = (id, d) -> {};
  private Consumer<LineageSubgraph.Link> onLink = l -> {};
  private LineageDrawing drawing;
  private Polyline selected;
  private double dragX;
  private double dragY;
  private boolean dragged;
  private boolean viewPending;

  GraphPane() {
    getStyleClass().add("lineage-canvas");
    content.getTransforms().add(scale);
    getChildren().add(content);
    setClip(clip);
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setOnMousePressed(this::pressed);
    setOnMouseDragged(this::drag);
    setOnMouseReleased(e -> setCursor(Cursor.DEFAULT));
    setOnScroll(this::scroll);
    widthProperty().addListener((obs, old, now) -> pendingView());
    heightProperty().addListener((obs, old, now) -> pendingView());
  }

  private void pendingView() {
    if (viewPending && getWidth() > 0 && getHeight() > 0) {
      initialView();
    }
  }

  void setOnOpen(Consumer<String> action) {
    onOpen = action;
  }

  void setOnExpand(BiConsumer<String, LineageSubgraph.Direction> action) {
    onExpand = action;
  }

  void setOnLink(Consumer<LineageSubgraph.Link> action) {
    onLink = action;
  }

  /** Replaces the drawing; keeps the view where it was when {@code keepView}, else fits or centres the focus. */
  void show(LineageDrawing d, boolean keepView) {
    LineageDrawing before = drawing;
    drawing = d;
    selected = null;
    List<Node> shapes = new ArrayList<>(d.links().size() * 3 + d.nodes().size() * 2);
    for (LineageDrawing.DrawnLink link : d.links()) {
      addEdge(link, shapes);
    }
    for (LineageDrawing.DrawnNode n : d.nodes()) {
      addNode(n, shapes);
    }
    content.getChildren().setAll(shapes);
    if (!keepView || before == null) {
      initialView();
    }
  }

  void clear() {
    drawing = null;
    content.getChildren().clear();
  }

  private void addNode(LineageDrawing.DrawnNode n, List<Node> shapes) {
    GraphLayout.Box b = n.box();
    Label title = new Label(n.title());
    title.getStyleClass().add("lineage-node-title");
    Label subtitle = new Label(n.subtitle());
    subtitle.getStyleClass().add("lineage-node-subtitle");
    VBox box = new VBox(title, subtitle);
    box.getStyleClass().add(NODE);
    if (n.focus()) {
      box.getStyleClass().add(FOCUS);
    }
    box.setUserData(n.id());
    box.setManaged(false);
    box.resizeRelocate(b.x(), b.y(), b.width(), b.height());
    box.setOnMouseClicked(e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
        onOpen.accept(n.id());
        e.consume();
      }
    });
    shapes.add(box);
    if (n.hiddenUpstream() > 0) {
      shapes.add(expander(n, LineageSubgraph.Direction.UPSTREAM, n.hiddenUpstream(), b.x() - 30));
    }
    if (n.hiddenDownstream() > 0) {
      shapes.add(expander(n, LineageSubgraph.Direction.DOWNSTREAM, n.hiddenDownstream(), b.x() + b.width() + 4));
    }
  }

  private Label expander(LineageDrawing.DrawnNode n, LineageSubgraph.Direction direction, int hidden, double x) {
    Label plus = new Label("+" + hidden);
    plus.getStyleClass().add(EXPANDER);
    plus.setUserData(n.id() + (direction == LineageSubgraph.Direction.UPSTREAM ? "<" : ">"));
    plus.setManaged(false);
    plus.resizeRelocate(x, n.box().y() + n.box().height() / 2 - 10, 26, 20);
    plus.setOnMouseClicked(e -> {
      onExpand.accept(n.id(), direction);
      e.consume();
    });
    return plus;
  }

  private void addEdge(LineageDrawing.DrawnLink link, List<Node> shapes) {
    List<GraphLayout.Point> pts = link.points();
    if (pts.size() < 2) {
      return;
    }
    double[] coords = new double[pts.size() * 2];
    for (int i = 0; i < pts.size(); i++) {
      coords[2 * i] = pts.get(i).x();
      coords[2 * i + 1] = pts.get(i).y();
    }
    Polyline line = new Polyline(coords);
    line.getStyleClass().add(EDGE);
    if (link.link().derivation() != Derivation.IDENTITY) {
      line.getStyleClass().add(EDGE + "-" + link.link().derivation().label());
    }
    line.setMouseTransparent(true);
    Polyline hit = new Polyline(coords);
    hit.getStyleClass().add(EDGE_HIT);
    hit.setUserData(link.link());
    hit.setOnMouseClicked(e -> {
      if (e.isStillSincePress()) {
        select(line);
        onLink.accept(link.link());
        e.consume();
      }
    });
    GraphLayout.Point end = pts.getLast();
    GraphLayout.Point before = pts.get(pts.size() - 2);
    double angle = Math.atan2(end.y() - before.y(), end.x() - before.x());
    double len = 9;
    double spread = 0.45;
    Polygon arrow = new Polygon(end.x(), end.y(),
        end.x() - len * Math.cos(angle - spread), end.y() - len * Math.sin(angle - spread),
        end.x() - len * Math.cos(angle + spread), end.y() - len * Math.sin(angle + spread));
    arrow.getStyleClass().add(ARROW);
    arrow.setMouseTransparent(true);
    shapes.add(line);
    shapes.add(arrow);
    shapes.add(hit);
  }

  private void select(Polyline line) {
    if (selected != null) {
      selected.getStyleClass().remove(SELECTED);
    }
    selected = line;
    line.getStyleClass().add(SELECTED);
  }

  /** Fits the drawing when it is readable that way, else shows the focus at full size in the middle. */
  private void initialView() {
    viewPending = drawing != null && (getWidth() <= 0 || getHeight() <= 0);
    if (drawing == null || viewPending) {
      return;
    }
    double fit = Math.min(getWidth() / Math.max(1, drawing.width()), getHeight() / Math.max(1, drawing.height()));
    if (fit >= 0.6) {
      setScale(Math.min(1, fit));
      content.setTranslateX((getWidth() - drawing.width() * scale.getX()) / 2);
      content.setTranslateY((getHeight() - drawing.height() * scale.getY()) / 2);
    } else {
      setScale(1);
      drawing.nodes().stream().filter(LineageDrawing.DrawnNode::focus).findFirst().ifPresent(f -> {
        GraphLayout.Point c = f.box().centre();
        content.setTranslateX(getWidth() / 2 - c.x());
        content.setTranslateY(getHeight() / 2 - c.y());
      });
    }
  }

  /** Shows the whole drawing. */
  void fit() {
    if (drawing == null) {
      return;
    }
    double fit = Math.min(getWidth() / Math.max(1, drawing.width()), getHeight() / Math.max(1, drawing.height()));
    setScale(Math.min(1, fit));
    content.setTranslateX((getWidth() - drawing.width() * scale.getX()) / 2);
    content.setTranslateY((getHeight() - drawing.height() * scale.getY()) / 2);
  }

  /** Zooms by {@code factor} around the middle of the pane. */
  void zoom(double factor) {
    zoomAt(factor, getWidth() / 2, getHeight() / 2);
  }

  double zoomLevel() {
    return scale.getX();
  }

  private void zoomAt(double factor, double x, double y) {
    double old = scale.getX();
    double now = Math.max(MIN_SCALE, Math.min(MAX_SCALE, old * factor));
    double cx = (x - content.getTranslateX()) / old;
    double cy = (y - content.getTranslateY()) / old;
    setScale(now);
    content.setTranslateX(x - cx * now);
    content.setTranslateY(y - cy * now);
  }

  private void setScale(double s) {
    scale.setX(s);
    scale.setY(s);
  }

  private void pressed(MouseEvent e) {
    dragX = e.getX() - content.getTranslateX();
    dragY = e.getY() - content.getTranslateY();
    dragged = false;
  }

  private void drag(MouseEvent e) {
    if (!dragged) {
      setCursor(Cursor.CLOSED_HAND);
      dragged = true;
    }
    content.setTranslateX(e.getX() - dragX);
    content.setTranslateY(e.getY() - dragY);
  }

  private void scroll(ScrollEvent e) {
    if (e.getDeltaY() != 0) {
      zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
    }
    e.consume();
  }

  /** Where a shown node is in the pane's coordinates, for tests and keyboard focus. */
  Bounds boundsOf(Node shape) {
    return sceneToLocal(shape.localToScene(shape.getBoundsInLocal()));
  }

  @Override
  protected void layoutChildren() {
    // the content is positioned by its translation and scale, never by the region's layout
  }
}
