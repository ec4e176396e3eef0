package corpus.indexer.source.bigquery;

import com.google.cloud.bigquery.Clustering;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.ExternalTableDefinition;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.MaterializedViewDefinition;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.SnapshotTableDefinition;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.ViewDefinition;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Field;
import corpus.indexer.model.RangePartitioning;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableKind;
import corpus.indexer.model.TimePartitioning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the BigQuery client's {@code TableInfo} and {@code DatasetInfo} to the catalog model:
 * kind, nested schema with descriptions and policy tags, partitioning, clustering, sizes, view SQL.
 * Works on full {@code tables.get} resources and on the partial ones {@code tables.list} returns.
 */
final class TableMapper {

  private TableMapper() {}

  static Dataset dataset(DatasetInfo info) {
    return new Dataset(info.getDatasetId().getProject(), info.getDatasetId().getDataset(),
        info.getLocation(), info.getDescription(), info.getLabels(),
        info.getDefaultTableLifetime(), info.getDefaultPartitionExpirationMs());
  }

  static TableId id(com.google.cloud.bigquery.TableId id) {
    return new TableId(id.getProject(), id.getDataset(), id.getTable());
  }

  /** The catalog table; {@code datasetLocation} is used when the resource carries no location. */
  static Table table(TableInfo info, String datasetLocation) {
    TableDefinition def = info.getDefinition();
    Table.Builder b = Table.builder(id(info.getTableId()))
        .friendlyName(info.getFriendlyName())
        .description(info.getDescription())
        .labels(info.getLabels())
        .numBytes(info.getNumBytes())
        .numRows(info.getNumRows() == null ? null : info.getNumRows().longValue())
        .location(datasetLocation)
        .expirationTime(instant(info.getExpirationTime()))
        .creationTime(instant(info.getCreationTime()))
        .lastModifiedTime(instant(info.getLastModifiedTime()));
    if (def == null) {
      return b.build();
    }
    b.kind(def.getType() == null ? TableKind.TABLE : TableKind.fromBigQuery(def.getType().name()));
    b.schema(schema(def.getSchema()));
    boolean requireFilter = Boolean.TRUE.equals(info.getRequirePartitionFilter());
    switch (def) {
      case StandardTableDefinition std -> {
        b.timePartitioning(time(std.getTimePartitioning(), requireFilter));
        b.rangePartitioning(range(std.getRangePartitioning()));
        b.clustering(clustering(std.getClustering()));
        if (std.getNumRows() != null) {
          b.numRows(std.getNumRows());
        }
        if (std.getNumBytes() != null) {
          b.numBytes(std.getNumBytes());
        }
        if (std.getLocation() != null) {
          b.location(std.getLocation());
        }
      }
      case MaterializedViewDefinition mv -> {
        b.viewQuery(mv.getQuery());
        b.timePartitioning(time(mv.getTimePartitioning(), requireFilter));
        b.rangePartitioning(range(mv.getRangePartitioning()));
        b.clustering(clustering(mv.getClustering()));
      }
      case ViewDefinition view -> b.viewQuery(view.getQuery());
      case SnapshotTableDefinition snap -> {
        b.timePartitioning(time(snap.getTimePartitioning(), requireFilter));
        b.rangePartitioning(range(snap.getRangePartitioning()));
        b.clustering(clustering(snap.getClustering()));
      }
      case ExternalTableDefinition ext -> b.kind(TableKind.EXTERNAL);
      default -> { }
    }
    return b.build();
  }

  static List<Field> schema(Schema schema) {
    return schema == null ? List.of() : fields(schema.getFields());
  }

  private static List<Field> fields(FieldList list) {
    List<Field> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    for (com.google.cloud.bigquery.Field f : list) {
      List<String> tags = f.getPolicyTags() == null || f.getPolicyTags().getNames() == null
          ? List.of() : f.getPolicyTags().getNames();
      out.add(new Field(f.getName(), f.getType() == null ? null : f.getType().name(),
          f.getMode() == null ? null : f.getMode().name(), f.getDescription(), tags,
          fields(f.getSubFields())));
    }
    return out;
  }

  private static TimePartitioning time(com.google.cloud.bigquery.TimePartitioning tp, boolean requireFilter) {
    if (tp == null) {
      return null;
    }
    return new TimePartitioning(tp.getType() == null ? "DAY" : tp.getType().name(), tp.getField(),
        tp.getExpirationMs(), requireFilter || Boolean.TRUE.equals(tp.getRequirePartitionFilter()));
  }

  private static RangePartitioning range(com.google.cloud.bigquery.RangePartitioning rp) {
    if (rp == null || rp.getRange() == null) {
      return null;
    }
    var r = rp.getRange();
    return new RangePartitioning(rp.getField(), nz(r.getStart()), nz(r.getEnd()),
        r.getInterval() == null ? 1 : r.getInterval());
  }

  private static List<String> clustering(Clustering c) {
    return c == null || c.getFields() == null ? List.of() : c.getFields();
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
