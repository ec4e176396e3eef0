package corpus.indexer.scd;

import java.util.List;

/**
 * Rows a warehouse query returned, values as display strings (null for SQL NULL), with what the
 * query processed when the warehouse says so ({@code -1} when unknown).
 */
public record QueryResult(List<String> columns, List<List<String>> rows, long bytesProcessed) {

  public QueryResult {
    columns = List.copyOf(columns);
    rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
  }

  /** The position of a column by name, ignoring case; -1 when absent. */
  public int column(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
