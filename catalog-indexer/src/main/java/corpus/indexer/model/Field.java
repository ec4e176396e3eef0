package corpus.indexer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One column of a table schema, possibly a RECORD with nested {@link #fields()}.
 *
 * <p>{@code type} uses BigQuery's names (STRING, BYTES, INT64, FLOAT64, NUMERIC, BIGNUMERIC,
 * BOOL, TIMESTAMP, DATE, TIME, DATETIME, GEOGRAPHY, JSON, INTERVAL, RANGE, RECORD) and {@code
 * mode} is NULLABLE, REQUIRED or REPEATED. Use {@link #flatten(List)} to walk a schema with full
 * paths such as {@code actions_received.metric_name}.
 */
public record Field(
    String name,
    String type,
    String mode,
    String description,
    List<String> policyTags,
    List<Field> fields) {

  public Field {
    type = type == null ? "STRING" : normaliseType(type);
    mode = mode == null || mode.isBlank() ? "NULLABLE" : mode.toUpperCase(java.util.Locale.ROOT);
    description = description == null || description.isBlank() ? null : description;
    policyTags = policyTags == null ? List.of() : List.copyOf(policyTags);
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /** A scalar field without description. */
  public static Field of(String name, String type) {
    return new Field(name, type, "NULLABLE", null, List.of(), List.of());
  }

  public boolean isRecord() {
    return "RECORD".equals(type);
  }

  public boolean isRepeated() {
    return "REPEATED".equals(mode);
  }

  /** Maps legacy SQL type names (INTEGER, FLOAT, BOOLEAN, STRUCT) to standard SQL names. */
  public static String normaliseType(String type) {
    String t = type.strip().toUpperCase(java.util.Locale.ROOT);
    return switch (t) {
      case "INTEGER" -> "INT64";
      case "FLOAT" -> "FLOAT64";
      case "BOOLEAN" -> "BOOL";
      case "STRUCT" -> "RECORD";
      default -> t;
    };
  }

  /** A field with its dotted path from the table root and its nesting depth (0 = top level). */
  public record Flat(String path, Field field, int depth) {}

  /** All fields of a schema, depth first, parents before their children. */
  public static List<Flat> flatten(List<Field> schema) {
    List<Flat> out = new ArrayList<>();
    flatten(schema, "", 0, out);
    return out;
  }

  private static void flatten(List<Field> fields, String prefix, int depth, List<Flat> out) {
    for (Field f : fields) {
      String path = prefix.isEmpty() ? f.name() : prefix + "." + f.name();
      out.add(new Flat(path, f, depth));
      flatten(f.fields(), path, depth + 1, out);
    }
  }
}
