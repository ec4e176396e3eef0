package corpus.app.scd;

import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.scd.DuckDbQueryRunner;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * A tiny SCD warehouse for app tests: a DuckDB file with a track table (a title change on tr_1, a
 * gap on tr_2 where gaps are not allowed, a deletion of tr_3) and a rights table (two overlapping
 * current versions of tr_1/DE/master), and the catalog of both built by the real {@link Indexer}
 * ({@link #index}).
 */
public final class ScdTestCatalog implements CatalogSource {

  public static final TableId TRACKS = TableId.parse("soundwave-prod.catalog.track_metadata");
  public static final TableId RIGHTS = TableId.parse("soundwave-prod.catalog.track_rightsholders");

  private ScdTestCatalog() {}

  /** Writes the warehouse to {@code dir/soundwave-prod.duckdb} (a DuckDB file is the project it is named after). */
  public static Path build(Path dir) throws Exception {
    Path warehouse = dir.resolve("soundwave-prod.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA catalog");
      s.execute("""
          CREATE TABLE catalog.track_metadata AS SELECT * FROM (VALUES
            ('tr_1', DATE '2023-01-01', DATE '2024-02-12', false, false, 'Midnight Harbor', 'pop'),
            ('tr_1', DATE '2024-02-12', DATE '2060-01-01', true, false, 'Midnight Harbour', 'pop'),
            ('tr_2', DATE '2023-01-01', DATE '2023-05-01', false, false, 'Blue Lines', 'rock'),
            ('tr_2', DATE '2023-08-15', DATE '2060-01-01', true, false, 'Blue Lines', 'indie'),
            ('tr_3', DATE '2023-01-01', DATE '2024-01-01', false, false, 'Old Song', 'folk'),
            ('tr_3', DATE '2024-01-01', DATE '2060-01-01', true, true, 'Old Song', 'folk')
          ) t(track_id, valid_from, valid_to, is_current, is_deleted, title, genre)""");
      s.execute("""
          CREATE TABLE catalog.track_rightsholders AS SELECT * FROM (VALUES
            ('tr_1', 'DE', 'master', DATE '2023-01-01', DATE '2060-01-01', true, 'label_a'),
            ('tr_1', 'DE', 'master', DATE '2024-03-01', DATE '2060-01-01', true, 'label_b'),
            ('tr_1', 'DE', 'publishing', DATE '2023-01-01', DATE '2060-01-01', true, 'publisher_a'),
            ('tr_1', 'FR', 'master', DATE '2023-01-01', DATE '2060-01-01', true, 'label_a')
          ) t(track_id, territory, rights_type, valid_from, valid_to, is_current, rightsholder_id)""");
    }
    return warehouse;
  }

  /** Builds the catalog of both tables into {@code dir/index}. */
  public static void index(Path dir) throws Exception {
    new Indexer(dir.resolve("index")).run(List.of(new ScdTestCatalog()), ProgressListener.NONE);
  }

  /**
   * A connector to the warehouse written by {@link #build}, estimating its queries with the catalog
   * {@link #index} built next to it.
   */
  public static WarehouseConnector connector(Path warehouse) {
    Path dir = warehouse.getParent();
    return () -> {
      LuceneCatalog catalog = LuceneCatalog.exists(dir.resolve("index")) ? open(dir) : null;
      return DuckDbQueryRunner.open(warehouse, "test warehouse (DuckDB)",
          catalog != null ? catalog::table : id -> java.util.Optional.empty(), dir.resolve("cache"),
          LocalDate.of(2025, 1, 1), catalog != null ? catalog::close : null);
    };
  }

  /** The catalog source of the two tables, for loaders that build the catalog themselves. */
  public static CatalogSource source() {
    return new ScdTestCatalog();
  }

  public static LuceneCatalog open(Path dir) throws Exception {
    return LuceneCatalog.open(dir.resolve("index"));
  }

  @Override
  public String spec() {
    return "test:scd";
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) {
    sink.dataset(new Dataset("soundwave-prod", "catalog", "EU", "Published catalogue", Map.of("tier", "gold"), null, null));
    sink.table(Table.builder(TRACKS)
        .description("Track versions as SCD type 2. Entity key: track_id. Gaps are not allowed.")
        .labels(Map.of("tier", "gold"))
        .schema(List.of(Field.of("track_id", "STRING"), Field.of("valid_from", "DATE"), Field.of("valid_to", "DATE"),
            Field.of("is_current", "BOOL"), Field.of("is_deleted", "BOOL"), Field.of("title", "STRING"),
            Field.of("genre", "STRING")))
        .build());
    sink.table(Table.builder(RIGHTS)
        .description("Rights per track and territory, SCD type 2.")
        .schema(List.of(Field.of("track_id", "STRING"), Field.of("territory", "STRING"), Field.of("rights_type", "STRING"),
            Field.of("valid_from", "DATE"), Field.of("valid_to", "DATE"), Field.of("is_current", "BOOL"),
            Field.of("rightsholder_id", "STRING")))
        .build());
  }
}
