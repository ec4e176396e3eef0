package corpus.indexer.scd;

import corpus.indexer.CorpusHome;
import corpus.indexer.gdpr.WarehouseSampler;
import corpus.indexer.source.bigquery.BigQueryConnection;
import corpus.indexer.source.bigquery.BigQueryWarehouse;
import java.io.Closeable;
import java.io.IOException;
import corpus.indexer.warehouse.DuckDbWarehouse;
import corpus.indexer.warehouse.TableLookup;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Opens the {@link QueryRunner} of a warehouse spec ({@code sample}, {@code duckdb:FILE} or
 * {@code bigquery:PROJECT}), or of the warehouse a catalog was last crawled from.
 */
public final class QueryRunners {

  private QueryRunners() {}

  /** The warehouse spec among the sources of the latest crawl into {@code indexDir}, if any. */
  public static Optional<String> specOf(Path indexDir, CorpusHome home) throws IOException {
    return WarehouseSampler.specOf(indexDir, home);
  }

  /**
   * Opens a runner; close it when done. On DuckDB, {@code tables} (the catalog's, such as
   * {@code LuceneCatalog::table}) give the schemas and partitioning for the BigQuery-rules estimate of
   * each query; {@code alsoClose} (the catalog behind them, or null) is closed with the runner, or at
   * once if opening fails.
   */
  public static QueryRunner open(String spec, CorpusHome home, TableLookup tables, Closeable alsoClose)
      throws IOException {
    try {
      return openOrFail(spec, home, tables, alsoClose);
    } catch (IOException | RuntimeException e) {
      if (alsoClose != null) {
        alsoClose.close();
      }
      throw e;
    }
  }

  private static QueryRunner openOrFail(String spec, CorpusHome home, TableLookup tables, Closeable alsoClose)
      throws IOException {
    String s = spec.strip();
    if (s.equals("sample") || s.startsWith("duckdb:")) {
      boolean sample = s.equals("sample");
      Path file = sample ? home.sampleDir().resolve("warehouse.duckdb") : Path.of(s.substring("duckdb:".length()));
      try {
        return DuckDbQueryRunner.open(file, sample ? "the sample warehouse (DuckDB)" : "DuckDB " + file.getFileName(),
            tables, home.root().resolve("cache"),
            sample ? DuckDbWarehouse.SAMPLE_TODAY : LocalDate.now(ZoneOffset.UTC), alsoClose);
      } catch (SQLException e) {
        throw new IOException("cannot open the DuckDB warehouse of '" + spec + "': " + e.getMessage(), e);
      }
    }
    if (s.startsWith("bigquery:")) {
      String project = s.substring("bigquery:".length()).split(",")[0];
      BigQueryConnection connection = BigQueryConnection.of(project);
      if (alsoClose != null) {
        alsoClose.close(); // BigQuery's dry run needs no catalog
      }
      return new BigQueryQueryRunner(new BigQueryWarehouse(connection.open(), connection), project,
          BigQueryQueryRunner.DEFAULT_MAX_BYTES_BILLED);
    }
    throw new IllegalArgumentException("cannot query '" + spec + "': use sample, duckdb:FILE or bigquery:PROJECT");
  }
}
