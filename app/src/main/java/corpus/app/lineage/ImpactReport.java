package corpus.app.lineage;

import corpus.lineage.graph.LineageEdge;
import corpus.lineage.graph.LineageGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "If this changes": every downstream column and table of a table or column, nearest first, with how many
 * hops away each is and the pipelines that carry the change there — the rows the impact panel shows and
 * exports.
 *
 * @param node the changed table or column
 * @param rows one per affected column or table
 */
record ImpactReport(String node, List<Row> rows) {

  /**
   * One affected column or table.
   *
   * @param kind {@code column} or {@code table}
   * @param id the column ({@code p.d.t.col}) or table id
   * @param table the table holding it (the table itself for a table)
   * @param hops how many edges from the changed node
   * @param via the files of the statements that write it, separated by {@code ; }
   */
  record Row(String kind, String id, String table, int hops, String via) {}

  ImpactReport {
    rows = List.copyOf(rows);
  }

  /**
   * Computes the impact of changing {@code node} in {@code graph}. A table's impact includes that of each of
   * its columns, since changing a table means changing its columns.
   */
  static ImpactReport of(LineageGraph graph, String node) {
    List<String> starts = new ArrayList<>(List.of(node));
    if (graph.nodes().get(node) != LineageGraph.NodeKind.COLUMN) {
      String prefix = node + ".";
      graph.nodes().forEach((id, kind) -> {
        if (kind == LineageGraph.NodeKind.COLUMN && id.startsWith(prefix)) {
          starts.add(id);
        }
      });
    }
    Set<LineageEdge> edges = new LinkedHashSet<>();
    for (String s : starts) {
      edges.addAll(graph.downstream(s, -1));
    }
    Map<String, Integer> hops = distances(starts, edges);
    Map<String, Set<String>> via = new HashMap<>();
    for (LineageEdge e : edges) {
      if (e.origin() != null) {
        via.computeIfAbsent(e.to(), k -> new LinkedHashSet<>())
            .add(e.origin().source() + (e.origin().line() > 0 ? ":" + e.origin().line() : ""));
      }
    }
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> reached : hops.entrySet()) {
      String id = reached.getKey();
      if (starts.contains(id)) {
        continue;
      }
      boolean column = graph.nodes().get(id) == LineageGraph.NodeKind.COLUMN;
      String table = column ? LineageGraph.tableOf(id) : id;
      rows.put(id, new Row(column ? "column" : "table", id, table == null ? "" : table, reached.getValue(),
          String.join("; ", via.getOrDefault(id, Set.of()))));
      if (column && table != null && !table.equals(node)) {
        rows.merge(table, new Row("table", table, table, reached.getValue(), String.join("; ", via.getOrDefault(table,
            Set.of()))), (a, b) -> a.hops() <= b.hops() ? a : b);
      }
    }
    List<Row> sorted = new ArrayList<>(rows.values());
    sorted.sort(java.util.Comparator.comparingInt(Row::hops).thenComparing(Row::kind, java.util.Comparator.reverseOrder())
        .thenComparing(Row::id));
    return new ImpactReport(node, sorted);
  }

  /** Number of affected tables. */
  long tables() {
    return rows.stream().filter(r -> r.kind().equals("table")).count();
  }

  /** Number of affected columns. */
  long columns() {
    return rows.stream().filter(r -> r.kind().equals("column")).count();
  }

  private static Map<String, Integer> distances(List<String> starts, Set<LineageEdge> edges) {
    Map<String, List<String>> next = new HashMap<>();
    for (LineageEdge e : edges) {
      next.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
    }
    Map<String, Integer> distance = new LinkedHashMap<>();
    starts.forEach(s -> distance.put(s, 0));
    Deque<String> queue = new ArrayDeque<>(starts);
    while (!queue.isEmpty()) {
      String n = queue.poll();
      for (String m : next.getOrDefault(n, List.of())) {
        if (!distance.containsKey(m)) {
          distance.put(m, distance.get(n) + 1);
          queue.add(m);
        }
      }
    }
    return distance;
  }
}
