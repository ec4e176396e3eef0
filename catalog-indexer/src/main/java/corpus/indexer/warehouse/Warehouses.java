package corpus.indexer.warehouse;

import corpus.indexer.CorpusHome;
import corpus.indexer.source.bigquery.BigQueryConnection;
import corpus.indexer.source.bigquery.BigQueryWarehouse;
import corpus.indexer.store.CorpusDatabase;
import corpus.indexer.store.CrawlLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Chooses the warehouse behind a catalog from the sources its last crawl used (recorded in the SQLite crawl
 * log): {@code sample} → the embedded DuckDB sample, {@code duckdb:FILE} → that file, {@code bigquery:P} →
 * BigQuery dry runs, anything else (exports) → metadata-only estimates. A spec can also be given directly.
 */
public final class Warehouses {

  private Warehouses() {}

  /** The warehouse for the catalog in {@code indexDir}. */
  public static Warehouse forCatalog(Path indexDir, CorpusHome home) throws IOException {
    List<String> sources = List.of();
    if (Files.exists(home.database())) {
      try (CorpusDatabase db = CorpusDatabase.open(home.database())) {
        String dir = indexDir.toAbsolutePath().toString();
        for (CrawlLog.Crawl c : db.crawls().recent(200)) {
          if (c.indexDir().equals(dir)) {
            sources = List.of(c.sources().split(" "));
            break;
          }
        }
      }
    }
    for (String s : sources) {
      if (s.equals("sample") || s.startsWith("duckdb:") || s.startsWith("bigquery:")) {
        return open(s, home);
      }
    }
    return new MetadataWarehouse();
  }

  /** The warehouse a source spec names ({@code sample}, {@code duckdb:FILE}, {@code bigquery:P}, {@code metadata}). */
  public static Warehouse open(String spec, CorpusHome home) throws IOException {
    Path cache = home.root().resolve("cache");
    if (spec.equals("sample")) {
      Path file = home.sampleDir().resolve("warehouse.duckdb");
      return DuckDbWarehouse.open(file, cache, DuckDbWarehouse.SAMPLE_TODAY, "embedded sample warehouse (DuckDB)");
    }
    if (spec.startsWith("duckdb:")) {
      Path file = Path.of(spec.substring(7));
      return DuckDbWarehouse.open(file, cache, LocalDate.now(ZoneOffset.UTC), "DuckDB " + file.getFileName());
    }
    if (spec.startsWith("bigquery:")) {
      String project = spec.substring(9).split(",")[0];
      BigQueryConnection connection = BigQueryConnection.of(project);
      return new BigQueryWarehouseAdapter(new BigQueryWarehouse(connection.open(), connection), project);
    }
    if (spec.equals("metadata") || spec.startsWith("export:")) {
      return new MetadataWarehouse();
    }
    throw new IllegalArgumentException("unknown warehouse '" + spec + "': use sample, duckdb:FILE, bigquery:PROJECT "
        + "or metadata");
  }
}
