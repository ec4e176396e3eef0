package corpus.indexer.scd;

import corpus.indexer.CorpusHome;
import corpus.indexer.gdpr.WarehouseSampler;
import corpus.indexer.source.bigquery.BigQueryConnection;
import corpus.indexer.source.bigquery.BigQueryWarehouse;
import java.io.IOException;
import java.nio.file.Path;
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

  /** Opens a runner; close it when done. */
  public static QueryRunner open(String spec, CorpusHome home) throws IOException {
    String s = spec.strip();
    try {
      if (s.equals("sample")) {
        return DuckDbQueryRunner.open(home.sampleDir().resolve("warehouse.duckdb"), "the sample warehouse (DuckDB)");
      }
      if (s.startsWith("duckdb:")) {
        Path file = Path.of(s.substring("duckdb:".length()));
        return DuckDbQueryRunner.open(file, "DuckDB " + file.getFileName());
      }
    } catch (SQLException e) {
      throw new IOException("cannot open the DuckDB warehouse of '" + spec + "': " + e.getMessage(), e);
    }
    if (s.startsWith("bigquery:")) {
      String project = s.substring("bigquery:".length()).split(",")[0];
      BigQueryConnection connection = BigQueryConnection.of(project);
      return new BigQueryQueryRunner(new BigQueryWarehouse(connection.open(), connection), project,
          BigQueryQueryRunner.DEFAULT_MAX_BYTES_BILLED);
    }
    throw new IllegalArgumentException("cannot query '" + spec + "': use sample, duckdb:FILE or bigquery:PROJECT");
  }
}
