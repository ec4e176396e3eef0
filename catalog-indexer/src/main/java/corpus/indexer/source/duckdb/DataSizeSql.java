package corpus.indexer.source.duckdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the SQL expression that computes a value's logical size by BigQuery's data-size rules,
 * so a DuckDB table's {@code numBytes} and the cost of a query over it match what BigQuery would
 * bill: 8 bytes for INT64, FLOAT64, DATE, TIME, DATETIME and TIMESTAMP, 1 for BOOL, 16 for
 * NUMERIC and INTERVAL, 32 for BIGNUMERIC, 2 + UTF-8 length for STRING, JSON and BYTES, the sum
 * of the fields for a STRUCT and of the elements for an ARRAY; NULL counts 0.
 */
public final class DataSizeSql {

  private DataSizeSql() {}

  /** An expression giving the size of {@code expr}, a value of DuckDB type {@code type}. */
  public static String size(String expr, DuckDbType type) {
    return size(expr, type, 0);
  }

  private static String size(String expr, DuckDbType type, int depth) {
    return switch (type) {
      case DuckDbType.Scalar s -> scalar(expr, s);
      case DuckDbType.Struct s -> struct(expr, s.members(), depth);
      case DuckDbType.Union u -> "(CASE WHEN " + expr + " IS NULL THEN 0 ELSE 8 END)";
      case DuckDbType.MapOf m -> list("map_entries(" + expr + ")",
          new DuckDbType.Struct(List.of(new DuckDbType.Member("key", m.key()),
              new DuckDbType.Member("value", m.value()))), depth);
      case DuckDbType.ListOf l -> list(expr, l.element(), depth);
    };
  }

  private static String list(String expr, DuckDbType element, int depth) {
    String x = "x" + depth;
    return "coalesce(list_sum(list_transform(" + expr + ", lambda " + x + ": "
        + size(x, element, depth + 1) + ")), 0)";
  }

  private static String struct(String expr, List<DuckDbType.Member> members, int depth) {
    if (members.isEmpty()) {
      return "0";
    }
    List<String> parts = new ArrayList<>();
    for (DuckDbType.Member m : members) {
      parts.add(size("struct_extract(" + expr + ", " + literal(m.name()) + ")", m.type(), depth));
    }
    return "(CASE WHEN " + expr + " IS NULL THEN 0 ELSE " + String.join(" + ", parts) + " END)";
  }

  private static String scalar(String expr, DuckDbType.Scalar s) {
    String bq = BigQueryTypes.scalar(s);
    return switch (bq) {
      case "STRING", "JSON" -> "coalesce(2 + strlen(CAST(" + expr + " AS VARCHAR)), 0)";
      case "BYTES" -> s.name().startsWith("BIT")
          ? fixed(expr, 8)
          : "coalesce(2 + octet_length(" + expr + "), 0)";
      case "BOOL" -> fixed(expr, 1);
      case "NUMERIC", "INTERVAL", "GEOGRAPHY" -> fixed(expr, 16);
      case "BIGNUMERIC" -> fixed(expr, 32);
      default -> fixed(expr, 8);
    };
  }

  private static String fixed(String expr, int bytes) {
    return "(CASE WHEN " + expr + " IS NULL THEN 0 ELSE " + bytes + " END)";
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
