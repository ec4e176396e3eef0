package corpus.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one SQL statement reads and writes, at table and column level.
 *
 * @param kind the statement kind in lower case ({@code select}, {@code insert}, {@code create_table_as}, …)
 * @param line the 1-based line of the file where the statement starts
 * @param targets fully qualified tables written ({@code project.dataset.table}); temp tables are never listed
 * @param sources fully qualified tables read; temp tables are replaced by the real tables they were built from,
 *     CTE names and UNNEST aliases never appear, wildcard tables ({@code p.d.events_*}) are kept as such
 * @param external non-BigQuery sources such as {@code EXTERNAL_QUERY(connection)}; not tables
 * @param columns column-level lineage of the targets (or of the output columns of a plain SELECT)
 * @param filters columns that only filter or join (WHERE, ON, USING, HAVING, QUALIFY, MERGE conditions)
 * @param unresolved columns that could not be resolved without a schema ({@code p.d.t.*} for an unexpanded
 *     {@code SELECT *}, a bare name for an ambiguous column)
 * @param error {@code null}, or why the statement could not be analysed
 */
public record StatementLineage(
    String kind,
    int line,
    List<String> targets,
    List<String> sources,
    List<String> external,
    List<ColumnLineage> columns,
    List<String> filters,
    List<String> unresolved,
    String error) {

  public StatementLineage {
    Objects.requireNonNull(kind, "kind");
    targets = List.copyOf(targets);
    sources = List.copyOf(sources);
    external = List.copyOf(external);
    columns = List.copyOf(columns);
    filters = List.copyOf(filters);
    unresolved = List.copyOf(unresolved);
  }

  /** A statement that could not be analysed, with the reason. */
  public static StatementLineage failed(String kind, int line, String error) {
    return new StatementLineage(kind, line, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), error);
  }

  /** Whether the statement was analysed (it may still have unresolved columns). */
  public boolean ok() {
    return error == null;
  }

  /**
   * Returns this statement with {@code table} as its destination, for a plain SELECT whose destination is named
   * elsewhere (a path template, a dbt model): output columns become {@code table.column}.
   */
  public StatementLineage withDestination(String table) {
    List<ColumnLineage> retargeted = new ArrayList<>(columns.size());
    for (ColumnLineage c : columns) {
      retargeted.add(new ColumnLineage(table + "." + c.target(), c.sources(), c.derivation()));
    }
    List<String> newTargets = new ArrayList<>(targets);
    if (!newTargets.contains(table)) {
      newTargets.add(table);
    }
    return new StatementLineage(kind, line, newTargets, sources, external, retargeted, filters, unresolved, error);
  }
}
