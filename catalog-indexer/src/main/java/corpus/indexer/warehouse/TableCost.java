package corpus.indexer.warehouse;

import java.util.List;

/**
 * What one table contributes to a query's cost.
 *
 * @param table {@code project.dataset.table}
 * @param columns the column paths read
 * @param partitionsScanned partitions read (1 for an unpartitioned table)
 * @param partitionsTotal partitions the table has (1 for an unpartitioned table)
 * @param bytes bytes processed for this table by BigQuery's data-size rules
 * @param exact whether computed from the data (false: estimated from metadata)
 * @param location the dataset location ({@code EU}, {@code US}, …), null when unknown
 * @param references how many times the query names the table
 */
public record TableCost(
    String table, List<String> columns, int partitionsScanned, int partitionsTotal, long bytes, boolean exact,
    String location, int references) {

  public TableCost {
    columns = List.copyOf(columns);
  }
}
