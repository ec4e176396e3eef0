package corpus.lineage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives the analyzer the columns of a table, when the catalog knows them, so that {@code SELECT *} and
 * ambiguous column names can be resolved exactly.
 *
 * <p>Implementations must be thread-safe and fast (called once per table reference).
 */
@FunctionalInterface
public interface SchemaProvider {

  /** The top-level columns of the table {@code project.dataset.table}, or empty when unknown. */
  Optional<List<ColumnSchema>> columns(String tableId);

  /** A provider that knows no table. */
  static SchemaProvider none() {
    return tableId -> Optional.empty();
  }

  /** A provider backed by a map from {@code project.dataset.table} to columns (ids compared case-insensitively). */
  static SchemaProvider of(Map<String, List<ColumnSchema>> tables) {
    Map<String, List<ColumnSchema>> byLowerId = new java.util.HashMap<>();
    tables.forEach((id, cols) -> byLowerId.put(id.toLowerCase(java.util.Locale.ROOT), List.copyOf(cols)));
    return tableId -> Optional.ofNullable(byLowerId.get(tableId.toLowerCase(java.util.Locale.ROOT)));
  }
}
