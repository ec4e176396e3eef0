package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.AcmeProject.PROJECT;
import static corpus.indexer.source.bigquery.FakeResources.JSON;
import static corpus.indexer.source.bigquery.FakeResources.field;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Answers of the fake server to the two job-history queries of {@link JobHistoryReader}, with the
 * result columns those queries select (the aggregation itself is BigQuery's, not the fake's).
 */
final class JobHistoryStubs {

  private JobHistoryStubs() {}

  /** Rows of (project_id, dataset_id, table_id, query_count, distinct_users, last_queried). */
  static void usage(FakeBigQueryServer server, List<List<?>> rows) {
    server.onQuery("distinct_users").returns(schema(
        "project_id", "STRING", "dataset_id", "STRING", "table_id", "STRING", "query_count", "INTEGER",
        "distinct_users", "INTEGER", "last_queried", "TIMESTAMP"), rows);
  }

  /** Rows made with {@link #edge}. */
  static void edges(FakeBigQueryServer server, List<List<?>> rows) {
    server.onQuery("recent_job_ids").returns(schema(
        "src_project", "STRING", "src_dataset", "STRING", "src_table", "STRING",
        "dst_project", "STRING", "dst_dataset", "STRING", "dst_table", "STRING",
        "job_count", "INTEGER", "user_count", "INTEGER", "bytes_processed", "INTEGER",
        "last_seen", "TIMESTAMP", "recent_job_ids", "STRING", "statement_type", "STRING"), rows);
  }

  /** An edge row between two {@code dataset.table}s of the Acme project. */
  static List<?> edge(String source, String destination, long jobs, long users, long bytes, Instant lastSeen,
      String recentJobIds, String statementType) {
    String[] s = source.split("\\.");
    String[] d = destination.split("\\.");
    return Arrays.asList(PROJECT, s[0], s[1], PROJECT, d[0], d[1], jobs, users, bytes, lastSeen, recentJobIds,
        statementType);
  }

  private static ArrayNode schema(String... nameType) {
    ArrayNode arr = JSON.createArrayNode();
    for (int i = 0; i < nameType.length; i += 2) {
      arr.add(field(nameType[i], nameType[i + 1], "NULLABLE", null));
    }
    return arr;
  }
}
