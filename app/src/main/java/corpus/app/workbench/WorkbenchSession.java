package corpus.app.workbench;

import corpus.indexer.CorpusHome;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.store.CorpusDatabase;
import corpus.indexer.warehouse.Estimate;
import corpus.indexer.warehouse.Pricing;
import corpus.indexer.warehouse.QueryEstimator;
import corpus.indexer.warehouse.QueryHistory;
import corpus.indexer.warehouse.QueryRefusedException;
import corpus.indexer.warehouse.QueryResult;
import corpus.indexer.warehouse.QueryRunner;
import corpus.indexer.warehouse.Warehouse;
import corpus.indexer.warehouse.Warehouses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * What the workbench works against: the catalog's warehouse (estimates, runs, previews) and the query history.
 * Every method blocks and must run off the UI thread; {@link #close()} releases the warehouse and database.
 *
 * <pre>{@code
 * try (WorkbenchSession s = WorkbenchSession.open(catalog, home, indexDir)) {
 *   Estimate e = s.estimate("SELECT 1");
 * }
 * }</pre>
 */
public final class WorkbenchSession implements AutoCloseable {

  /** The location the user's work must stay in, for the coach's cross-location hint. */
  public static final String WORKFLOW_LOCATION = "EU";

  private final QueryEstimator estimator;
  private final QueryRunner runner;
  private final QueryHistory history;
  private final AutoCloseable[] resources;

  /**
   * @param estimator estimates against the warehouse
   * @param history where runs are recorded, or null
   * @param resources closed with the session, in order
   */
  public WorkbenchSession(QueryEstimator estimator, QueryHistory history, AutoCloseable... resources) {
    this.estimator = estimator;
    this.history = history;
    this.runner = new QueryRunner(estimator, history);
    this.resources = resources.clone();
  }

  /**
   * Opens the warehouse behind the catalog in {@code indexDir} and the history in the Corpus home. A catalog
   * built by {@code corpus index} uses the warehouse its crawl read (see {@link Warehouses#forCatalog}); the
   * app's own catalog, which no crawl log records, is built from the sample, so it uses the embedded sample.
   */
  public static WorkbenchSession open(CatalogReader catalog, CorpusHome home, Path indexDir) throws IOException {
    CorpusDatabase db = CorpusDatabase.open(home.database());
    Warehouse warehouse;
    try {
      warehouse = crawled(db, indexDir) || !Files.exists(home.sampleDir().resolve("warehouse.duckdb"))
          ? Warehouses.forCatalog(indexDir, home) : Warehouses.open("sample", home);
    } catch (IOException | RuntimeException e) {
      db.close();
      throw e;
    }
    QueryEstimator estimator = QueryEstimator.of(catalog, warehouse, Pricing.DEFAULT, WORKFLOW_LOCATION, null);
    return new WorkbenchSession(estimator, new QueryHistory(db.connection()), warehouse, db);
  }

  private static boolean crawled(CorpusDatabase db, Path indexDir) throws IOException {
    String dir = indexDir.toAbsolutePath().toString();
    return db.crawls().recent(200).stream().anyMatch(c -> c.indexDir().equals(dir));
  }

  public Estimate estimate(String sql) throws IOException, InterruptedException {
    return estimator.estimate(sql);
  }

  public QueryResult run(String sql, QueryRunner.Options options)
      throws IOException, InterruptedException, QueryRefusedException {
    return runner.run(sql, options);
  }

  /** Up to {@code maxRows} rows of a table without running a query: free, and not recorded as a run. */
  public QueryResult preview(corpus.indexer.model.Table table, int maxRows) throws IOException, InterruptedException {
    return estimator.warehouse().preview(table, maxRows);
  }

  /** The most recent runs, newest first; empty without a history. */
  public List<QueryHistory.Entry> recent(int limit) throws IOException {
    return history == null ? List.of() : history.recent(limit);
  }

  /** Dollars billed per UTC day, oldest first; empty without a history. */
  public Map<LocalDate, Double> spendPerDay(int days) throws IOException {
    return history == null ? Map.of() : history.spendPerDay(days, LocalDate.now(ZoneOffset.UTC));
  }

  /** What the estimates are computed against, for the status line. */
  public String description() {
    Warehouse w = estimator.warehouse();
    return w.description() + (w.exactSizes() ? " · exact sizes" : " · sizes estimated from metadata")
        + (w.canRun() ? "" : " · queries cannot run here");
  }

  public boolean canRun() {
    return estimator.warehouse().canRun();
  }

  public Pricing pricing() {
    return estimator.pricing();
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        if (first == null) {
          first = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
