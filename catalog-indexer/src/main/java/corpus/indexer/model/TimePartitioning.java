package corpus.indexer.model;

/**
 * Time partitioning of a table: {@code type} is DAY, HOUR, MONTH or YEAR; {@code field} is the
 * partitioning column, or null for ingestion-time partitioning ({@code _PARTITIONTIME}).
 */
public record TimePartitioning(
    String type, String field, Long expirationMs, boolean requirePartitionFilter) {

  /** The column queries must filter on to prune partitions. */
  public String filterColumn() {
    return field == null ? "_PARTITIONTIME" : field;
  }
}
