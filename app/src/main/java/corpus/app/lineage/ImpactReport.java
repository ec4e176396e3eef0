package corpus.app.lineage;

import corpus.lineage.graph.Impact;
import corpus.lineage.graph.LineageEdge;
import corpus.lineage.graph.LineageGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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

  /** Computes the impact of changing {@code node} in {@code graph}. */
  static ImpactReport of(LineageGraph graph, String node) {
    Impact impact = graph.impact(node);
    Map<String, Integer> hops = distances(node, impact.edges());
    Map<String, Set<String>> via = new HashMap<>();
    for (LineageEdge e : impact.edges()) {
      if (e.origin() != null) {
        via.computeIfAbsent(e.to(), k -> new LinkedHashSet<>())
            .add(e.origin().source() + (e.origin().line() > 0 ? ":" + e.origin().line() : ""));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (String column : impact.columns()) {
      String table = LineageGraph.tableOf(column);
      rows.add(new Row("column", column, table == null ? "" : table, hops.getOrDefault(column, 0),
          String.join("; ", via.getOrDefault(column, Set.of()))));
    }
    for (String table : impact.tables()) {
      if (table.equals(node)) {
        continue;
      }
      int h = hops.getOrDefault(table, impact.columns().stream()
          .filter(c -> table.equals(LineageGraph.tableOf(c)))
          .mapToInt(c -> hops.getOrDefault(c, 0)).min().orElse(0));
      rows.add(new Row("table", table, table, h, String.join("; ", via.getOrDefault(table, Set.of()))));
    }
    rows.sort(java.util.Comparator.comparingInt(Row::hops).thenComparing(Row::kind).thenComparing(Row::id));
    return new ImpactReport(node, rows);
  }

  /** Number of affected tables. */
  long tables() {
    return rows.stream().filter(r -> r.kind().equals("table")).count();
  }

  /** Number of affected columns. */
  long columns() {
    return rows.stream().filter(r -> r.kind().equals("column")).count();
  }

  private static Map<String, Integer> distances(String start, Set<LineageEdge> edges) {
    Map<String, List<String>> next = new HashMap<>();
    for (LineageEdge e : edges) {
      next.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
    }
    Map<String, Integer> distance = new HashMap<>();
    distance.put(start, 0);
    Deque<String> queue = new ArrayDeque<>(List.of(start));
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
