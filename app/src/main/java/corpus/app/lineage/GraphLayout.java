package corpus.app.lineage;

import java.util.List;
import java.util.Map;

/**
 * Lays out a directed graph left to right in layers (sources on the left), for the lineage view. Blocking and
 * CPU-bound: call it off the UI thread. Implementations are thread-safe.
 */
public interface GraphLayout {

  /** Positions for every node and a route for every edge of {@code graph}. */
  Result layout(Graph graph);

  /** Graphs of up to this many nodes are laid out with ELK; larger ones with {@link LayeredGraphLayout}. */
  int ELK_LIMIT = 300;

  /**
   * The lineage view's layout: ELK's layered algorithm (fewest crossings, the nicer drawing) for graphs of up to
   * {@link #ELK_LIMIT} nodes, the own {@link LayeredGraphLayout} above, where ELK takes seconds (ADR 0003).
   */
  static GraphLayout standard() {
    return bySize(ELK_LIMIT, new ElkGraphLayout(), new LayeredGraphLayout());
  }

  /** {@code small} for graphs of up to {@code limit} nodes, {@code large} above. */
  static GraphLayout bySize(int limit, GraphLayout small, GraphLayout large) {
    return graph -> (graph.nodes().size() <= limit ? small : large).layout(graph);
  }

  /** A node to place, with the size it will be drawn at. */
  record Node(String id, double width, double height) {}

  /** A directed edge between two nodes of the graph. */
  record Edge(String from, String to) {}

  /** What to lay out. */
  record Graph(List<Node> nodes, List<Edge> edges) {
    public Graph {
      nodes = List.copyOf(nodes);
      edges = List.copyOf(edges);
    }
  }

  /** A point of the drawing. */
  record Point(double x, double y) {}

  /** Where a node goes: its top-left corner and size. */
  record Box(double x, double y, double width, double height) {
    Point centre() {
      return new Point(x + width / 2, y + height / 2);
    }
  }

  /** The polyline of an edge, from the border of its source to the border of its target. */
  record Route(String from, String to, List<Point> points) {
    public Route {
      points = List.copyOf(points);
    }
  }

  /** The laid-out graph: boxes by node id, routes in edge order, and the size of the whole drawing. */
  record Result(Map<String, Box> boxes, List<Route> routes, double width, double height) {
    public Result {
      boxes = Map.copyOf(boxes);
      routes = List.copyOf(routes);
    }
  }
}
