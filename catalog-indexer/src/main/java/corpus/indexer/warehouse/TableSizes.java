package corpus.indexer.warehouse;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The data size of a table by BigQuery's rules, per partition and per column path (top-level columns and every
 * nested field, dotted: {@code source}, {@code source.type}, {@code actions_received.metric_name}).
 *
 * @param table {@code project.dataset.table}
 * @param partitions one entry per partition; a single entry with a null id for an unpartitioned table
 * @param exact whether the sizes were computed from the data (true) or estimated from metadata (false)
 */
public record TableSizes(String table, List<Partition> partitions, boolean exact) {

  public TableSizes {
    partitions = List.copyOf(partitions);
  }

  /**
   * One partition.
   *
   * @param id BigQuery's partition id ({@code 20240301}, {@code 202403}, {@code __NULL__}), null when unpartitioned
   * @param start first instant the partition holds (UTC), null for {@code __NULL__} or unpartitioned
   * @param end first instant after the partition, null like {@code start}
   * @param rows rows in the partition
   * @param bytes data size per column path
   */
  public record Partition(String id, LocalDateTime start, LocalDateTime end, long rows, Map<String, Long> bytes) {
    public Partition {
      bytes = Map.copyOf(bytes);
    }

    /** Bytes of a column path (case-insensitive), 0 when unknown (pseudo-columns cost nothing). */
    public long bytesOf(String path) {
      Long b = bytes.get(path);
      if (b != null) {
        return b;
      }
      for (Map.Entry<String, Long> e : bytes.entrySet()) {
        if (e.getKey().equalsIgnoreCase(path)) {
          return e.getValue();
        }
      }
      return 0;
    }
  }

  public boolean partitioned() {
    return partitions.size() != 1 || partitions.getFirst().id() != null;
  }

  /** Sum of the bytes of the given top-level or nested column paths over the given partitions. */
  public static long bytes(List<Partition> partitions, Iterable<String> paths) {
    long total = 0;
    for (Partition p : partitions) {
      for (String path : paths) {
        total += p.bytesOf(path);
      }
    }
    return total;
  }
}
