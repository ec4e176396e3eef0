package corpus.indexer.gdpr;

import corpus.gdpr.scan.ValueSampler;
import corpus.indexer.CorpusHome;
import corpus.indexer.model.Table;
import corpus.indexer.source.bigquery.BigQueryConnection;
import corpus.indexer.source.bigquery.BigQueryWarehouse;
import corpus.indexer.store.CorpusDatabase;
import corpus.indexer.store.CrawlLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ValueSampler} for the warehouse a catalog was built from, to close when done: the
 * embedded sample or a {@code duckdb:FILE} (DuckDB, read-only) or {@code bigquery:PROJECT}
 * (TABLESAMPLE with a byte limit).
 *
 * <pre>{@code
 * Optional<String> spec = WarehouseSampler.specOf(indexDir, home);   // from the crawl log
 * try (WarehouseSampler sampler = WarehouseSampler.open(spec.orElseThrow(), home, catalog.tablesById(), 200)) {
 *   scan.run(catalog, store, sampler);
 * }
 * }</pre>
 */
public interface WarehouseSampler extends ValueSampler, AutoCloseable {

  @Override
  void close() throws IOException;

  /**
   * The warehouse spec ({@code sample}, {@code duckdb:FILE} or {@code bigquery:PROJECT}) among the
   * sources of the latest recorded crawl into {@code indexDir}, if any.
   */
  static Optional<String> specOf(Path indexDir, CorpusHome home) throws IOException {
    if (!Files.exists(home.database())) {
      return Optional.empty();
    }
    String dir = indexDir.toAbsolutePath().toString();
    try (CorpusDatabase db = CorpusDatabase.open(home.database())) {
      for (CrawlLog.Crawl c : db.crawls().recent(200)) {
        if (c.indexDir().equals(dir)) {
          return List.of(c.sources().split(" ")).stream()
              .filter(s -> s.equals("sample") || s.startsWith("duckdb:") || s.startsWith("bigquery:"))
              .findFirst();
        }
      }
    }
    return Optional.empty();
  }

  /** Opens a sampler for {@code spec}; {@code tables} are the catalog's tables by id. */
  static WarehouseSampler open(String spec, CorpusHome home, Map<String, Table> tables, int rows) throws IOException {
    String s = spec.strip();
    try {
      if (s.equals("sample")) {
        return duckDb(home.sampleDir().resolve("warehouse.duckdb"), tables, rows);
      }
      if (s.startsWith("duckdb:")) {
        return duckDb(Path.of(s.substring("duckdb:".length())), tables, rows);
      }
    } catch (SQLException e) {
      throw new IOException("cannot open the DuckDB warehouse of '" + spec + "' for sampling: " + e.getMessage(), e);
    }
    if (s.startsWith("bigquery:")) {
      String project = s.substring("bigquery:".length()).split(",")[0];
      BigQueryConnection connection = BigQueryConnection.of(project);
      BigQueryValueSampler sampler = new BigQueryValueSampler(new BigQueryWarehouse(connection.open(), connection),
          rows, BigQueryValueSampler.DEFAULT_MAX_BYTES_BILLED);
      return new WarehouseSampler() {
        @Override
        public Map<String, ? extends Iterable<String>> sample(String table, List<String> fields) throws Exception {
          return sampler.sample(table, fields);
        }

        @Override
        public void close() {}
      };
    }
    throw new IllegalArgumentException("cannot sample values from '" + spec
        + "': use sample, duckdb:FILE or bigquery:PROJECT");
  }

  private static WarehouseSampler duckDb(Path file, Map<String, Table> tables, int rows)
      throws SQLException, IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no DuckDB warehouse at " + file);
    }
    DuckDbValueSampler sampler = DuckDbValueSampler.open(file, tables, rows);
    return new WarehouseSampler() {
      @Override
      public Map<String, ? extends Iterable<String>> sample(String table, List<String> fields) throws Exception {
        return sampler.sample(table, fields);
      }

      @Override
      public void close() throws IOException {
        try {
          sampler.close();
        } catch (SQLException e) {
          throw new IOException("cannot close the DuckDB warehouse: " + e.getMessage(), e);
        }
      }
    };
  }
}
