package corpus.lineage.zetasql;

import java.util.List;
import java.util.Optional;

/**
 * A row source as seen by a query: a table, a CTE, a subquery, an UNNEST, a temp table. It resolves column paths
 * to source columns.
 */
interface Relation {

  /** The output columns in order when all are known; empty when some come from an unexpanded {@code *}. */
  Optional<List<OutputColumn>> columns();

  /** The columns known by name, possibly only a part of all columns. */
  List<OutputColumn> knownColumns();

  /** Whether {@code name} is known to be a column of this relation. */
  boolean hasColumn(String name);

  /** Whether columns beyond the known ones may exist (a table without schema, an unexpanded star). */
  boolean isOpen();

  /**
   * Resolves a column path whose first element is a column name; null when this relation has no such column.
   * An empty path means the whole row.
   */
  ColumnSources resolve(List<String> path);

  /** What stays unexpanded in a {@code SELECT *} over this relation, for example {@code p.d.t.*}. */
  List<String> openStars();

  /** Finds a known column by name, case-insensitively. */
  static OutputColumn find(List<OutputColumn> columns, String name) {
    for (OutputColumn c : columns) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }
}
