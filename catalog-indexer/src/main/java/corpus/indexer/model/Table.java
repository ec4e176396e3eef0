package corpus.indexer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A table or view as the catalog knows it: the metadata of a BigQuery Table resource.
 *
 * <p>Build one with {@link #builder(TableId)}; every field but the id is optional. {@code
 * partitions} holds per-partition statistics when the source knows them (BigQuery's {@code
 * INFORMATION_SCHEMA.PARTITIONS}), else it is empty.
 */
public record Table(
    TableId id,
    TableKind kind,
    String friendlyName,
    String description,
    Map<String, String> labels,
    List<Field> schema,
    TimePartitioning timePartitioning,
    RangePartitioning rangePartitioning,
    List<String> clustering,
    Long numRows,
    Long numBytes,
    String location,
    Instant expirationTime,
    Instant creationTime,
    Instant lastModifiedTime,
    String viewQuery,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PartitionStats> partitions) {

  public Table {
    partitions = partitions == null ? List.of() : List.copyOf(partitions);
    kind = kind == null ? TableKind.TABLE : kind;
    description = description == null || description.isBlank() ? null : description;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    schema = schema == null ? List.of() : List.copyOf(schema);
    clustering = clustering == null ? List.of() : List.copyOf(clustering);
  }

  public static Builder builder(TableId id) {
    return new Builder(id);
  }

  public Builder toBuilder() {
    return new Builder(id)
        .kind(kind)
        .friendlyName(friendlyName)
        .description(description)
        .labels(labels)
        .schema(schema)
        .timePartitioning(timePartitioning)
        .rangePartitioning(rangePartitioning)
        .clustering(clustering)
        .numRows(numRows)
        .numBytes(numBytes)
        .location(location)
        .expirationTime(expirationTime)
        .creationTime(creationTime)
        .lastModifiedTime(lastModifiedTime)
        .viewQuery(viewQuery)
        .partitions(partitions);
  }

  /** All fields with their dotted paths, parents before children. */
  public List<Field.Flat> flatFields() {
    return Field.flatten(schema);
  }

  public boolean isPartitioned() {
    return timePartitioning != null || rangePartitioning != null;
  }

  /** Mutable builder for {@link Table}. */
  public static final class Builder {
    private final TableId id;
    private TableKind kind = TableKind.TABLE;
    private String friendlyName;
    private String description;
    private Map<String, String> labels = Map.of();
    private List<Field> schema = List.of();
    private TimePartitioning timePartitioning;
    private RangePartitioning rangePartitioning;
    private List<String> clustering = List.of();
    private Long numRows;
    private Long numBytes;
    private String location;
    private Instant expirationTime;
    private Instant creationTime;
    private Instant lastModifiedTime;
    private String viewQuery;
    private List<PartitionStats> partitions = List.of();

    private Builder(TableId id) {
      this.id = id;
    }

    public Builder kind(TableKind v) { kind = v; return this; }
    public Builder friendlyName(String v) { friendlyName = v; return this; }
    public Builder description(String v) { description = v; return this; }
    public Builder labels(Map<String, String> v) { labels = v; return this; }
    public Builder schema(List<Field> v) { schema = v; return this; }
    public Builder timePartitioning(TimePartitioning v) { timePartitioning = v; return this; }
    public Builder rangePartitioning(RangePartitioning v) { rangePartitioning = v; return this; }
    public Builder clustering(List<String> v) { clustering = v; return this; }
    public Builder numRows(Long v) { numRows = v; return this; }
    public Builder numBytes(Long v) { numBytes = v; return this; }
    public Builder location(String v) { location = v; return this; }
    public Builder expirationTime(Instant v) { expirationTime = v; return this; }
    public Builder creationTime(Instant v) { creationTime = v; return this; }
    public Builder lastModifiedTime(Instant v) { lastModifiedTime = v; return this; }
    public Builder viewQuery(String v) { viewQuery = v; return this; }
    public Builder partitions(List<PartitionStats> v) { partitions = v; return this; }

    public Table build() {
      return new Table(id, kind, friendlyName, description, labels, schema, timePartitioning,
          rangePartitioning, clustering, numRows, numBytes, location, expirationTime,
          creationTime, lastModifiedTime, viewQuery, partitions);
    }
  }
}
