package corpus.lineage.graph;

import java.util.List;
import java.util.Set;

/**
 * What a change to one node affects: every downstream column and table, and the edges that lead there.
 *
 * @param node the changed node
 * @param columns downstream columns, nearest first
 * @param tables downstream tables (those written from the node or from a downstream column), nearest first
 * @param edges the edges followed
 */
public record Impact(String node, List<String> columns, List<String> tables, Set<LineageEdge> edges) {
  public Impact {
    columns = List.copyOf(columns);
    tables = List.copyOf(tables);
    edges = Set.copyOf(edges);
  }
}
