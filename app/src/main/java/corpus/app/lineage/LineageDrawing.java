package corpus.app.lineage;

import java.util.List;

/**
 * A laid-out lineage graph, ready to be drawn: node boxes with their labels and expanders, and edge polylines.
 * Built off the UI thread; the view only turns it into shapes.
 *
 * @param nodes the shown nodes, focus first
 * @param links the drawn edges with their routes
 * @param width width of the whole drawing
 * @param height height of the whole drawing
 * @param layoutMillis how long the layout took
 */
record LineageDrawing(List<DrawnNode> nodes, List<DrawnLink> links, double width, double height, long layoutMillis) {

  LineageDrawing {
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
  }

  /**
   * A node as drawn.
   *
   * @param id table id or column id
   * @param title what the box says in bold (table or column name)
   * @param subtitle the muted line below (project.dataset, or the column's table)
   * @param focus whether this is the node the view is about
   * @param hiddenUpstream neighbours on the left not shown yet ({@code +N} expander)
   * @param hiddenDownstream neighbours on the right not shown yet
   */
  record DrawnNode(String id, String title, String subtitle, GraphLayout.Box box, boolean focus, int hiddenUpstream,
      int hiddenDownstream) {}

  /** An edge as drawn. */
  record DrawnLink(LineageSubgraph.Link link, List<GraphLayout.Point> points) {
    DrawnLink {
      points = List.copyOf(points);
    }
  }

  static final double NODE_HEIGHT = 48;

  /** How many pairs of node boxes overlap (none, in a good layout). */
  int overlappingNodePairs() {
    List<GraphLayout.Box> boxes = nodes.stream().map(DrawnNode::box)
        .sorted(java.util.Comparator.comparingDouble(GraphLayout.Box::x)).toList();
    int count = 0;
    for (int i = 0; i < boxes.size(); i++) {
      GraphLayout.Box a = boxes.get(i);
      for (int j = i + 1; j < boxes.size() && boxes.get(j).x() < a.x() + a.width(); j++) {
        GraphLayout.Box b = boxes.get(j);
        if (b.y() < a.y() + a.height() && a.y() < b.y() + b.height()) {
          count++;
        }
      }
    }
    return count;
  }

  /** Box width for a label pair: wide enough for the text at the app's font, within sensible bounds. */
  static double width(String title, String subtitle) {
    double text = Math.max(title.length() * 7.6, subtitle.length() * 6.4);
    return Math.max(150, Math.min(340, text + 44));
  }

  /** Lays out the shown part of a subgraph. */
  static LineageDrawing of(List<LineageSubgraph.ShownNode> shown, List<LineageSubgraph.Link> links, String focus,
      boolean columns, GraphLayout layout) {
    long start = System.nanoTime();
    List<GraphLayout.Node> nodes = new java.util.ArrayList<>(shown.size());
    List<String[]> labels = new java.util.ArrayList<>(shown.size());
    for (LineageSubgraph.ShownNode n : shown) {
      String[] label = label(n.id(), columns);
      labels.add(label);
      nodes.add(new GraphLayout.Node(n.id(), width(label[0], label[1]), NODE_HEIGHT));
    }
    List<GraphLayout.Edge> edges = links.stream().map(l -> new GraphLayout.Edge(l.from(), l.to())).toList();
    GraphLayout.Result result = layout.layout(new GraphLayout.Graph(nodes, edges));
    List<DrawnNode> drawn = new java.util.ArrayList<>(shown.size());
    for (int i = 0; i < shown.size(); i++) {
      LineageSubgraph.ShownNode n = shown.get(i);
      drawn.add(new DrawnNode(n.id(), labels.get(i)[0], labels.get(i)[1], result.boxes().get(n.id()),
          n.id().equals(focus), n.hiddenUpstream(), n.hiddenDownstream()));
    }
    List<DrawnLink> drawnLinks = new java.util.ArrayList<>(links.size());
    for (int i = 0; i < links.size(); i++) {
      drawnLinks.add(new DrawnLink(links.get(i), result.routes().get(i).points()));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new LineageDrawing(drawn, drawnLinks, result.width(), result.height(), millis);
  }

  /** {title, subtitle} of a node: table name over project.dataset, or column path over its table. */
  static String[] label(String id, boolean columns) {
    String[] parts = id.split("\\.");
    if (columns && parts.length >= 4) {
      return new String[] {String.join(".", java.util.Arrays.copyOfRange(parts, 3, parts.length)),
          parts[0] + "." + parts[1] + "." + parts[2]};
    }
    if (parts.length >= 3) {
      return new String[] {String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)),
          parts[0] + "." + parts[1]};
    }
    return new String[] {id, ""};
  }
}
