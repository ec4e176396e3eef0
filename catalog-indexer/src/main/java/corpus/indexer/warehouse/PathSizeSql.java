package corpus.indexer.warehouse;

import corpus.indexer.source.duckdb.DataSizeSql;
import corpus.indexer.source.duckdb.DuckDbType;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds DuckDB expressions for the BigQuery data size of a column path: the whole column, or one nested field
 * summed over the elements of the repeated records it sits in ({@code actions_received.metric_name} is the sum
 * of {@code metric_name} over each row's {@code actions_received} elements), as BigQuery bills a referenced
 * nested field.
 */
final class PathSizeSql {

  /** A column path and the expression of its size. */
  record PathSize(String path, String sql) {}

  private PathSizeSql() {}

  /** Size expressions for the column and every nested field below it, parents first. */
  static List<PathSize> all(String column, DuckDbType type) {
    List<PathSize> out = new ArrayList<>();
    collect(column, type, List.of(), out);
    return out;
  }

  private static void collect(String column, DuckDbType rootType, List<String> path, List<PathSize> out) {
    String dotted = path.isEmpty() ? column : column + "." + String.join(".", path);
    out.add(new PathSize(dotted, size(quote(column), rootType, path, 0)));
    DuckDbType at = typeAt(rootType, path);
    List<DuckDbType.Member> members = members(at);
    for (DuckDbType.Member m : members) {
      List<String> next = new ArrayList<>(path);
      next.add(m.name());
      collect(column, rootType, next, out);
    }
  }

  private static List<DuckDbType.Member> members(DuckDbType t) {
    return switch (t) {
      case DuckDbType.Struct s -> s.members();
      case DuckDbType.ListOf l -> members(l.element());
      default -> List.of();
    };
  }

  private static DuckDbType typeAt(DuckDbType t, List<String> path) {
    DuckDbType current = t;
    for (String part : path) {
      while (current instanceof DuckDbType.ListOf l) {
        current = l.element();
      }
      DuckDbType next = null;
      for (DuckDbType.Member m : members(current)) {
        if (m.name().equals(part)) {
          next = m.type();
        }
      }
      current = next;
    }
    return current;
  }

  private static String size(String expr, DuckDbType type, List<String> rest, int depth) {
    if (rest.isEmpty()) {
      return DataSizeSql.size(expr, type);
    }
    return switch (type) {
      case DuckDbType.ListOf l -> {
        String x = "p" + depth;
        yield "coalesce(list_sum(list_transform(" + expr + ", lambda " + x + ": "
            + size(x, l.element(), rest, depth + 1) + ")), 0)";
      }
      case DuckDbType.Struct s -> {
        DuckDbType.Member member = null;
        for (DuckDbType.Member m : s.members()) {
          if (m.name().equals(rest.getFirst())) {
            member = m;
          }
        }
        yield member == null ? "0" : "coalesce(" + size("struct_extract(" + expr + ", '"
            + member.name().replace("'", "''") + "')", member.type(), rest.subList(1, rest.size()), depth) + ", 0)";
      }
      default -> "0";
    };
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
