package corpus.indexer.source.sample;

import java.util.List;
import java.util.Map;

/**
 * One dataset of the sample: its BigQuery project, location, labels, default expirations and
 * tables. The DuckDB schema has the dataset's name, so names are unique across projects.
 */
public record DatasetSpec(
    String name,
    String project,
    String location,
    String description,
    Map<String, String> labels,
    Long defaultTableExpirationMs,
    Long defaultPartitionExpirationMs,
    List<TableSpec> tables) {

  public DatasetSpec {
    labels = Map.copyOf(labels);
    tables = List.copyOf(tables);
  }
}
