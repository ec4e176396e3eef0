package corpus.gdpr.propagate;

/**
 * A column of a table: table id {@code project.dataset.table} and dotted field path.
 *
 * @param table table id
 * @param field dotted field path
 */
public record ColumnRef(String table, String field) implements Comparable<ColumnRef> {

  public ColumnRef {
    if (table == null || field == null || field.isBlank()) {
      throw new IllegalArgumentException("table and field are required");
    }
  }

  public static ColumnRef of(String table, String field) {
    return new ColumnRef(table, field);
  }

  @Override
  public int compareTo(ColumnRef o) {
    int c = table.compareTo(o.table);
    return c != 0 ? c : field.compareTo(o.field);
  }

  @Override
  public String toString() {
    return table + ":" + field;
  }
}
