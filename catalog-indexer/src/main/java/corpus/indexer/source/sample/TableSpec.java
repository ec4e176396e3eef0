package corpus.indexer.source.sample;

import corpus.indexer.model.TableId;
import corpus.indexer.model.TableKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One table or view of the sample with its BigQuery metadata, columns and how it is filled.
 *
 * <p>{@code loadSql} is a DuckDB SELECT whose columns are inserted by name into the table;
 * {@code viewDuckDb} and {@code viewBigQuery} are the view's body in each dialect. {@code
 * popularity} weighs how often analysts query the table in the simulated query history (0 =
 * never); {@code sources} are the tables its scheduled pipeline reads, {@code pipeline} the
 * pipeline file under {@code pipelines/} and {@code statementType} what that pipeline runs.
 */
public record TableSpec(
    String project,
    String dataset,
    String name,
    TableKind kind,
    String friendlyName,
    String description,
    Map<String, String> labels,
    String partitionType,
    String partitionField,
    Long partitionExpirationMs,
    boolean requirePartitionFilter,
    List<String> clustering,
    Instant expirationTime,
    Instant creationTime,
    Instant lastModifiedTime,
    List<ColumnSpec> columns,
    String loadSql,
    String viewDuckDb,
    String viewBigQuery,
    int popularity,
    List<String> sources,
    String pipeline,
    String statementType) {

  public TableSpec {
    labels = Map.copyOf(labels);
    clustering = List.copyOf(clustering);
    columns = List.copyOf(columns);
    sources = List.copyOf(sources);
  }

  public TableId id() {
    return new TableId(project, dataset, name);
  }

  /** {@code dataset.table}, the DuckDB name of this table. */
  public String duckDbName() {
    return dataset + "." + name;
  }

  /** Top-level columns with their DuckDB types (tables only; views get theirs from DuckDB). */
  public List<ColumnSpec> typedColumns() {
    return columns.stream().filter(c -> c.duckDbType() != null).toList();
  }
}
