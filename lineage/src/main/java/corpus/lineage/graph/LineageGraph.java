package corpus.lineage.graph;

import corpus.lineage.ColumnLineage;
import corpus.lineage.Derivation;
import corpus.lineage.StatementLineage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table- and column-level lineage graph built from analysed statements, with upstream/downstream traversal over
 * N hops and impact analysis ("if this column changes"). Nodes are table ids ({@code p.d.t}) and column ids
 * ({@code p.d.t.col}, nested fields appended); every edge remembers its origin.
 *
 * <pre>{@code
 * LineageGraph graph = new LineageGraph();
 * graph.addStatements("pipelines/orders.sql", analyzer.analyze(sql, context));
 * Set<LineageEdge> up = graph.upstream("p.mart.orders", 2);
 * Impact impact = graph.impact("p.raw.orders.amount");
 * }</pre>
 *
 * <p>Not thread-safe for concurrent writes; build it, then share it read-only.
 */
public final class LineageGraph {
  private final Map<String, NodeKind> nodes = new LinkedHashMap<>();
  private final Map<String, Set<LineageEdge>> outgoing = new HashMap<>();
  private final Map<String, Set<LineageEdge>> incoming = new HashMap<>();

  /** Whether a node is a table or a column. */
  public enum NodeKind { TABLE, COLUMN }

  /** Adds the edges of analysed statements read from {@code source}; statements with errors add nothing. */
  public void addStatements(String source, Collection<StatementLineage> statements) {
    for (StatementLineage s : statements) {
      if (!s.ok()) {
        continue;
      }
      EdgeOrigin origin = new EdgeOrigin(source, s.line(), s.kind());
      for (String target : s.targets()) {
        for (String from : s.sources()) {
          if (!from.equals(target)) {
            addEdge(new LineageEdge(from, target, LineageEdge.Kind.TABLE, Derivation.IDENTITY, origin));
          }
        }
        for (String filter : s.filters()) {
          addEdge(new LineageEdge(filter, target, LineageEdge.Kind.FILTER, Derivation.TRANSFORMATION, origin));
        }
      }
      for (ColumnLineage c : s.columns()) {
        if (s.targets().isEmpty()) {
          continue;
        }
        for (String from : c.sources()) {
          if (!from.equals(c.target())) {
            addEdge(new LineageEdge(from, c.target(), LineageEdge.Kind.COLUMN, c.derivation(), origin));
          }
        }
      }
    }
  }

  /** Adds one edge (and its nodes). */
  public void addEdge(LineageEdge edge) {
    nodes.putIfAbsent(edge.from(), edge.kind() == LineageEdge.Kind.TABLE ? NodeKind.TABLE : NodeKind.COLUMN);
    nodes.putIfAbsent(edge.to(), edge.kind() == LineageEdge.Kind.COLUMN ? NodeKind.COLUMN : NodeKind.TABLE);
    outgoing.computeIfAbsent(edge.from(), k -> new LinkedHashSet<>()).add(edge);
    incoming.computeIfAbsent(edge.to(), k -> new LinkedHashSet<>()).add(edge);
  }

  /** All node ids with their kind, in insertion order. */
  public Map<String, NodeKind> nodes() {
    return java.util.Collections.unmodifiableMap(nodes);
  }

  /** The edges leaving {@code node}. */
  public Set<LineageEdge> edgesFrom(String node) {
    return java.util.Collections.unmodifiableSet(outgoing.getOrDefault(node, Set.of()));
  }

  /** The edges entering {@code node}. */
  public Set<LineageEdge> edgesTo(String node) {
    return java.util.Collections.unmodifiableSet(incoming.getOrDefault(node, Set.of()));
  }

  /** The edges within {@code hops} steps upstream of {@code node} (hops &lt; 0: unlimited). */
  public Set<LineageEdge> upstream(String node, int hops) {
    return traverse(node, hops, false);
  }

  /** The edges within {@code hops} steps downstream of {@code node} (hops &lt; 0: unlimited). */
  public Set<LineageEdge> downstream(String node, int hops) {
    return traverse(node, hops, true);
  }

  /**
   * What changes when {@code node} changes: every downstream column (following column edges) and every table
   * written from the node or from one of those columns (following table and filter edges as well).
   */
  public Impact impact(String node) {
    Set<LineageEdge> edges = downstream(node, -1);
    List<String> columns = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    for (LineageEdge e : orderedByDistance(node, edges)) {
      NodeKind kind = nodes.get(e.to());
      List<String> into = kind == NodeKind.COLUMN ? columns : tables;
      if (!into.contains(e.to())) {
        into.add(e.to());
      }
      if (kind == NodeKind.COLUMN) {
        String table = tableOf(e.to());
        if (table != null && !tables.contains(table)) {
          tables.add(table);
        }
      }
    }
    return new Impact(node, columns, tables, edges);
  }

  /** The table id of a fully qualified column id ({@code p.d.t.col.field} → {@code p.d.t}), or null. */
  public static String tableOf(String columnId) {
    String[] parts = columnId.split("\\.");
    return parts.length >= 4 ? parts[0] + "." + parts[1] + "." + parts[2] : null;
  }

  private Set<LineageEdge> traverse(String start, int hops, boolean down) {
    Set<LineageEdge> result = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> frontier = new ArrayDeque<>();
    frontier.add(start);
    seen.add(start);
    for (int depth = 0; !frontier.isEmpty() && (hops < 0 || depth < hops); depth++) {
      Deque<String> next = new ArrayDeque<>();
      for (String n : frontier) {
        for (LineageEdge e : (down ? outgoing : incoming).getOrDefault(n, Set.of())) {
          result.add(e);
          String other = down ? e.to() : e.from();
          if (seen.add(other)) {
            next.add(other);
          }
        }
      }
      frontier = next;
    }
    return result;
  }

  private List<LineageEdge> orderedByDistance(String start, Set<LineageEdge> edges) {
    List<LineageEdge> ordered = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>(List.of(start));
    Deque<String> frontier = new ArrayDeque<>(List.of(start));
    while (!frontier.isEmpty()) {
      String n = frontier.poll();
      for (LineageEdge e : outgoing.getOrDefault(n, Set.of())) {
        if (edges.contains(e)) {
          ordered.add(e);
          if (seen.add(e.to())) {
            frontier.add(e.to());
          }
        }
      }
    }
    return ordered;
  }
}
