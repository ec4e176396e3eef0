package corpus.indexer.warehouse;

import java.util.List;

/**
 * The rows of a query or preview with typed values: {@code Long}, {@code Double}, {@code BigDecimal},
 * {@code Boolean}, {@code String}, {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime} (UTC),
 * {@code byte[]}, {@code List} for arrays and {@code Map<String, Object>} (ordered) for records; null for NULL.
 * Values may be personal data: never log them.
 *
 * @param columns result columns in order
 * @param rows the rows kept (at most the requested maximum)
 * @param totalRows rows the query produced
 * @param bytesProcessed bytes processed by BigQuery's rules (0 for a preview)
 * @param bytesBilled bytes billed (0 for a preview)
 * @param tookMs wall time of the run
 */
public record QueryResult(
    List<Column> columns, List<List<Object>> rows, long totalRows, long bytesProcessed, long bytesBilled,
    long tookMs) {

  public QueryResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** A result column: its name and BigQuery type ({@code INT64}, {@code STRUCT<…>}, {@code ARRAY<…>}). */
  public record Column(String name, String type) {}

  /** Whether rows were dropped to respect the maximum. */
  public boolean truncated() {
    return totalRows > rows.size();
  }
}
