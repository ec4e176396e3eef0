package corpus.indexer.scd;

/**
 * The state of an SCD type 2 table at a moment: the rows valid then ({@code valid_from <= t AND t
 * < valid_to}), read with a bounded query whose SQL and, when the warehouse can tell, cost are
 * known before it runs.
 *
 * <pre>{@code
 * AsOfView view = new AsOfView(runner, farFuture);
 * String sql = view.sql(scd, "2024-02-01", 200);        // show it, estimate it
 * QueryResult rows = view.read(scd, "2024-02-01", 200);  // then run it
 * }</pre>
 */
public final class AsOfView {

  /** Rows shown at most unless told otherwise. */
  public static final int DEFAULT_LIMIT = 200;

  private final QueryRunner runner;
  private final String farFuture;

  public AsOfView(QueryRunner runner, String farFuture) {
    this.runner = runner;
    this.farFuture = farFuture;
  }

  /** The SQL of the table at {@code isoTime} (a date, or a date and time for time columns). */
  public String sql(ScdTable scd, String isoTime, int limit) {
    if (!isoTime.strip().matches("\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?")) {
      throw new IllegalArgumentException("'" + isoTime + "' is not a date such as 2024-02-01");
    }
    return new ScdSql(scd, runner.dialect(), farFuture).asOf(isoTime.strip(), limit);
  }

  /** Runs {@link #sql}. */
  public QueryResult read(ScdTable scd, String isoTime, int limit) throws Exception {
    return runner.run(sql(scd, isoTime, limit), limit);
  }
}
