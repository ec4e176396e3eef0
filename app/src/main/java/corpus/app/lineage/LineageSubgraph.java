package corpus.app.lineage;

import corpus.lineage.Derivation;
import corpus.lineage.graph.EdgeOrigin;
import corpus.lineage.graph.LineageEdge;
import corpus.lineage.graph.LineageGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the catalog's lineage graph the lineage view shows around one focus node: the focus and N hops
 * upstream and downstream, plus whatever the user expanded node by node. Tables are linked by table edges;
 * in column mode columns are linked by column edges. Knows, per shown node, how many neighbours are still
 * hidden, so a graph of thousands of nodes starts small and grows on demand.
 *
 * <p>Not thread-safe: change it on one thread, and hand {@link #links()} and {@link #nodes()} to others.
 */
final class LineageSubgraph {

  /** Upstream (what a node is built from) or downstream (what is built from it). */
  enum Direction { UPSTREAM, DOWNSTREAM }

  /**
   * One drawn edge, standing for every lineage edge between the same two nodes.
   *
   * @param derivation the strongest derivation among them (identity for table edges)
   * @param origins where the edges were read, without duplicates
   */
  record Link(String from, String to, Derivation derivation, List<EdgeOrigin> origins) {
    Link {
      origins = List.copyOf(origins);
    }
  }

  /** A shown node with the number of its neighbours not shown yet on either side. */
  record ShownNode(String id, int distance, int hiddenUpstream, int hiddenDownstream) {}

  private final LineageGraph graph;
  private final String focus;
  private final LineageEdge.Kind kind;
  private final Map<String, Integer> shown = new LinkedHashMap<>();

  /**
   * @param focus a table id, or a column id when {@code columns} is true
   * @param hops how far to go in both directions at first (0: the focus alone; negative: everything)
   */
  LineageSubgraph(LineageGraph graph, String focus, boolean columns, int hops) {
    this.graph = graph;
    this.focus = focus;
    this.kind = columns ? LineageEdge.Kind.COLUMN : LineageEdge.Kind.TABLE;
    shown.put(focus, 0);
    for (Direction d : Direction.values()) {
      Set<String> frontier = Set.of(focus);
      for (int h = 1; (hops < 0 || h <= hops) && !frontier.isEmpty(); h++) {
        Set<String> next = new LinkedHashSet<>();
        for (String n : frontier) {
          for (String other : neighbours(n, d)) {
            if (!shown.containsKey(other)) {
              shown.put(other, d == Direction.UPSTREAM ? -h : h);
              next.add(other);
            }
          }
        }
        frontier = next;
      }
    }
  }

  String focus() {
    return focus;
  }

  boolean columns() {
    return kind == LineageEdge.Kind.COLUMN;
  }

  /** Whether the focus has any lineage of the mode's kind. */
  boolean isEmpty() {
    return shown.size() == 1 && neighbours(focus, Direction.UPSTREAM).isEmpty()
        && neighbours(focus, Direction.DOWNSTREAM).isEmpty();
  }

  /** Shows the hidden neighbours of {@code node} on one side; returns how many were added. */
  int expand(String node, Direction direction) {
    Integer at = shown.get(node);
    if (at == null) {
      return 0;
    }
    int added = 0;
    for (String other : neighbours(node, direction)) {
      if (!shown.containsKey(other)) {
        shown.put(other, at + (direction == Direction.UPSTREAM ? -1 : 1));
        added++;
      }
    }
    return added;
  }

  /** The shown nodes, focus first, each with its signed distance (upstream negative) and hidden counts. */
  List<ShownNode> nodes() {
    List<ShownNode> out = new ArrayList<>(shown.size());
    shown.forEach((id, distance) -> out.add(new ShownNode(id, distance, hidden(id, Direction.UPSTREAM),
        hidden(id, Direction.DOWNSTREAM))));
    return out;
  }

  int size() {
    return shown.size();
  }

  boolean isShown(String node) {
    return shown.containsKey(node);
  }

  /** The edges between shown nodes, one per pair, in a stable order. */
  List<Link> links() {
    Map<String, List<LineageEdge>> byPair = new LinkedHashMap<>();
    for (String n : shown.keySet()) {
      for (LineageEdge e : graph.edgesFrom(n)) {
        if (e.kind() == kind && shown.containsKey(e.to()) && !e.to().equals(n)) {
          byPair.computeIfAbsent(e.from() + "\u0000" + e.to(), k -> new ArrayList<>()).add(e);
        }
      }
    }
    List<Link> links = new ArrayList<>(byPair.size());
    for (List<LineageEdge> edges : byPair.values()) {
      Derivation strongest = Derivation.IDENTITY;
      Set<EdgeOrigin> origins = new LinkedHashSet<>();
      for (LineageEdge e : edges) {
        strongest = strongest.combine(e.derivation());
        if (e.origin() != null) {
          origins.add(e.origin());
        }
      }
      links.add(new Link(edges.getFirst().from(), edges.getFirst().to(), strongest, List.copyOf(origins)));
    }
    return links;
  }

  private int hidden(String node, Direction direction) {
    int n = 0;
    for (String other : neighbours(node, direction)) {
      if (!shown.containsKey(other)) {
        n++;
      }
    }
    return n;
  }

  private Set<String> neighbours(String node, Direction direction) {
    Set<String> out = new LinkedHashSet<>();
    Set<LineageEdge> edges = direction == Direction.UPSTREAM ? graph.edgesTo(node) : graph.edgesFrom(node);
    for (LineageEdge e : edges) {
      if (e.kind() == kind) {
        String other = direction == Direction.UPSTREAM ? e.from() : e.to();
        if (!other.equals(node)) {
          out.add(other);
        }
      }
    }
    return out;
  }
}
