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
import javafx.scene.shape.Line;
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
  /** Below this zoom node labels are hard to read: such graphs are not fitted but centred on the focus. */
  private static final double READABLE = 0.6;
  /** Below this zoom the drawing is shown as one painted image (see {@link OverviewCanvas}). */
  static final double OVERVIEW = 0.35;

  private final Group content = new Group();
  private final OverviewCanvas overview = new OverviewCanvas();
  private double paintedScale;
  private final List<ShapeItem> items = new ArrayList<>();
  private final java.util.Set<ShapeItem> shownItems = new java.util.LinkedHashSet<>();
  private final Scale scale = new Scale(1, 1, 0, 0);
  private final Rectangle clip = new Rectangle();
  private Consumer<String> onOpen = id -> {};
  private BiConsumer<String, LineageSubgraph.Direction> onExpand = (id, d) -> {};
  private Consumer<LineageSubgraph.Link> onLink = l -> {};
  private LineageDrawing drawing;
  /** The selected edge, and the line shapes made so far for each edge (edges are culled segment by segment). */
  private LineageSubgraph.Link selectedLink;
  private final java.util.Map<LineageSubgraph.Link, List<Line>> linesOf = new java.util.IdentityHashMap<>();
  private double dragX;
  private double dragY;
  private boolean dragged;
  private boolean viewPending;
  private String anchor;

  GraphPane() {
    getStyleClass().add("lineage-canvas");
    content.getTransforms().add(scale);
    overview.setVisible(false);
    getChildren().addAll(content, overview);
    overview.translateXProperty().bind(content.translateXProperty());
    overview.translateYProperty().bind(content.translateYProperty());
    setClip(clip);
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setOnMousePressed(this::pressed);
    setOnMouseDragged(this::drag);
    setOnMouseReleased(e -> setCursor(Cursor.DEFAULT));
    setOnScroll(this::scroll);
    setOnMouseClicked(e -> {
      if (overview.isVisible() && e.isStillSincePress()) {
        zoomAt(READABLE / scale.getX(), e.getX(), e.getY());
      }
    });
    widthProperty().addListener((obs, old, now) -> pendingView());
    heightProperty().addListener((obs, old, now) -> pendingView());
    content.translateXProperty().addListener((obs, old, now) -> cull());
    content.translateYProperty().addListener((obs, old, now) -> cull());
    scale.xProperty().addListener((obs, old, now) -> cull());
    widthProperty().addListener((obs, old, now) -> cull());
    heightProperty().addListener((obs, old, now) -> cull());
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

  /**
   * Replaces the drawing. A drawing that fits at a readable size is fitted; otherwise, when {@code keepView},
   * the node last expanded stays where it was on screen (the layout may have moved it), else the focus is
   * centred.
   */
  void show(LineageDrawing d, boolean keepView) {
    LineageDrawing before = drawing;
    GraphLayout.Point anchorOnScreen = keepView && anchor != null ? onScreen(before, anchor) : null;
    drawing = d;
    items.clear();
    selectedLink = null;
    linesOf.clear();
    for (LineageDrawing.DrawnLink link : d.links()) {
      List<GraphLayout.Point> pts = link.points();
      for (int i = 0; i + 1 < pts.size(); i++) {
        int segment = i;
        items.add(ShapeItem.edge(pts.get(i), pts.get(i + 1), () -> segmentShapes(link, segment)));
      }
    }
    for (LineageDrawing.DrawnNode n : d.nodes()) {
      items.add(ShapeItem.of(n, this::nodeShapes));
    }
    shownItems.clear();
    content.getChildren().clear();
    paintedScale = 0;
    GraphLayout.Point anchorNow = anchorOnScreen == null ? null : onScreen(d, anchor);
    if (!keepView || before == null || fitScale() >= READABLE || anchorNow == null) {
      initialView();
    } else {
      content.setTranslateX(content.getTranslateX() + anchorOnScreen.x() - anchorNow.x());
      content.setTranslateY(content.getTranslateY() + anchorOnScreen.y() - anchorNow.y());
    }
    cull();
  }

  /** Where the centre of node {@code id} of a drawing is on screen at the current pan and zoom, or null. */
  private GraphLayout.Point onScreen(LineageDrawing d, String id) {
    if (d == null) {
      return null;
    }
    return d.nodes().stream().filter(n -> n.id().equals(id)).findFirst().map(n -> {
      GraphLayout.Point c = n.box().centre();
      return new GraphLayout.Point(content.getTranslateX() + c.x() * scale.getX(),
          content.getTranslateY() + c.y() * scale.getY());
    }).orElse(null);
  }

  private double fitScale() {
    return drawing == null ? 1 : Math.min(getWidth() / Math.max(1, drawing.width()),
        getHeight() / Math.max(1, drawing.height()));
  }

  void clear() {
    drawing = null;
    overview.setVisible(false);
    items.clear();
    shownItems.clear();
    content.getChildren().clear();
  }

  /**
   * Puts into the scene graph only the shapes that overlap the visible part of the drawing (with a margin),
   * creating them on first sight: a graph of thousands of nodes costs only what is on screen.
   */
  private void cull() {
    if (drawing == null) {
      return;
    }
    double s = scale.getX();
    boolean zoomedOut = s < OVERVIEW && OverviewCanvas.fits(drawing, s);
    overview.setVisible(zoomedOut);
    content.setVisible(!zoomedOut);
    if (zoomedOut) {
      if (paintedScale != s) {
        overview.paint(drawing, s);
        paintedScale = s;
      }
      return;
    }
    double margin = 150 / s;
    double minX = -content.getTranslateX() / s - margin;
    double minY = -content.getTranslateY() / s - margin;
    double maxX = minX + Math.max(getWidth(), 1) / s + 2 * margin;
    double maxY = minY + Math.max(getHeight(), 1) / s + 2 * margin;
    java.util.Set<ShapeItem> visible = new java.util.LinkedHashSet<>();
    for (ShapeItem item : items) {
      if (item.maxX() >= minX && item.minX() <= maxX && item.maxY() >= minY && item.minY() <= maxY) {
        visible.add(item);
      }
    }
    if (visible.equals(shownItems)) {
      return;
    }
    // only what enters or leaves the screen changes: shapes that stay are not re-parented (no CSS pass again)
    java.util.Set<Node> leaving = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (ShapeItem item : shownItems) {
      if (!visible.contains(item)) {
        leaving.addAll(item.shapes());
      }
    }
    List<Node> edges = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    for (ShapeItem item : visible) {
      if (!shownItems.contains(item)) {
        (item.isEdge() ? edges : nodes).addAll(item.shapes());
      }
    }
    if (!leaving.isEmpty()) {
      content.getChildren().removeIf(leaving::contains);
    }
    content.getChildren().addAll(0, edges);
    content.getChildren().addAll(nodes);
    shownItems.clear();
    shownItems.addAll(visible);
  }

  /** Moves the drawing by {@code dx, dy} pixels, as dragging does. */
  void panBy(double dx, double dy) {
    content.setTranslateX(content.getTranslateX() + dx);
    content.setTranslateY(content.getTranslateY() + dy);
  }

  private List<Node> nodeShapes(LineageDrawing.DrawnNode n) {
    List<Node> shapes = new ArrayList<>(3);
    addNode(n, shapes);
    return shapes;
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
      shapes.add(expander(n, LineageSubgraph.Direction.UPSTREAM, n.hiddenUpstream(), b.x() - 14));
    }
    if (n.hiddenDownstream() > 0) {
      shapes.add(expander(n, LineageSubgraph.Direction.DOWNSTREAM, n.hiddenDownstream(), b.x() + b.width() - 18));
    }
  }

  private Label expander(LineageDrawing.DrawnNode n, LineageSubgraph.Direction direction, int hidden, double x) {
    Label plus = new Label("+" + hidden);
    plus.getStyleClass().add(EXPANDER);
    plus.setUserData(n.id() + (direction == LineageSubgraph.Direction.UPSTREAM ? "<" : ">"));
    plus.setManaged(false);
    plus.resizeRelocate(x, n.box().y() - 11, 32, 20);
    plus.setTooltip(new javafx.scene.control.Tooltip(hidden + (direction == LineageSubgraph.Direction.UPSTREAM
        ? " more upstream" : " more downstream")));
    plus.setOnMouseClicked(e -> {
      anchor = n.id();
      onExpand.accept(n.id(), direction);
      e.consume();
    });
    return plus;
  }

  /**
   * The shapes of one segment of an edge: its line, a wider invisible line to click, and the arrow head on the
   * last segment. Long edges are split so that only their segments on screen are in the scene graph.
   */
  private List<Node> segmentShapes(LineageDrawing.DrawnLink link, int segment) {
    List<GraphLayout.Point> pts = link.points();
    GraphLayout.Point a = pts.get(segment);
    GraphLayout.Point b = pts.get(segment + 1);
    Line line = new Line(a.x(), a.y(), b.x(), b.y());
    line.getStyleClass().add(EDGE);
    if (link.link().derivation() != Derivation.IDENTITY) {
      line.getStyleClass().add(EDGE + "-" + link.link().derivation().label());
    }
    if (link.link() == selectedLink) {
      line.getStyleClass().add(SELECTED);
    }
    line.setMouseTransparent(true);
    linesOf.computeIfAbsent(link.link(), k -> new ArrayList<>()).add(line);
    Line hit = new Line(a.x(), a.y(), b.x(), b.y());
    hit.getStyleClass().add(EDGE_HIT);
    hit.setUserData(link.link());
    hit.setOnMouseClicked(e -> {
      if (e.isStillSincePress()) {
        select(link.link());
        onLink.accept(link.link());
        e.consume();
      }
    });
    List<Node> shapes = new ArrayList<>(3);
    shapes.add(line);
    if (segment == pts.size() - 2) {
      double angle = Math.atan2(b.y() - a.y(), b.x() - a.x());
      double len = 9;
      double spread = 0.45;
      Polygon arrow = new Polygon(b.x(), b.y(),
          b.x() - len * Math.cos(angle - spread), b.y() - len * Math.sin(angle - spread),
          b.x() - len * Math.cos(angle + spread), b.y() - len * Math.sin(angle + spread));
      arrow.getStyleClass().add(ARROW);
      arrow.setMouseTransparent(true);
      shapes.add(arrow);
    }
    shapes.add(hit);
    return shapes;
  }

  private void select(LineageSubgraph.Link link) {
    if (selectedLink != null) {
      linesOf.getOrDefault(selectedLink, List.of()).forEach(l -> l.getStyleClass().remove(SELECTED));
    }
    selectedLink = link;
    linesOf.getOrDefault(link, List.of()).forEach(l -> l.getStyleClass().add(SELECTED));
  }

  /** Fits the drawing when it is readable that way, else shows the focus at full size in the middle. */
  private void initialView() {
    viewPending = drawing != null && (getWidth() <= 0 || getHeight() <= 0);
    if (drawing == null || viewPending) {
      return;
    }
    double fit = fitScale();
    if (fit >= READABLE) {
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
