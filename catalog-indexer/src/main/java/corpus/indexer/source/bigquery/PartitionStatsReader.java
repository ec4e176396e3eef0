package corpus.indexer.source.bigquery;

import com.google.cloud.bigquery.QueryParameterValue;
import corpus.indexer.model.PartitionStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads per-partition statistics of a dataset's partitioned tables from {@code
 * `project`.`dataset`.INFORMATION_SCHEMA.PARTITIONS}. That view exists only at dataset level and BigQuery
 * refuses a query over it that touches more than 1,000 tables, so the tables are named in chunks of 1,000.
 * The two rows BigQuery may return for {@code __UNPARTITIONED__} (active and long-term storage) are merged.
 */
final class PartitionStatsReader {

  static final int TABLES_PER_QUERY = 1000;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,1024}");

  private final QueryRows rows;

  PartitionStatsReader(QueryRows rows) {
    this.rows = rows;
  }

  /** Statistics by table name for the given tables of {@code project.dataset}; throws {@link BigQueryFailure}. */
  Map<String, List<PartitionStats>> read(String project, String dataset, List<String> tables)
      throws InterruptedException {
    Map<String, Map<String, PartitionStats>> byTable = new HashMap<>();
    String sql = sql(project, dataset);
    for (int i = 0; i < tables.size(); i += TABLES_PER_QUERY) {
      List<String> chunk = tables.subList(i, Math.min(tables.size(), i + TABLES_PER_QUERY));
      rows.forEach(sql, Map.of("tables", QueryParameterValue.array(chunk.toArray(String[]::new), String.class)),
          "reading partition statistics of dataset " + project + "." + dataset, row -> {
            PartitionStats s = new PartitionStats(QueryRows.string(row, "partition_id"),
                QueryRows.number(row, "total_rows"), QueryRows.number(row, "total_logical_bytes"),
                QueryRows.instant(row, "last_modified_time"));
            byTable.computeIfAbsent(QueryRows.string(row, "table_name"), k -> new LinkedHashMap<>())
                .merge(s.partitionId(), s, PartitionStatsReader::merge);
          });
    }
    Map<String, List<PartitionStats>> out = new HashMap<>();
    byTable.forEach((table, stats) -> {
      List<PartitionStats> sorted = new ArrayList<>(stats.values());
      sorted.sort(java.util.Comparator.comparing(PartitionStats::partitionId));
      out.put(table, List.copyOf(sorted));
    });
    return out;
  }

  static String sql(String project, String dataset) {
    if (!NAME.matcher(dataset).matches()) {
      throw new IllegalArgumentException("not a dataset name: " + dataset);
    }
    return """
        SELECT table_name, partition_id, total_rows, total_logical_bytes, last_modified_time
        FROM `%s`.`%s`.INFORMATION_SCHEMA.PARTITIONS
        WHERE table_name IN UNNEST(@tables) AND partition_id IS NOT NULL
        """.formatted(InformationSchemaCrawler.project(project), dataset);
  }

  private static PartitionStats merge(PartitionStats a, PartitionStats b) {
    return new PartitionStats(a.partitionId(), sum(a.totalRows(), b.totalRows()),
        sum(a.totalLogicalBytes(), b.totalLogicalBytes()),
        a.lastModifiedTime() == null || (b.lastModifiedTime() != null && b.lastModifiedTime().isAfter(a.lastModifiedTime()))
            ? b.lastModifiedTime() : a.lastModifiedTime());
  }

  private static Long sum(Long a, Long b) {
    return a == null ? b : b == null ? a : a + b;
  }
}
