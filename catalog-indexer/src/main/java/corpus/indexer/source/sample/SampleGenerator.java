package corpus.indexer.source.sample;

import corpus.indexer.model.TableKind;
import corpus.indexer.progress.ProgressListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the complete sample into an empty folder: the DuckDB warehouse (staged synthetic
 * entities shaped by the spec's SQL, views, {@code _corpus_meta}), the design docs and the
 * pipeline SQL. Single-threaded DuckDB, fixed seeds and hash-based values make every run produce
 * the same content.
 */
final class SampleGenerator {

  static final long SEED = 20_250_101L;
  private static final Logger LOG = LoggerFactory.getLogger(SampleGenerator.class);

  private final SampleSpec spec;
  private final ProgressListener progress;

  SampleGenerator(SampleSpec spec, ProgressListener progress) {
    this.spec = spec;
    this.progress = progress;
  }

  void generate(Path dir) throws Exception {
    long start = System.nanoTime();
    Files.createDirectories(dir);
    Path db = dir.resolve("warehouse.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath())) {
      exec(c, "SET threads = 1");
      exec(c, "SET TimeZone = 'UTC'");
      exec(c, "CREATE TEMP MACRO h01(a, s) AS (hash(a, s) % 1000000) / 1000000.0");
      exec(c, "CREATE TEMP MACRO hpick(a, s, n) AS 1 + CAST(hash(a, s) % n AS INTEGER)");
      stage(c);
      createSchemas(c);
      loadTables(c);
      checkInterrupt();
      MetaWriter.write(c, spec, new QueryHistory(SEED + 9, spec).generate());
      exec(c, "DROP SCHEMA " + StagingWriter.SCHEMA + " CASCADE");
      exec(c, "CHECKPOINT");
    }
    writeFiles(dir);
    progress.progress("files", 1, 1);
    LOG.info("Generated the sample warehouse in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  private void stage(Connection c) throws Exception {
    progress.progress("staging", 0, 4);
    StagingWriter staging = new StagingWriter(c);
    List<Person> people = PeopleStage.generate(SEED);
    PeopleStage.stage(staging, people);
    progress.progress("staging", 1, 4);
    new CatalogStage(SEED + 1, people).stage(staging);
    progress.progress("staging", 2, 4);
    List<AudienceStage.User> users = new AudienceStage(SEED + 2, people).stage(staging);
    progress.progress("staging", 3, 4);
    new SupportStage(SEED + 3, people, users).stage(staging);
    progress.progress("staging", 4, 4);
  }

  private void createSchemas(Connection c) throws SQLException {
    int n = spec.datasets().size();
    for (int i = 0; i < n; i++) {
      exec(c, "CREATE SCHEMA " + quote(spec.datasets().get(i).name()));
      progress.progress("datasets", i + 1, n);
    }
  }

  private void loadTables(Connection c) throws Exception {
    List<TableSpec> tables = spec.tables();
    long rows = 0;
    int done = 0;
    for (TableSpec t : tables) {
      if (t.kind() != TableKind.TABLE) {
        continue;
      }
      checkInterrupt();
      String name = quote(t.dataset()) + "." + quote(t.name());
      exec(c, "CREATE TABLE " + name + " (" + t.typedColumns().stream()
          .map(col -> quote(col.path()) + " " + col.duckDbType())
          .collect(Collectors.joining(", ")) + ")");
      if (t.loadSql() != null) {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
          rows += s.executeUpdate("INSERT INTO " + name + " BY NAME (" + t.loadSql() + ")");
        } catch (SQLException e) {
          throw new SQLException("loading sample table " + t.id() + " failed: " + e.getMessage(), e);
        }
        LOG.debug("Loaded {} in {} ms", t.id(), (System.nanoTime() - t0) / 1_000_000);
      }
      comment(c, t, name);
      progress.progress("tables", ++done, tables.size());
      progress.progress("rows", rows, -1);
    }
    for (TableSpec t : tables) {
      if (t.kind() == TableKind.VIEW) {
        exec(c, "CREATE VIEW " + quote(t.dataset()) + "." + quote(t.name()) + " AS " + t.viewDuckDb());
        progress.progress("tables", ++done, tables.size());
      }
    }
  }

  /** DuckDB comments for table and top-level column descriptions, for tools that read them. */
  private static void comment(Connection c, TableSpec t, String name) throws SQLException {
    if (t.description() != null) {
      exec(c, "COMMENT ON TABLE " + name + " IS " + literal(t.description()));
    }
    for (ColumnSpec col : t.typedColumns()) {
      if (col.description() != null) {
        exec(c, "COMMENT ON COLUMN " + name + "." + quote(col.path()) + " IS " + literal(col.description()));
      }
    }
  }

  /** Copies the docs and pipeline resources and writes one view definition file per view. */
  private void writeFiles(Path dir) throws Exception {
    for (String path : SampleResources.list()) {
      if (path.startsWith("docs/") || path.startsWith("pipelines/")) {
        write(dir.resolve(path), SampleResources.read(path));
      }
    }
    for (TableSpec t : spec.tables()) {
      if (t.kind() == TableKind.VIEW) {
        write(dir.resolve("pipelines").resolve(t.project()).resolve(t.dataset()).resolve(t.name())
                .resolve("view.sql"),
            "-- " + (t.friendlyName() == null ? t.name() : t.friendlyName()) + "\n"
                + "CREATE OR REPLACE VIEW `" + t.id() + "` AS\n" + t.viewBigQuery() + "\n");
      }
    }
  }

  private static void write(Path target, String text) throws Exception {
    Files.createDirectories(target.getParent());
    Files.writeString(target, text, StandardCharsets.UTF_8);
  }

  private static void checkInterrupt() throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("sample generation cancelled");
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
