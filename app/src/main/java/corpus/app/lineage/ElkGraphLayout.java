package corpus.app.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * {@link GraphLayout} with the Eclipse Layout Kernel's layered (Sugiyama-style) algorithm: layers left to
 * right, crossings minimised, nodes placed with Brandes–Köpf, polyline edges. Large graphs get fewer
 * crossing-minimisation passes and the simple node placer, so two thousand nodes lay out in well under a
 * second once warm (see docs/lineage.md and ADR 0003).
 */
public final class ElkGraphLayout implements GraphLayout {

  /** Above this many nodes the layout trades some crossing reduction for speed. */
  static final int LARGE = 400;

  /** Registers the layered algorithm with ELK's registry the first time a layout runs (off the UI thread). */
  private static final class Registry {
    static {
      LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    static void ensure() {
      // loading this class registered the algorithm
    }
  }

  /** Lays out a tiny graph so ELK's classes are loaded and compiled before a user waits for one. */
  public static void warmUp() {
    new ElkGraphLayout().layout(new Graph(
        List.of(new Node("a", 100, 40), new Node("b", 100, 40), new Node("c", 100, 40)),
        List.of(new Edge("a", "b"), new Edge("b", "c"), new Edge("a", "c"))));
  }

  @Override
  public Result layout(Graph graph) {
    Registry.ensure();
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE, 18.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 70.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);
    root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(24));
    boolean large = graph.nodes().size() > LARGE;
    root.setProperty(LayeredOptions.THOROUGHNESS, large ? 1 : 7);
    if (large) {
      root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.SIMPLE);
    }
    Map<String, ElkNode> nodes = new HashMap<>();
    for (Node n : graph.nodes()) {
      ElkNode node = ElkGraphUtil.createNode(root);
      node.setIdentifier(n.id());
      node.setDimensions(n.width(), n.height());
      nodes.put(n.id(), node);
    }
    List<ElkEdge> edges = new ArrayList<>(graph.edges().size());
    for (Edge e : graph.edges()) {
      ElkNode from = nodes.get(e.from());
      ElkNode to = nodes.get(e.to());
      edges.add(from == null || to == null || from == to ? null : ElkGraphUtil.createSimpleEdge(from, to));
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    Map<String, Box> boxes = new HashMap<>();
    nodes.forEach((id, n) -> boxes.put(id, new Box(n.getX(), n.getY(), n.getWidth(), n.getHeight())));
    List<Route> routes = new ArrayList<>(edges.size());
    for (int i = 0; i < edges.size(); i++) {
      Edge e = graph.edges().get(i);
      ElkEdge edge = edges.get(i);
      routes.add(new Route(e.from(), e.to(), edge == null ? List.of() : points(edge)));
    }
    return new Result(boxes, routes, root.getWidth(), root.getHeight());
  }

  private static List<Point> points(ElkEdge edge) {
    List<Point> points = new ArrayList<>();
    for (ElkEdgeSection s : edge.getSections()) {
      points.add(new Point(s.getStartX(), s.getStartY()));
      for (ElkBendPoint b : s.getBendPoints()) {
        points.add(new Point(b.getX(), b.getY()));
      }
      points.add(new Point(s.getEndX(), s.getEndY()));
    }
    return points;
  }
}
