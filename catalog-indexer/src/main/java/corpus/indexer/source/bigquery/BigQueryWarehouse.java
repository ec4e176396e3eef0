package corpus.indexer.source.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQuery.TableDataListOption;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics.QueryStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.JobStatus;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.TableResult;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableKind;
import corpus.indexer.source.bigquery.BigQueryFailure.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work against BigQuery for the query workbench and the GDPR detectors: dry runs (exact
 * bytes, referenced tables, statement type), free table previews through {@code tabledata.list},
 * read-only queries with a maximum of bytes billed and paged results, job cancel, and bounded
 * value sampling.
 *
 * <p>Every call is blocking; interrupting the calling thread cancels a running job in BigQuery
 * too. Failures arrive as {@link BigQueryFailure} with a one-sentence message. Example: {@code
 * var wh = new BigQueryWarehouse(connection.open(), connection); wh.dryRun("SELECT …")}.
 */
public final class BigQueryWarehouse {

  private static final Logger LOG = LoggerFactory.getLogger(BigQueryWarehouse.class);
  private static final long POLL_MS = 1_000;

  private final BigQuery bigquery;
  private final Retrier retrier;

  public BigQueryWarehouse(BigQuery bigquery, BigQueryConnection connection) {
    this.bigquery = bigquery;
    this.retrier = Retrier.of(connection);
  }

  /** Dry-runs standard SQL: free, and exact about the bytes a real run would process. */
  public DryRun dryRun(String sql) throws InterruptedException {
    QueryJobConfiguration config = QueryJobConfiguration.newBuilder(sql)
        .setUseLegacySql(false).setDryRun(true).setUseQueryCache(false).build();
    Job job = retrier.call("dry-running the query", () -> bigquery.create(JobInfo.of(config)));
    QueryStatistics stats = job.getStatistics();
    List<TableId> tables = stats.getReferencedTables() == null ? List.of()
        : stats.getReferencedTables().stream().map(TableMapper::id).toList();
    return new DryRun(stats.getTotalBytesProcessed() == null ? 0 : stats.getTotalBytesProcessed(),
        stats.getStatementType() == null ? "UNKNOWN" : stats.getStatementType().name(), tables,
        Values.fields(stats.getSchema()));
  }

  /** Up to {@code maxRows} rows of a table through {@code tabledata.list}: free, no job runs. */
  public ResultPage preview(TableId table, int maxRows) throws InterruptedException {
    Table meta = describe(table);
    if (meta.kind() == TableKind.VIEW || meta.kind() == TableKind.MATERIALIZED_VIEW
        || meta.kind() == TableKind.EXTERNAL) {
      throw new BigQueryFailure(Kind.INVALID, table + " is a " + meta.kind().label().replace('_', ' ')
          + ", which cannot be previewed for free; run a query on it instead.");
    }
    Schema schema = Values.schema(meta.schema());
    TableResult page = retrier.call("previewing " + table, () -> bigquery.listTableData(
        client(table), schema, TableDataListOption.pageSize(maxRows)));
    List<List<String>> rows = new ArrayList<>();
    for (var row : page.getValues()) {
      if (rows.size() >= maxRows) {
        break;
      }
      rows.add(Values.row(row, schema.getFields()));
    }
    return new ResultPage(null, meta.location(), table, meta.schema(), rows, page.getTotalRows(), 0, 0,
        null);
  }

  /**
   * Runs a read-only query: a dry run first refuses anything but SELECT and anything that would
   * process more than {@code maxBytesBilled}; the job itself carries the same limit, so BigQuery
   * refuses to bill more. Returns the first page of {@code pageSize} rows; {@link #nextPage}
   * reads the next ones.
   */
  public ResultPage run(String sql, long maxBytesBilled, int pageSize) throws InterruptedException {
    DryRun dry = dryRun(sql);
    if (!dry.isReadOnly()) {
      throw new BigQueryFailure(Kind.NOT_READ_ONLY, "Only read-only queries can run from Corpus; this is a "
          + dry.statementType() + " statement.");
    }
    if (dry.bytesProcessed() > maxBytesBilled) {
      throw new BigQueryFailure(Kind.BYTES_LIMIT, "The query would process " + dry.bytesProcessed()
          + " bytes, more than the maximum of " + maxBytesBilled + " bytes billed; it was not run.");
    }
    QueryJobConfiguration config = QueryJobConfiguration.newBuilder(sql)
        .setUseLegacySql(false).setMaximumBytesBilled(maxBytesBilled).build();
    JobId requested = JobId.of("corpus_" + UUID.randomUUID().toString().replace("-", ""));
    Job job = retrier.call("starting the query", () -> bigquery.create(JobInfo.of(requested, config)));
    JobId jobId = job.getJobId();
    Job done;
    try {
      done = waitUntilDone(jobId);
    } catch (InterruptedException e) {
      cancel(jobId.getJob(), jobId.getLocation());
      throw e;
    }
    if (done.getStatus() != null && done.getStatus().getError() != null) {
      var error = done.getStatus().getError();
      throw BigQueryErrors.translate(new com.google.cloud.bigquery.BigQueryException(400,
          error.getMessage(), error), "running the query");
    }
    QueryStatistics stats = done.getStatistics();
    com.google.cloud.bigquery.TableId destination =
        ((QueryJobConfiguration) done.getConfiguration()).getDestinationTable();
    Schema schema = stats.getSchema();
    ResultPage first = page(jobId, TableMapper.id(destination), Values.fields(schema), null, pageSize);
    return new ResultPage(first.jobId(), first.location(), first.source(), first.schema(), first.rows(),
        first.totalRows(), nz(stats.getTotalBytesProcessed()), nz(stats.getTotalBytesBilled()),
        first.nextPageToken());
  }

  /** The page after {@code previous}, of the same size as asked for; free. */
  public ResultPage nextPage(ResultPage previous, int pageSize) throws InterruptedException {
    if (!previous.hasNextPage()) {
      throw new IllegalArgumentException("there is no page after the last one");
    }
    JobId jobId = previous.jobId() == null ? null
        : JobId.newBuilder().setJob(previous.jobId()).setLocation(previous.location()).build();
    ResultPage next = page(jobId, previous.source(), previous.schema(), previous.nextPageToken(), pageSize);
    return new ResultPage(next.jobId(), next.location(), next.source(), next.schema(), next.rows(),
        next.totalRows(), previous.bytesProcessed(), previous.bytesBilled(), next.nextPageToken());
  }

  /** Asks BigQuery to cancel a job; quietly does nothing when it has already finished. */
  public void cancel(String jobId, String location) {
    try {
      JobId id = JobId.newBuilder().setJob(jobId).setLocation(location).build();
      retrier.call("cancelling job " + jobId, () -> bigquery.cancel(id));
      LOG.info("cancelled BigQuery job {}", jobId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (BigQueryFailure e) {
      LOG.warn("could not cancel BigQuery job {}: {}", jobId, e.getMessage());
    }
  }

  /**
   * Samples values of {@code fieldPaths} for the GDPR detectors with {@code TABLESAMPLE SYSTEM}
   * and a maximum of bytes billed. The values stay in memory: this class never logs them.
   */
  public List<ColumnSample> sample(TableId table, List<String> fieldPaths, int rows, long maxBytesBilled)
      throws InterruptedException {
    Table meta = describe(table);
    String sql;
    try {
      sql = SampleSql.build(meta, fieldPaths, rows);
    } catch (IllegalArgumentException e) {
      throw new BigQueryFailure(Kind.INVALID, "Cannot sample " + table + ": " + e.getMessage() + ".");
    }
    List<List<String>> values = new ArrayList<>();
    fieldPaths.forEach(p -> values.add(new ArrayList<>()));
    ResultPage page = run(sql, maxBytesBilled, rows);
    while (true) {
      for (List<String> row : page.rows()) {
        for (int i = 0; i < fieldPaths.size() && i < row.size(); i++) {
          add(values.get(i), row.get(i), page.schema().get(i).isRepeated());
        }
      }
      if (!page.hasNextPage() || values.stream().allMatch(v -> v.size() >= rows)) {
        break;
      }
      page = nextPage(page, rows);
    }
    List<ColumnSample> out = new ArrayList<>();
    for (int i = 0; i < fieldPaths.size(); i++) {
      out.add(new ColumnSample(fieldPaths.get(i), values.get(i)));
    }
    return out;
  }

  private static void add(List<String> into, String value, boolean repeated) {
    if (value == null) {
      return;
    }
    if (repeated && value.startsWith("[") && value.endsWith("]")) {
      for (String v : value.substring(1, value.length() - 1).split(", ")) {
        if (!v.isEmpty() && !v.equals("null")) {
          into.add(v);
        }
      }
    } else {
      into.add(value);
    }
  }

  /** The catalog form of one table, read with {@code tables.get}. */
  public Table describe(TableId table) throws InterruptedException {
    com.google.cloud.bigquery.Table t = retrier.call("reading table " + table, () -> bigquery.getTable(client(table)));
    if (t == null) {
      throw new BigQueryFailure(Kind.NOT_FOUND, "Table " + table + " does not exist or is not visible to you.");
    }
    return TableMapper.table(t, null);
  }

  /** Polls {@code jobs.get} until the job is done, sleeping 100 ms growing to 1 s in between. */
  private Job waitUntilDone(JobId jobId) throws InterruptedException {
    long sleep = 100;
    while (true) {
      Job job = retrier.call("waiting for the query", () -> bigquery.getJob(jobId));
      if (job == null) {
        throw new BigQueryFailure(Kind.NOT_FOUND, "The query job " + jobId.getJob() + " disappeared.");
      }
      if (job.getStatus() != null && job.getStatus().getState() == JobStatus.State.DONE) {
        return job;
      }
      Thread.sleep(sleep);
      sleep = Math.min(POLL_MS, sleep * 2);
    }
  }

  private ResultPage page(JobId jobId, TableId source, List<Field> fields, String token, int pageSize)
      throws InterruptedException {
    Schema schema = Values.schema(fields);
    List<TableDataListOption> opts = new ArrayList<>(List.of(TableDataListOption.pageSize(pageSize)));
    if (token != null) {
      opts.add(TableDataListOption.pageToken(token));
    }
    TableResult result = retrier.call("reading query results", () -> bigquery.listTableData(
        client(source), schema, opts.toArray(TableDataListOption[]::new)));
    List<List<String>> rows = new ArrayList<>();
    result.getValues().forEach(r -> rows.add(Values.row(r, schema.getFields())));
    return new ResultPage(jobId == null ? null : jobId.getJob(), jobId == null ? null : jobId.getLocation(),
        source, fields, rows, result.getTotalRows(), 0, 0, result.getNextPageToken());
  }

  private static com.google.cloud.bigquery.TableId client(TableId id) {
    return com.google.cloud.bigquery.TableId.of(id.project(), id.dataset(), id.table());
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }
}
