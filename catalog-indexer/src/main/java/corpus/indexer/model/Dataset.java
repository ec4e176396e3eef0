package corpus.indexer.model;

import java.util.Map;

/** A BigQuery dataset: where its data lives, what it is for, and its default expirations. */
public record Dataset(
    String project,
    String dataset,
    String location,
    String description,
    Map<String, String> labels,
    Long defaultTableExpirationMs,
    Long defaultPartitionExpirationMs) {

  public Dataset {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** {@code project.dataset}. */
  public String id() {
    return project + "." + dataset;
  }
}
