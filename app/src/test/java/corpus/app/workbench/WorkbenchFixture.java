package corpus.app.workbench;

import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableUsage;
import corpus.indexer.model.TimePartitioning;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import corpus.indexer.source.duckdb.DuckDbSource;
import corpus.indexer.store.CorpusDatabase;
import corpus.indexer.warehouse.DuckDbWarehouse;
import corpus.indexer.warehouse.Pricing;
import corpus.indexer.warehouse.QueryEstimator;
import corpus.indexer.warehouse.QueryHistory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

/**
 * A sample-like warehouse for workbench tests: a DuckDB file {@code soundwave-prod.duckdb} with
 * {@code listening.plays} (30 daily partitions up to 2024-12-31, 40 rows each, a repeated record of actions)
 * and {@code catalog.tracks}, crawled by the real {@link DuckDbSource} into a Lucene catalog (plays is marked as
 * partitioned by {@code play_date}, as in BigQuery), and a query history in a real SQLite database.
 */
final class WorkbenchFixture implements AutoCloseable {

  static final String PLAYS = "soundwave-prod.listening.plays";
  static final String QUERY = "SELECT track_id, ms FROM `" + PLAYS + "`";

  private final CatalogReader catalog;
  private final Path dir;

  private WorkbenchFixture(Path dir, CatalogReader catalog) {
    this.dir = dir;
    this.catalog = catalog;
  }

  static WorkbenchFixture create(Path dir) throws Exception {
    Path file = dir.resolve("soundwave-prod.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA listening");
      s.execute("CREATE SCHEMA catalog");
      s.execute("CREATE TABLE listening.plays(play_date DATE, track_id VARCHAR, user_id VARCHAR, ms BIGINT, "
          + "country VARCHAR, device VARCHAR, actions STRUCT(name VARCHAR, value BIGINT)[])");
      s.execute("""
          INSERT INTO listening.plays
          SELECT DATE '2024-12-31' - CAST(i % 30 AS INTEGER), 'track-' || (i % 7), 'user-' || (i % 11), 1000 + i,
                 CASE WHEN i % 3 = 0 THEN 'DE' ELSE 'FR' END, 'mobile',
                 [{'name': 'like', 'value': i % 5}]
          FROM range(1200) t(i)""");
      s.execute("CREATE TABLE catalog.tracks(track_id VARCHAR, title VARCHAR)");
      s.execute("INSERT INTO catalog.tracks SELECT 'track-' || i, 'Song ' || i FROM range(7) t(i)");
    }
    Path index = dir.resolve("index");
    new Indexer(index).run(List.of(new Partitioned(new DuckDbSource(file))), ProgressListener.NONE);
    return new WorkbenchFixture(dir, LuceneCatalog.open(index));
  }

  CatalogReader catalog() {
    return catalog;
  }

  /** Opens a session on the warehouse (today is 2025-01-01, as in the sample) with a history in SQLite. */
  WorkbenchSession session() throws Exception {
    DuckDbWarehouse warehouse = DuckDbWarehouse.open(dir.resolve("soundwave-prod.duckdb"), dir.resolve("cache"),
        DuckDbWarehouse.SAMPLE_TODAY, "test warehouse (DuckDB)");
    CorpusDatabase db = CorpusDatabase.open(dir.resolve("corpus.db"));
    QueryEstimator estimator = QueryEstimator.of(catalog, warehouse, Pricing.DEFAULT, "EU", null);
    return new WorkbenchSession(estimator, new QueryHistory(db.connection()), warehouse, db);
  }

  @Override
  public void close() throws java.io.IOException {
    catalog.close();
  }

  /** The DuckDB crawl with plays partitioned by day on play_date, as the sample's BigQuery tables are. */
  private record Partitioned(DuckDbSource source) implements CatalogSource {
    @Override
    public String spec() {
      return source.spec();
    }

    @Override
    public void crawl(CatalogSink sink, ProgressListener progress) throws Exception {
      source.crawl(new CatalogSink() {
        @Override
        public void dataset(Dataset dataset) {
          sink.dataset(dataset);
        }

        @Override
        public void table(Table table) {
          sink.table(table.id().toString().equals(PLAYS)
              ? table.toBuilder().timePartitioning(new TimePartitioning("DAY", "play_date", null, false)).build()
              : table);
        }

        @Override
        public void doc(Doc doc) {
          sink.doc(doc);
        }

        @Override
        public void usage(TableUsage usage) {
          sink.usage(usage);
        }

        @Override
        public void problem(Problem problem) {
          sink.problem(problem);
        }
      }, progress);
    }
  }
}
