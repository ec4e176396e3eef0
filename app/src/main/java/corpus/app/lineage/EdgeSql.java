package corpus.app.lineage;

import corpus.indexer.model.Pipeline;
import corpus.lineage.StatementLineage;
import corpus.lineage.graph.EdgeOrigin;
import java.util.List;
import java.util.Optional;

/**
 * The SQL behind one lineage edge, for the side panel: which pipeline, where it was read, its SQL split into
 * lines, and the lines of the statement that makes the edge.
 *
 * @param title the pipeline's title, e.g. {@code daily_orders (dbt model)}
 * @param origin where it was read, e.g. {@code pipelines/orders.sql:12} or a dbt manifest node
 * @param kind the pipeline kind (sql, dbt, airflow, openlineage, view, job) and the statement kind
 * @param lines the SQL, one entry a line; empty when the pipeline has no SQL (an OpenLineage event without it)
 * @param firstHighlighted 1-based first line of the statement, 0 when unknown
 * @param lastHighlighted 1-based last line of the statement
 */
record EdgeSql(String title, String origin, String kind, List<String> lines, int firstHighlighted, int lastHighlighted) {

  EdgeSql {
    lines = List.copyOf(lines);
  }

  boolean highlighted(int line) {
    return line >= firstHighlighted && line <= lastHighlighted && firstHighlighted > 0;
  }

  /** The SQL of the pipeline that wrote {@code origin}, from the pipelines of the edge's target table. */
  static Optional<EdgeSql> find(List<Pipeline> pipelines, EdgeOrigin origin) {
    for (Pipeline p : pipelines) {
      String file = p.file() == null ? p.id() : p.file();
      if (file.equals(origin.source())) {
        return Optional.of(of(p, origin));
      }
    }
    return Optional.empty();
  }

  static EdgeSql of(Pipeline p, EdgeOrigin origin) {
    List<String> lines = p.sql() == null ? List.of() : p.sql().lines().toList();
    int start = origin.line();
    int first = start;
    int last = first;
    if (first > 0 && first <= lines.size()) {
      int next = p.statements().stream().mapToInt(StatementLineage::line).filter(l -> l > start).min()
          .orElse(lines.size() + 1);
      last = Math.min(lines.size(), next - 1);
      while (last > first && lines.get(last - 1).isBlank()) {
        last--;
      }
    } else {
      first = 0;
      last = 0;
    }
    String where = origin.source() + (origin.line() > 0 ? ":" + origin.line() : "");
    String kind = p.kind() + (p.observed() ? " (observed)" : "") + " · " + origin.statementKind();
    return new EdgeSql(p.title(), where, kind, lines, first, last);
  }
}
