package corpus.lineage;

import com.fasterxml.jackson.databind.JsonNode;
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

  /**
   * A provider read from a schemas file's JSON: an object of table id to an array of columns, each
   * {@code {"name", "type", "repeated", "fields": [...]}} ({@code type} STRING and {@code repeated}
   * false when missing).
   */
  static SchemaProvider fromJson(JsonNode root) {
    Map<String, List<ColumnSchema>> tables = new java.util.LinkedHashMap<>();
    root.properties().forEach(e -> tables.put(e.getKey(), columns(e.getValue())));
    return of(tables);
  }

  private static List<ColumnSchema> columns(JsonNode array) {
    List<ColumnSchema> out = new java.util.ArrayList<>();
    for (JsonNode c : array) {
      out.add(new ColumnSchema(c.path("name").asText(), c.path("type").asText("STRING"),
          c.path("repeated").asBoolean(false), c.has("fields") ? columns(c.get("fields")) : List.of()));
    }
    return out;
  }
}
