package corpus.gdpr.detect;

import java.util.List;

/**
 * What the classifier knows about one field, independent of how the catalog stores it.
 *
 * @param table table id {@code project.dataset.table}
 * @param fieldPath dotted path from the table root, e.g. {@code address.street}
 * @param type BigQuery type (STRING, INT64, BOOL, RECORD, ...); for a REPEATED field the
 *     element type
 * @param mode NULLABLE, REQUIRED or REPEATED, or {@code null}
 * @param description the field description, or {@code null}
 * @param tableDescription the table description, or {@code null}
 * @param siblingFieldNames paths of the table's other fields (used as context)
 */
public record FieldContext(
    String table,
    String fieldPath,
    String type,
    String mode,
    String description,
    String tableDescription,
    List<String> siblingFieldNames) {

  public FieldContext {
    if (table == null || fieldPath == null || fieldPath.isBlank()) {
      throw new IllegalArgumentException("table and fieldPath are required");
    }
    siblingFieldNames = siblingFieldNames == null ? List.of() : List.copyOf(siblingFieldNames);
  }

  /** A field with only table, path and type known. */
  public static FieldContext of(String table, String fieldPath, String type) {
    return new FieldContext(table, fieldPath, type, null, null, null, List.of());
  }

  /** The same field with a description. */
  public FieldContext withDescription(String newDescription) {
    return new FieldContext(table, fieldPath, type, mode, newDescription, tableDescription, siblingFieldNames);
  }

  /** The same field with a table description. */
  public FieldContext withTableDescription(String newTableDescription) {
    return new FieldContext(table, fieldPath, type, mode, description, newTableDescription, siblingFieldNames);
  }

  /** The same field with sibling field names. */
  public FieldContext withSiblings(List<String> siblings) {
    return new FieldContext(table, fieldPath, type, mode, description, tableDescription, siblings);
  }

  /** The last segment of the table id ({@code users} for {@code p.crm.users}). */
  public String tableName() {
    int dot = table.lastIndexOf('.');
    return dot < 0 ? table : table.substring(dot + 1);
  }

  /** The dataset segment of the table id, or empty when the id has no dataset. */
  public String datasetName() {
    String[] parts = table.split("\\.");
    return parts.length >= 2 ? parts[parts.length - 2] : "";
  }

  /** The last segment of the field path ({@code street} for {@code address.street}). */
  public String leafName() {
    int dot = fieldPath.lastIndexOf('.');
    return dot < 0 ? fieldPath : fieldPath.substring(dot + 1);
  }
}
