package corpus.indexer.warehouse;

import java.util.List;

/**
 * The cost of a query by BigQuery's on-demand rules, with the per-table breakdown.
 *
 * @param bytesProcessed bytes the query processes: the referenced columns in the scanned partitions
 * @param bytesBilled bytes billed: rounded up to MiB, at least 10 MiB per table and per query
 * @param costUsd the price of {@code bytesBilled}
 * @param tables one entry per table read (views are replaced by the tables they read)
 * @param warnings what was assumed or could not be computed
 * @param exact whether every figure comes from the data (false when any table was estimated from metadata)
 * @param dryRunBytes BigQuery's dry-run figure when connected to BigQuery, else null
 */
public record CostEstimate(
    long bytesProcessed, long bytesBilled, double costUsd, List<TableCost> tables, List<String> warnings,
    boolean exact, Long dryRunBytes) {

  public CostEstimate {
    tables = List.copyOf(tables);
    warnings = List.copyOf(warnings);
  }

  /** The table entry for {@code tableId}, or null. */
  public TableCost table(String tableId) {
    return tables.stream().filter(t -> t.table().equalsIgnoreCase(tableId)).findFirst().orElse(null);
  }
}
