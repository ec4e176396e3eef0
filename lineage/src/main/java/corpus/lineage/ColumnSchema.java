package corpus.lineage;

import java.util.List;
import java.util.Objects;

/**
 * A column of a table schema as the analyzer needs it: name, BigQuery type and, for STRUCT/RECORD columns, the
 * nested fields.
 *
 * @param name column name as declared
 * @param type BigQuery type name ({@code STRING}, {@code INT64}, {@code STRUCT}, {@code ARRAY<STRUCT>} …)
 * @param repeated whether the column is REPEATED (an ARRAY)
 * @param fields nested fields of a STRUCT/RECORD column, empty otherwise
 */
public record ColumnSchema(String name, String type, boolean repeated, List<ColumnSchema> fields) {
  public ColumnSchema {
    Objects.requireNonNull(name, "name");
    type = type == null ? "STRING" : type;
    fields = List.copyOf(fields);
  }

  /** A scalar, non-repeated column. */
  public static ColumnSchema of(String name, String type) {
    return new ColumnSchema(name, type, false, List.of());
  }

  /** The nested field called {@code fieldName} (case-insensitive), or null. */
  public ColumnSchema field(String fieldName) {
    for (ColumnSchema f : fields) {
      if (f.name.equalsIgnoreCase(fieldName)) {
        return f;
      }
    }
    return null;
  }
}
