package corpus.app.workbench;

import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TimePartitioning;
import java.util.stream.Collectors;

/**
 * The query "Query this table" starts from: the table's columns by name (never {@code SELECT *}, which bills
 * every column) and, for a partitioned table, a filter on the partitioning column for the last 7 days.
 */
public final class QueryTemplates {

  /** GoogleSQL's reserved keywords, which must be quoted as column names. */
  private static final java.util.Set<String> RESERVED = java.util.Set.of("ALL", "AND", "ANY", "ARRAY", "AS", "ASC",
      "ASSERT_ROWS_MODIFIED", "AT", "BETWEEN", "BY", "CASE", "CAST", "COLLATE", "CONTAINS", "CREATE", "CROSS",
      "CUBE", "CURRENT", "DEFAULT", "DEFINE", "DESC", "DISTINCT", "ELSE", "END", "ENUM", "ESCAPE", "EXCEPT",
      "EXCLUDE", "EXISTS", "EXTRACT", "FALSE", "FETCH", "FOLLOWING", "FOR", "FROM", "FULL", "GROUP", "GROUPING",
      "GROUPS", "HASH", "HAVING", "IF", "IGNORE", "IN", "INNER", "INTERSECT", "INTERVAL", "INTO", "IS", "JOIN",
      "LATERAL", "LEFT", "LIKE", "LIMIT", "LOOKUP", "MERGE", "NATURAL", "NEW", "NO", "NOT", "NULL", "NULLS", "OF",
      "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION", "PRECEDING", "PROTO", "QUALIFY", "RANGE", "RECURSIVE",
      "RESPECT", "RIGHT", "ROLLUP", "ROWS", "SELECT", "SET", "SOME", "STRUCT", "TABLESAMPLE", "THEN", "TO", "TREAT",
      "TRUE", "UNBOUNDED", "UNION", "UNNEST", "USING", "WHEN", "WHERE", "WINDOW", "WITH", "WITHIN");

  private QueryTemplates() {}

  public static String select(Table table) {
    String columns = table.schema().isEmpty() ? "*"
        : table.schema().stream().map(Field::name).map(QueryTemplates::identifier)
            .collect(Collectors.joining(",\n  "));
    String sql = "SELECT\n  " + columns + "\nFROM `" + table.id() + "`";
    String filter = partitionFilter(table);
    return sql + (filter == null ? "" : "\nWHERE " + filter) + "\n";
  }

  /** A condition reading the last 7 days of a time-partitioned table, or null. */
  static String partitionFilter(Table table) {
    TimePartitioning tp = table.timePartitioning();
    if (tp == null) {
      return null;
    }
    if (tp.field() == null) {
      return "_PARTITIONDATE >= DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY)";
    }
    boolean date = table.schema().stream()
        .anyMatch(f -> f.name().equalsIgnoreCase(tp.field()) && f.type().equals("DATE"));
    return date ? identifier(tp.field()) + " >= DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY)"
        : identifier(tp.field()) + " >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY)";
  }

  private static String identifier(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") && !RESERVED.contains(name.toUpperCase(java.util.Locale.ROOT))
        ? name : "`" + name + "`";
  }
}
