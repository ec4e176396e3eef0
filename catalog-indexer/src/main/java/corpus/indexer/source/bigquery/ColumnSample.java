package corpus.indexer.source.bigquery;

import java.util.List;

/**
 * Sampled values of one column for the GDPR detectors. Held in memory only: never logged, never
 * written to the index or the database.
 *
 * @param fieldPath dotted path such as {@code contact.email}
 * @param values non-null values rendered as strings; values under repeated fields are flattened
 */
public record ColumnSample(String fieldPath, List<String> values) {

  public ColumnSample {
    values = List.copyOf(values);
  }

  /** Keeps the values out of logs and exception messages. */
  @Override
  public String toString() {
    return "ColumnSample[" + fieldPath + ", " + values.size() + " values]";
  }
}
