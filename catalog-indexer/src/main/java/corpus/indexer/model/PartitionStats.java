package corpus.indexer.model;

import java.time.Instant;

/**
 * Statistics of one partition of a partitioned table, as BigQuery's {@code
 * INFORMATION_SCHEMA.PARTITIONS} reports them; metadata-only cost estimates prune with these real
 * sizes instead of assuming rows spread evenly over the partitions.
 *
 * @param partitionId {@code 20261121} (day), {@code 2026112105} (hour), {@code 202611} (month),
 *     {@code 2026} (year), the start of an integer range, or {@code __NULL__}, {@code
 *     __UNPARTITIONED__}
 * @param totalRows rows in the partition, or null when unknown
 * @param totalLogicalBytes logical (uncompressed) bytes in the partition, or null when unknown
 * @param lastModifiedTime when data was last written to the partition, or null
 */
public record PartitionStats(String partitionId, Long totalRows, Long totalLogicalBytes, Instant lastModifiedTime) {}
