package corpus.indexer.scd;

import corpus.indexer.source.bigquery.BigQueryWarehouse;
import corpus.indexer.source.bigquery.ResultPage;
import java.util.List;
import java.util.OptionalLong;

/**
 * Pushes SCD queries down to BigQuery: each runs as a read-only job with a maximum of bytes
 * billed (a larger query fails without charge), after a free dry run that {@link
 * #estimateBytes} also exposes. Only the few result rows come back to the desktop.
 */
public final class BigQueryQueryRunner implements QueryRunner {

  /** Default ceiling on bytes billed per query: 10 GiB. */
  public static final long DEFAULT_MAX_BYTES_BILLED = 10L << 30;

  private final BigQueryWarehouse warehouse;
  private final long maxBytesBilled;
  private final String project;

  public BigQueryQueryRunner(BigQueryWarehouse warehouse, String project, long maxBytesBilled) {
    this.warehouse = warehouse;
    this.project = project;
    this.maxBytesBilled = maxBytesBilled;
  }

  @Override
  public SqlDialect dialect() {
    return SqlDialect.BIGQUERY;
  }

  @Override
  public QueryResult run(String sql, int maxRows) throws InterruptedException {
    ResultPage page = warehouse.run(sql, maxBytesBilled, maxRows);
    List<List<String>> rows = page.rows().size() > maxRows ? page.rows().subList(0, maxRows) : page.rows();
    return new QueryResult(page.columns(), rows, page.bytesProcessed());
  }

  @Override
  public OptionalLong estimateBytes(String sql) throws InterruptedException {
    return OptionalLong.of(warehouse.dryRun(sql).bytesProcessed());
  }

  @Override
  public String description() {
    return "BigQuery project " + project;
  }

  @Override
  public void close() {}
}
