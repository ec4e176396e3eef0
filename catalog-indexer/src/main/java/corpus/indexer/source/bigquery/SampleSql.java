package corpus.indexer.source.bigquery;

import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the value-sampling query for the GDPR detectors: the requested field paths of one table
 * under {@code TABLESAMPLE SYSTEM (n PERCENT)}, each cast to STRING, fields under repeated
 * records gathered into an array, and a row limit. The percentage aims at ten times the wanted
 * rows so a sparse column still yields values.
 */
final class SampleSql {

  private static final Set<String> AS_JSON = Set.of("RECORD", "JSON", "RANGE", "INTERVAL");

  private SampleSql() {}

  /** Throws {@link IllegalArgumentException} naming a path that is not in the table's schema. */
  static String build(Table table, List<String> fieldPaths, int rows) {
    List<String> selects = new ArrayList<>();
    for (int i = 0; i < fieldPaths.size(); i++) {
      selects.add(expression(table, fieldPaths.get(i)) + " AS c" + i);
    }
    return "SELECT " + String.join(", ", selects)
        + " FROM `" + table.id().project() + "." + table.id().dataset() + "." + table.id().table() + "` AS t"
        + " TABLESAMPLE SYSTEM (" + percent(table.numRows(), rows) + " PERCENT)"
        + " LIMIT " + rows;
  }

  /** Whole percent in 1..100: ten times the wanted rows, relative to the table's row count. */
  static int percent(Long numRows, int rows) {
    if (numRows == null || numRows <= 0) {
      return 100;
    }
    double p = Math.ceil(rows * 10.0 * 100.0 / numRows);
    return (int) Math.max(1, Math.min(100, p));
  }

  private static String expression(Table table, String path) {
    String[] parts = path.split("\\.");
    List<Field> level = table.schema();
    String expr = "t";
    List<String> unnests = new ArrayList<>();
    Field field = null;
    for (int i = 0; i < parts.length; i++) {
      field = find(level, parts[i], path);
      expr = expr + "." + quote(field.name());
      if (field.isRepeated()) {
        String alias = "u" + unnests.size();
        unnests.add("UNNEST(" + expr + ") AS " + alias);
        expr = alias;
      }
      level = field.fields();
    }
    String value = AS_JSON.contains(field.type()) ? "TO_JSON_STRING(" + expr + ")"
        : "GEOGRAPHY".equals(field.type()) ? "ST_ASTEXT(" + expr + ")"
        : "CAST(" + expr + " AS STRING)";
    if (unnests.isEmpty()) {
      return value;
    }
    return "ARRAY(SELECT " + value + " FROM " + String.join(", ", unnests)
        + " WHERE " + expr + " IS NOT NULL LIMIT 100)";
  }

  private static Field find(List<Field> fields, String name, String path) {
    for (Field f : fields) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no field " + path + " in this table");
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "") + "`";
  }
}
