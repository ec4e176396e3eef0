package corpus.gdpr.review;

/**
 * Identifies a field under review: table id {@code project.dataset.table} and dotted path.
 *
 * @param table table id
 * @param field dotted field path
 */
public record FieldKey(String table, String field) {

  public FieldKey {
    if (table == null || table.isBlank() || field == null || field.isBlank()) {
      throw new IllegalArgumentException("table and field are required");
    }
  }

  public static FieldKey of(String table, String field) {
    return new FieldKey(table, field);
  }

  @Override
  public String toString() {
    return table + ":" + field;
  }
}
