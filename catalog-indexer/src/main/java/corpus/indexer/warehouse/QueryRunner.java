package corpus.indexer.warehouse;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a query behind the guardrails: it must parse and resolve, may write only when writing is switched on,
 * and may not bill more than the budget (checked on the estimate before anything runs; BigQuery also enforces
 * it with {@code maximumBytesBilled}). Every attempt is recorded in the {@link QueryHistory} when one is given.
 */
public final class QueryRunner {
  private static final Logger LOG = LoggerFactory.getLogger(QueryRunner.class);

  /**
   * What a run may do.
   *
   * @param writingAllowed whether DML/DDL may run
   * @param maxBytesBilled the budget of one query
   * @param maxRows rows kept in memory
   */
  public record Options(boolean writingAllowed, long maxBytesBilled, int maxRows) {
    public static final Options DEFAULT = new Options(false, 10L * Pricing.TIB / 1024, 1_000_000);
  }

  private final QueryEstimator estimator;
  private final QueryHistory history;

  /** {@code history} may be null (no recording). */
  public QueryRunner(QueryEstimator estimator, QueryHistory history) {
    this.estimator = estimator;
    this.history = history;
  }

  /** Estimates, checks and runs {@code sql}; the result carries the bytes estimated as processed and billed. */
  public QueryResult run(String sql, Options options) throws IOException, InterruptedException, QueryRefusedException {
    Instant started = Instant.now();
    Estimate estimate = estimator.estimate(sql);
    Long estimated = estimate.cost() == null ? null : estimate.cost().bytesBilled();
    Optional<String> refusal = refusal(estimate, options);
    if (refusal.isPresent()) {
      record(started, sql, estimated, null, 0, 0, 0, QueryHistory.Status.REFUSED, refusal.get());
      throw new QueryRefusedException(refusal.get());
    }
    try {
      QueryResult r = estimator.warehouse().run(sql, options.maxBytesBilled(), options.maxRows());
      long processed = r.bytesProcessed() > 0 ? r.bytesProcessed() : estimate.cost().bytesProcessed();
      long billed = r.bytesBilled() > 0 ? r.bytesBilled() : estimate.cost().bytesBilled();
      QueryResult result = new QueryResult(r.columns(), r.rows(), r.totalRows(), processed, billed, r.tookMs());
      record(started, sql, estimated, billed, estimator.pricing().cost(billed), r.tookMs(), r.totalRows(),
          QueryHistory.Status.SUCCEEDED, null);
      return result;
    } catch (InterruptedException e) {
      record(started, sql, estimated, 0L, 0, millisSince(started), 0, QueryHistory.Status.CANCELLED, "cancelled");
      throw e;
    } catch (IOException e) {
      record(started, sql, estimated, 0L, 0, millisSince(started), 0, QueryHistory.Status.FAILED, e.getMessage());
      throw e;
    } finally {
      LOG.debug("query estimated at {} bytes ran for {} ms", estimated, millisSince(started));
    }
  }

  /** Why {@code estimate} may not run under {@code options}, or empty. */
  public static Optional<String> refusal(Estimate estimate, Options options) {
    Optional<String> write = WriteGuard.refusal(estimate.footprint(), options.writingAllowed());
    if (write.isPresent()) {
      return write;
    }
    if (!estimate.runnable()) {
      return Optional.of(estimate.problems().stream().filter(Problem::blocking).findFirst()
          .map(Problem::toString).orElse("the query cannot run"));
    }
    if (estimate.cost().bytesBilled() > options.maxBytesBilled()) {
      return Optional.of("This query would bill " + Bytes.format(estimate.cost().bytesBilled()) + ", over the "
          + "budget of " + Bytes.format(options.maxBytesBilled()) + " per query. Raise the budget or read less.");
    }
    return Optional.empty();
  }

  private void record(Instant started, String sql, Long estimated, Long billed, double cost, long ms, long rows,
      QueryHistory.Status status, String message) {
    if (history == null) {
      return;
    }
    try {
      history.record(new QueryHistory.Entry(0, started, estimator.warehouse().description(), sql, estimated, billed,
          cost, ms, rows, status, message));
    } catch (IOException e) {
      LOG.warn("query not recorded in the history: {}", e.getMessage());
    }
  }

  private static long millisSince(Instant started) {
    return java.time.Duration.between(started, Instant.now()).toMillis();
  }
}
