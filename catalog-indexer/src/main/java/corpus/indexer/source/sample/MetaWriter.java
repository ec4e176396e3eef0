package corpus.indexer.source.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the BigQuery metadata DuckDB cannot hold into the {@code _corpus_meta} schema of the
 * warehouse: datasets (location, labels, default expirations), tables (kind, labels,
 * partitioning, clustering, expiration, timestamps, view SQL), column descriptions by dotted
 * path, and the simulated job history. {@code DuckDbSource} overlays it on what it crawls.
 */
final class MetaWriter {

  static final String SCHEMA = "_corpus_meta";
  private static final ObjectMapper JSON = new ObjectMapper();

  private MetaWriter() {}

  static void write(Connection connection, SampleSpec spec, List<QueryHistory.Job> jobs) throws SQLException {
    StagingWriter meta = new StagingWriter(connection, SCHEMA);
    try (StagingWriter.Table t = meta.open("datasets", """
        project VARCHAR, dataset VARCHAR, location VARCHAR, description VARCHAR, labels_json VARCHAR,
        default_table_expiration_ms BIGINT, default_partition_expiration_ms BIGINT""")) {
      for (DatasetSpec d : spec.datasets()) {
        t.row(d.project(), d.name(), d.location(), d.description(), json(d.labels()),
            d.defaultTableExpirationMs(), d.defaultPartitionExpirationMs());
      }
    }
    try (StagingWriter.Table t = meta.open("tables", """
        project VARCHAR, dataset VARCHAR, table_name VARCHAR, kind VARCHAR, friendly_name VARCHAR,
        description VARCHAR, labels_json VARCHAR, partition_type VARCHAR, partition_field VARCHAR,
        partition_expiration_ms BIGINT, require_partition_filter BOOLEAN, clustering VARCHAR,
        expiration_time TIMESTAMPTZ, creation_time TIMESTAMPTZ, last_modified_time TIMESTAMPTZ,
        view_query VARCHAR""")) {
      for (TableSpec s : spec.tables()) {
        t.row(s.project(), s.dataset(), s.name(), s.kind().name(), s.friendlyName(), s.description(),
            json(s.labels()), s.partitionType(), s.partitionField(), s.partitionExpirationMs(),
            s.requirePartitionFilter(), s.clustering().isEmpty() ? null : String.join(",", s.clustering()),
            utc(s.expirationTime()), utc(s.creationTime()), utc(s.lastModifiedTime()), s.viewBigQuery());
      }
    }
    try (StagingWriter.Table t = meta.open("columns", """
        project VARCHAR, dataset VARCHAR, table_name VARCHAR, field_path VARCHAR, description VARCHAR""")) {
      for (TableSpec s : spec.tables()) {
        for (ColumnSpec c : s.columns()) {
          if (c.description() != null) {
            t.row(s.project(), s.dataset(), s.name(), c.path(), c.description());
          }
        }
      }
    }
    try (StagingWriter.Table t = meta.open("jobs", """
        job_id VARCHAR, user_email VARCHAR, creation_time TIMESTAMPTZ, statement_type VARCHAR,
        query VARCHAR, referenced_tables VARCHAR, destination_table VARCHAR,
        total_bytes_processed BIGINT, total_bytes_billed BIGINT""")) {
      for (QueryHistory.Job j : jobs) {
        t.row(j.jobId(), j.userEmail(), utc(j.creationTime()), j.statementType(), j.query(),
            String.join(",", j.referencedTables()), j.destinationTable(), j.bytesProcessed(), j.bytesBilled());
      }
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** Labels as a JSON object with sorted keys, so the same labels always give the same text. */
  static String json(Map<String, String> labels) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(labels));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
