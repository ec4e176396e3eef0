package corpus.indexer.scd;

/**
 * The columns of an SCD type 2 table that carry its history: {@code validFrom} (inclusive) and
 * {@code validTo} (exclusive; a far-future date, or NULL, for the open version), and when present
 * {@code isCurrent} and {@code isDeleted}; {@code timeType} is the BigQuery type of the validity
 * columns (DATE, DATETIME or TIMESTAMP).
 */
public record ScdColumns(String validFrom, String validTo, String isCurrent, String isDeleted, String timeType) {

  /** True when the table has an {@code is_current} flag. */
  public boolean hasCurrentFlag() {
    return isCurrent != null;
  }

  /** True when the table has an {@code is_deleted} flag. */
  public boolean hasDeletedFlag() {
    return isDeleted != null;
  }

  /** True when the validity columns are dates rather than points in time. */
  public boolean isDate() {
    return "DATE".equals(timeType);
  }
}
