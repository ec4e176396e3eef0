package corpus.app.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.util.Duration;

/**
 * Draws a {@link LineageDrawing} in a pane the user pans by dragging and zooms with the wheel (around the
 * pointer) or the zoom buttons. A click on a node opens it, on a {@code +N} expander shows that node's hidden
 * neighbours, on an edge (within a few pixels) shows its SQL. Nodes are JavaFX nodes, only those on screen in
 * the scene graph; edges are painted on one viewport-sized canvas ({@link EdgeLayer}), repainted once per frame
 * after a pan or zoom. Turning the drawing into pixels is all it does; layout happened off the UI thread.
 */
final class GraphPane extends Region {

  static final String NODE = "lineage-node";
  static final String FOCUS = "lineage-focus";
  static final String EXPANDER = "lineage-expander";
  static final String EDGE = "lineage-edge";
  static final String ARROW = "lineage-arrow";
  static final String SELECTED = "lineage-selected";

  private static final double MIN_SCALE = 0.05;
  private static final double MAX_SCALE = 3;
  /** Below this zoom node labels are hard to read: such graphs are not fitted but centred on the focus. */
  private static final double READABLE = 0.6;
  /** Below this zoom the drawing is shown as one painted image (see {@link OverviewCanvas}). */
  static final double OVERVIEW = 0.35;
  /** How far from an edge, in pixels on screen, a click still hits it. */
  static final double EDGE_TOLERANCE = 5;

  private final Group content = new Group();
  private final EdgeLayer edges = new EdgeLayer(this::restyled);
  private final OverviewCanvas overview = new OverviewCanvas();
  /** Never shown: boxes the stylesheet styles as a node and a focused node, for the overview's colours. */
  private final Region nodeSample = styleSample(new Region(), "lineage-overview-node");
  private final Region focusSample = styleSample(new Region(), "lineage-overview-focus");
  private SegmentIndex segments;
  /** Whether the view moved since the edges were painted and the nodes culled (done once per frame). */
  private boolean stale;
  private final Runnable beforeLayout = this::refresh;
  /**
   * Whether the view is being panned (in the last moments): the shown nodes are then cached as bitmaps, so a
   * frame moves pictures instead of drawing boxes and text again; at rest they are drawn sharp. Zooming does not
   * cache: a bitmap made at one scale would have to be made again at the next.
   */
  private boolean moving;
  private final PauseTransition settle = new PauseTransition(Duration.millis(300));
  private double paintedScale;
  private final List<ShapeItem> items = new ArrayList<>();
  private final java.util.Set<ShapeItem> shownItems = new java.util.LinkedHashSet<>();
  private final Scale scale = new Scale(1, 1, 0, 0);
  private final Rectangle clip = new Rectangle();
  private Consumer<String> onOpen = id -> {};
  private BiConsumer<String, LineageSubgraph.Direction> onExpand = (id, d) -> {};
  private Consumer<LineageSubgraph.Link> onLink = l -> {};
  private LineageDrawing drawing;
  private LineageSubgraph.Link selectedLink;
  private double dragX;
  private double dragY;
  private boolean dragged;
  private boolean viewPending;
  private String anchor;

  GraphPane() {
    getStyleClass().add("lineage-canvas");
    content.getTransforms().add(scale);
    overview.setVisible(false);
    getChildren().addAll(edges, content, overview, nodeSample, focusSample);
    for (Region sample : List.of(nodeSample, focusSample)) {
      sample.backgroundProperty().addListener((obs, old, now) -> restyled());
      sample.borderProperty().addListener((obs, old, now) -> restyled());
    }
    overview.translateXProperty().bind(content.translateXProperty());
    overview.translateYProperty().bind(content.translateYProperty());
    setClip(clip);
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setOnMousePressed(this::pressed);
    setOnMouseDragged(this::drag);
    setOnMouseReleased(e -> setCursor(Cursor.DEFAULT));
    setOnMouseMoved(e -> setCursor(linkAt(e.getX(), e.getY()) != null ? Cursor.HAND : Cursor.DEFAULT));
    setOnScroll(this::scroll);
    setOnMouseClicked(this::clicked);
    widthProperty().addListener((obs, old, now) -> pendingView());
    heightProperty().addListener((obs, old, now) -> pendingView());
    content.translateXProperty().addListener((obs, old, now) -> invalidate());
    content.translateYProperty().addListener((obs, old, now) -> invalidate());
    scale.xProperty().addListener((obs, old, now) -> invalidate());
    settle.setOnFinished(e -> cacheNodes(false));
    widthProperty().addListener((obs, old, now) -> invalidate());
    heightProperty().addListener((obs, old, now) -> invalidate());
    sceneProperty().addListener((obs, old, now) -> {
      if (old != null) {
        old.removePreLayoutPulseListener(beforeLayout);
      }
      if (now != null) {
        now.addPreLayoutPulseListener(beforeLayout);
        invalidate();
      }
    });
  }

  /** {@code node} as a never shown sample of {@code styleClasses}, whose look the stylesheet sets for painting code. */
  static <T extends Node> T styleSample(T node, String... styleClasses) {
    node.getStyleClass().addAll(styleClasses);
    node.setVisible(false);
    node.setManaged(false);
    return node;
  }

  /** The stylesheet changed how the graph looks (a theme switch): paint again, the overview too. */
  private void restyled() {
    paintedScale = 0;
    invalidate();
  }

  /** Asks for the edges to be repainted and the nodes culled before the next frame (once, however many changes). */
  private void invalidate() {
    if (!stale) {
      stale = true;
      Platform.requestNextPulse();
    }
  }

  /** A pan by the user goes on: nodes are moved as cached pictures until it settles. */
  private void moving() {
    if (!moving) {
      cacheNodes(true);
    }
    settle.playFromStart();
  }

  private void cacheNodes(boolean cache) {
    moving = cache;
    for (Node n : content.getChildren()) {
      n.setCache(cache);
    }
  }

  /** Before each frame's CSS and layout pass: brings the nodes and the painted edges up to the current view. */
  private void refresh() {
    if (stale) {
      stale = false;
      cull();
    }
  }

  private void clicked(MouseEvent e) {
    if (!e.isStillSincePress()) {
      return;
    }
    if (overview.isVisible()) {
      zoomAt(READABLE / scale.getX(), e.getX(), e.getY());
    } else if (e.getButton() == MouseButton.PRIMARY) {
      LineageSubgraph.Link link = linkAt(e.getX(), e.getY());
      if (link != null) {
        select(link);
        onLink.accept(link);
        e.consume();
      }
    }
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
    segments = new SegmentIndex(d);
    items.clear();
    selectedLink = null;
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
    invalidate();
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
    segments = null;
    selectedLink = null;
    edges.clear();
    overview.setVisible(false);
    items.clear();
    shownItems.clear();
    content.getChildren().clear();
  }

  /**
   * Paints the edges on screen and puts into the scene graph only the nodes that overlap the visible part of
   * the drawing (with a margin), creating them on first sight: a graph of thousands of nodes costs only what is
   * on screen.
   */
  private void cull() {
    if (drawing == null) {
      return;
    }
    double s = scale.getX();
    boolean zoomedOut = s < OVERVIEW && OverviewCanvas.fits(drawing, s);
    overview.setVisible(zoomedOut);
    content.setVisible(!zoomedOut);
    edges.setVisible(!zoomedOut);
    if (zoomedOut) {
      if (paintedScale != s) {
        overview.paint(drawing, s, OverviewCanvas.Palette.of(nodeSample, focusSample, edges.edgeStroke()));
        paintedScale = s;
      }
      return;
    }
    edges.paint(drawing, segments, content.getTranslateX(), content.getTranslateY(), s, selectedLink);
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
    List<Node> nodes = new ArrayList<>();
    for (ShapeItem item : visible) {
      if (!shownItems.contains(item)) {
        nodes.addAll(item.shapes());
      }
    }
    if (!leaving.isEmpty()) {
      content.getChildren().removeIf(leaving::contains);
    }
    for (Node n : nodes) {
      n.setCache(moving); // made during an earlier pan, they may still be cached
    }
    content.getChildren().addAll(nodes);
    shownItems.clear();
    shownItems.addAll(visible);
  }

  /** Moves the drawing by {@code dx, dy} pixels, as dragging does. */
  void panBy(double dx, double dy) {
    moving();
    content.setTranslateX(content.getTranslateX() + dx);
    content.setTranslateY(content.getTranslateY() + dy);
  }

  private List<Node> nodeShapes(LineageDrawing.DrawnNode n) {
    return NodeShapes.of(n, moving, id -> onOpen.accept(id), (id, direction) -> {
      anchor = id;
      onExpand.accept(id, direction);
    });
  }

  private void select(LineageSubgraph.Link link) {
    selectedLink = link;
    invalidate();
  }

  /** The edge drawn within {@link #EDGE_TOLERANCE} pixels of {@code (x, y)} in the pane, nearest first, or null. */
  LineageSubgraph.Link linkAt(double x, double y) {
    if (drawing == null || segments == null || overview.isVisible()) {
      return null;
    }
    double s = scale.getX();
    int hit = segments.nearest((x - content.getTranslateX()) / s, (y - content.getTranslateY()) / s,
        EDGE_TOLERANCE / s);
    return hit < 0 ? null : drawing.links().get(segments.link(hit)).link();
  }

  /** The drawing shown, or null. */
  LineageDrawing drawing() {
    return drawing;
  }

  /** The highlighted edge (the one whose SQL is shown), or null. */
  LineageSubgraph.Link selectedLink() {
    return selectedLink;
  }

  /**
   * A point in the pane where {@code link} is drawn, away from the pane's border (the middle of its longest
   * piece on screen), or null when it is not on screen: where a user would click it.
   */
  Point2D pointOn(LineageSubgraph.Link link) {
    if (drawing == null || segments == null) {
      return null;
    }
    double s = scale.getX();
    double tx = content.getTranslateX();
    double ty = content.getTranslateY();
    double inset = 10;
    int index = drawing.links().stream().map(LineageDrawing.DrawnLink::link).toList().indexOf(link);
    double[] piece = index < 0 ? null : segments.longestPiece(index, (inset - tx) / s, (inset - ty) / s,
        (getWidth() - inset - tx) / s, (getHeight() - inset - ty) / s);
    return piece == null ? null
        : new Point2D(tx + (piece[0] + piece[2]) / 2 * s, ty + (piece[1] + piece[3]) / 2 * s);
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

  /** Where the centre of node {@code id} is in the pane at the current pan and zoom, or null. */
  Point2D centreOf(String id) {
    GraphLayout.Point p = onScreen(drawing, id);
    return p == null ? null : new Point2D(p.x(), p.y());
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
    moving();
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
    // the edge layer fills the pane; the content is positioned by its translation and scale, never by layout
    edges.resizeRelocate(0, 0, getWidth(), getHeight());
  }
}
