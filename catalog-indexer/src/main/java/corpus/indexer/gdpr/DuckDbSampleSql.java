package corpus.indexer.gdpr;

import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the bounded DuckDB query that samples some fields of one table: {@code SELECT <one
 * expression per field> FROM "dataset"."table" USING SAMPLE n ROWS}. A field inside a STRUCT is
 * read with {@code struct_extract}; one inside a list of STRUCTs with {@code list_transform}, so its
 * column holds a list of values per row. Identifiers are double-quoted, names are never spliced
 * unquoted.
 */
final class DuckDbSampleSql {

  /**
   * Types never sampled: a BOOL holds no identifier, and a RECORD's leaves are sampled instead.
   * Decimals and dates are sampled like everything else; the validators refuse amounts such as
   * {@code 12.50} and dates such as {@code 2024-01-05} as phone numbers themselves.
   */
  static final Set<String> UNSAMPLED_TYPES = Set.of("BOOL", "BOOLEAN", "RECORD", "STRUCT");

  private DuckDbSampleSql() {}

  /** The query, and the field paths of its columns in order; empty when no field can be sampled. */
  static Query build(Table table, List<String> fieldPaths, int rows) {
    Map<String, Field.Flat> flat = new LinkedHashMap<>();
    table.flatFields().forEach(f -> flat.put(f.path(), f));
    List<String> columns = new ArrayList<>();
    List<String> expressions = new ArrayList<>();
    for (String path : fieldPaths) {
      Field.Flat f = flat.get(path);
      if (f == null || UNSAMPLED_TYPES.contains(f.field().type())) {
        continue;
      }
      String expression = expression(table.schema(), path);
      if (expression != null) {
        columns.add(path);
        expressions.add(expression + " AS c" + expressions.size());
      }
    }
    if (columns.isEmpty()) {
      return new Query(null, List.of());
    }
    String sql = "SELECT " + String.join(", ", expressions) + " FROM " + quote(table.id().dataset()) + "."
        + quote(table.id().table()) + " USING SAMPLE " + Math.max(1, rows) + " ROWS";
    return new Query(sql, columns);
  }

  /** The expression reading {@code path}: a scalar, or a list when an ancestor repeats. */
  static String expression(List<Field> schema, String path) {
    String[] segments = path.split("\\.");
    List<Field> level = schema;
    String expr = null;
    boolean list = false;
    for (String segment : segments) {
      Field f = level.stream().filter(x -> x.name().equals(segment)).findFirst().orElse(null);
      if (f == null) {
        return null;
      }
      if (expr == null) {
        expr = quote(segment);
      } else if (list) {
        expr = "flatten(list_transform(" + expr + ", x -> [struct_extract(x, " + literal(segment) + ")]))";
      } else {
        expr = "struct_extract(" + expr + ", " + literal(segment) + ")";
      }
      if (f.isRepeated()) {
        if (list) {
          expr = "flatten(" + expr + ")";
        }
        list = true;
      }
      level = f.fields();
    }
    return expr;
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** A sampling query and the field path of each of its columns. */
  record Query(String sql, List<String> columns) {}
}
