package corpus.indexer.source.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a metadata query ({@code jobs.query}, then {@code jobs.getQueryResults} page by page) and hands each
 * row to a consumer as it arrives, so a region's 100,000 column rows are never all held at once. The query
 * and every page are retried on their own by the {@link Retrier}.
 */
final class QueryRows {

  private final BigQuery bigquery;
  private final Retrier retrier;
  private final long pageSize;

  QueryRows(BigQuery bigquery, Retrier retrier, long pageSize) {
    this.bigquery = bigquery;
    this.retrier = retrier;
    this.pageSize = pageSize;
  }

  /** Runs {@code sql} with named parameters; {@code what} completes "while …" in failure messages. */
  void forEach(String sql, Map<String, QueryParameterValue> parameters, String what, Consumer<FieldValueList> rows)
      throws InterruptedException {
    QueryJobConfiguration.Builder config = QueryJobConfiguration.newBuilder(sql)
        .setUseLegacySql(false)
        .setMaxResults(pageSize);
    parameters.forEach(config::addNamedParameter);
    QueryJobConfiguration built = config.build();
    TableResult page = retrier.call(what, () -> bigquery.query(built));
    while (page != null) {
      for (FieldValueList row : page.getValues()) {
        rows.accept(row);
      }
      TableResult current = page;
      page = current.hasNextPage() ? retrier.call(what, current::getNextPage) : null;
    }
  }

  static String string(FieldValueList row, String column) {
    FieldValue v = row.get(column);
    return v == null || v.isNull() ? null : v.getStringValue();
  }

  static Long number(FieldValueList row, String column) {
    FieldValue v = row.get(column);
    return v == null || v.isNull() ? null : v.getLongValue();
  }

  static Instant instant(FieldValueList row, String column) {
    FieldValue v = row.get(column);
    return v == null || v.isNull() ? null : v.getTimestampInstant();
  }

  static List<String> strings(FieldValueList row, String column) {
    FieldValue v = row.get(column);
    if (v == null || v.isNull()) {
      return List.of();
    }
    return v.getRepeatedValue().stream().filter(x -> !x.isNull()).map(FieldValue::getStringValue).toList();
  }
}
