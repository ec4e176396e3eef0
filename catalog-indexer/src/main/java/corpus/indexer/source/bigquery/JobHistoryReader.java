package corpus.indexer.source.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableResult;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads usage and observed lineage from a region's {@code INFORMATION_SCHEMA.JOBS} view: per table,
 * how many successful query jobs referenced it, by how many distinct users and when last; and per
 * (source, destination) pair, the jobs that wrote one from the other.
 *
 * <p>Aggregation happens in BigQuery, so only one row per table or edge comes back; user e-mail
 * addresses are counted there and never leave the warehouse. Needs {@code
 * bigquery.jobs.listAll} on the project (role BigQuery Resource Viewer or Admin).
 */
public final class JobHistoryReader {

  private static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9.:-]{0,62}[a-z0-9]", Pattern.CASE_INSENSITIVE);
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{2,40}");

  private static final String WINDOW = """
      WHERE j.creation_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL @window_hours HOUR)
        AND j.job_type = 'QUERY' AND j.state = 'DONE' AND j.error_result IS NULL
        AND NOT STARTS_WITH(ref.dataset_id, '_')
      """;

  private final BigQuery bigquery;
  private final Retrier retrier;

  JobHistoryReader(BigQuery bigquery, Retrier retrier) {
    this.bigquery = bigquery;
    this.retrier = retrier;
  }

  /** A reader with the connection's retry policy. */
  public static JobHistoryReader of(BigQuery bigquery, BigQueryConnection connection) {
    return new JobHistoryReader(bigquery, Retrier.of(connection));
  }

  /**
   * Reads the job history of {@code project} in {@code location} (a dataset location such as
   * {@code EU} or {@code europe-west1}) over the last {@code window}. Throws {@link
   * BigQueryFailure} when the view cannot be read.
   */
  public JobHistory read(String project, String location, Duration window) throws InterruptedException {
    String view = jobsView(project, location);
    long hours = Math.max(1, window.toHours());
    List<TableUsage> usage = new ArrayList<>();
    for (FieldValueList row : query(usageSql(view), hours, "reading usage from " + view)) {
      usage.add(new TableUsage(
          new TableId(row.get("project_id").getStringValue(), row.get("dataset_id").getStringValue(),
              row.get("table_id").getStringValue()),
          row.get("query_count").getLongValue(), row.get("distinct_users").getLongValue(),
          instant(row.get("last_queried"))));
    }
    List<ObservedEdge> edges = new ArrayList<>();
    for (FieldValueList row : query(edgesSql(view), hours, "reading lineage from " + view)) {
      edges.add(new ObservedEdge(
          new TableId(row.get("src_project").getStringValue(), row.get("src_dataset").getStringValue(),
              row.get("src_table").getStringValue()),
          new TableId(row.get("dst_project").getStringValue(), row.get("dst_dataset").getStringValue(),
              row.get("dst_table").getStringValue()),
          jobIds(row.get("recent_job_ids")), row.get("job_count").getLongValue(),
          row.get("user_count").getLongValue(),
          row.get("bytes_processed").isNull() ? 0 : row.get("bytes_processed").getLongValue(),
          instant(row.get("last_seen")),
          row.get("statement_type").isNull() ? null : row.get("statement_type").getStringValue()));
    }
    return new JobHistory(usage, edges);
  }

  /** {@code `project`.`region-eu`.INFORMATION_SCHEMA.JOBS}, validated so nothing can be injected. */
  static String jobsView(String project, String location) {
    String region = location == null ? "us" : location.strip().toLowerCase(Locale.ROOT);
    if (!PROJECT.matcher(project).matches() || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("not a project and location: " + project + ", " + location);
    }
    return "`" + project + "`.`region-" + region + "`.INFORMATION_SCHEMA.JOBS";
  }

  static String usageSql(String view) {
    return """
        SELECT ref.project_id AS project_id, ref.dataset_id AS dataset_id, ref.table_id AS table_id,
          COUNT(DISTINCT j.job_id) AS query_count,
          COUNT(DISTINCT j.user_email) AS distinct_users,
          MAX(j.creation_time) AS last_queried
        FROM %s AS j, UNNEST(j.referenced_tables) AS ref
        %sGROUP BY 1, 2, 3
        """.formatted(view, WINDOW);
  }

  static String edgesSql(String view) {
    return """
        SELECT ref.project_id AS src_project, ref.dataset_id AS src_dataset, ref.table_id AS src_table,
          j.destination_table.project_id AS dst_project, j.destination_table.dataset_id AS dst_dataset,
          j.destination_table.table_id AS dst_table,
          COUNT(DISTINCT j.job_id) AS job_count, COUNT(DISTINCT j.user_email) AS user_count,
          SUM(j.total_bytes_processed) AS bytes_processed, MAX(j.creation_time) AS last_seen,
          ARRAY_TO_STRING(ARRAY_AGG(j.job_id ORDER BY j.creation_time DESC LIMIT 3), ',') AS recent_job_ids,
          ARRAY_AGG(j.statement_type ORDER BY j.creation_time DESC LIMIT 1)[OFFSET(0)] AS statement_type
        FROM %s AS j, UNNEST(j.referenced_tables) AS ref
        %s  AND j.destination_table.table_id IS NOT NULL
          AND NOT STARTS_WITH(j.destination_table.dataset_id, '_')
        GROUP BY 1, 2, 3, 4, 5, 6
        """.formatted(view, WINDOW);
  }

  private Iterable<FieldValueList> query(String sql, long hours, String what) throws InterruptedException {
    QueryJobConfiguration config = QueryJobConfiguration.newBuilder(sql)
        .setUseLegacySql(false)
        .addNamedParameter("window_hours", QueryParameterValue.int64(hours))
        .build();
    TableResult result = retrier.call(what, () -> bigquery.query(config));
    List<FieldValueList> rows = new ArrayList<>();
    retrier.call(what, () -> {
      rows.clear();
      result.iterateAll().forEach(rows::add);
      return null;
    });
    return rows;
  }

  private static List<String> jobIds(FieldValue v) {
    if (v == null || v.isNull() || v.getStringValue().isBlank()) {
      return List.of();
    }
    return List.of(v.getStringValue().split(","));
  }

  private static Instant instant(FieldValue v) {
    return v == null || v.isNull() ? null : v.getTimestampInstant();
  }
}
