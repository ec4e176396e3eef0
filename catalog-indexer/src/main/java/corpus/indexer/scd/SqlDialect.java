package corpus.indexer.scd;

import corpus.indexer.model.TableId;

/**
 * The few places where the SQL of SCD checks differs between the warehouses Corpus queries:
 * table references, identifier quoting, string literals and casts. Everything else (window
 * functions, {@code COUNT(*) OVER ()}, typed literals) is written once for both.
 */
public enum SqlDialect {
  /** BigQuery standard SQL: {@code `project.dataset.table`}, backslash escapes. */
  BIGQUERY,
  /** DuckDB, where a BigQuery dataset is a schema: {@code "dataset"."table"}. */
  DUCKDB;

  /** How the table is named in a FROM clause. */
  public String table(TableId id) {
    return switch (this) {
      case BIGQUERY -> "`" + id.project() + "." + id.dataset() + "." + id.table() + "`";
      case DUCKDB -> ident(id.dataset()) + "." + ident(id.table());
    };
  }

  /** A quoted column or schema name. */
  public String ident(String name) {
    return switch (this) {
      case BIGQUERY -> "`" + name.replace("`", "") + "`";
      case DUCKDB -> "\"" + name.replace("\"", "\"\"") + "\"";
    };
  }

  /** A string literal. */
  public String string(String value) {
    return switch (this) {
      case BIGQUERY -> "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
      case DUCKDB -> "'" + value.replace("'", "''") + "'";
    };
  }

  /** An expression cast to text. */
  public String castToString(String expression) {
    return "CAST(" + expression + " AS " + (this == BIGQUERY ? "STRING" : "VARCHAR") + ")";
  }

  /**
   * A literal of a validity column's BigQuery type ({@code DATE}, {@code DATETIME} or {@code
   * TIMESTAMP}) from ISO text such as {@code 2024-03-01} or {@code 2024-03-01 12:00:00}.
   */
  public String timeLiteral(String bigQueryType, String isoText) {
    String quoted = string(isoText);
    return switch (bigQueryType) {
      case "DATE" -> "DATE " + quoted;
      case "DATETIME" -> (this == BIGQUERY ? "DATETIME " : "TIMESTAMP ") + quoted;
      default -> (this == BIGQUERY ? "TIMESTAMP " : "TIMESTAMPTZ ") + quoted;
    };
  }
}
