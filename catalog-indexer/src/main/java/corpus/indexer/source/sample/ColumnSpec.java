package corpus.indexer.source.sample;

/**
 * A column or nested field of a sample table: its dotted {@code path}, its DuckDB type (only for
 * top-level columns of tables; null for nested fields and view columns, whose types DuckDB
 * knows), the planted personal-data {@code category} (null when not personal) and its
 * description (null when the raw lake leaves it undocumented).
 */
public record ColumnSpec(String path, String duckDbType, String category, String description) {

  /** The category as the ground-truth file names it. */
  public String truthCategory() {
    return category == null ? "not_personal" : category;
  }

  public boolean personal() {
    return category != null;
  }
}
