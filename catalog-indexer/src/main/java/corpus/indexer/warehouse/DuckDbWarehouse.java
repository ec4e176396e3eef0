package corpus.indexer.warehouse;

import corpus.indexer.model.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DuckDB file as a warehouse: exact data sizes by BigQuery's rules ({@link DuckDbSizes}, collected once per
 * table and cached), and BigQuery SQL run through {@link SqlTranslator}. Opened read-only, so nothing a query
 * does can change the file; interrupting a run cancels the DuckDB statement.
 *
 * <pre>{@code
 * try (Warehouse w = DuckDbWarehouse.open(layout.warehouse(), home.root().resolve("cache"), DuckDbWarehouse.SAMPLE_TODAY)) {
 *   QueryResult r = w.run("SELECT COUNT(*) FROM `soundwave-prod.listening.plays` WHERE play_date = '2024-06-01'", …);
 * }
 * }</pre>
 */
public final class DuckDbWarehouse implements Warehouse {
  /** The sample's "today": its data ends on 2024-12-31 (see docs/sample-warehouse.md). */
  public static final LocalDate SAMPLE_TODAY = LocalDate.of(2025, 1, 1);

  private static final Logger LOG = LoggerFactory.getLogger(DuckDbWarehouse.class);

  private final Path file;
  private final DuckDBConnection connection;
  private final DuckDbSizes sizes;
  private final SqlTranslator translator;
  private final LocalDate today;
  private final String description;

  private DuckDbWarehouse(Path file, DuckDBConnection connection, DuckDbSizes sizes, Set<String> projects,
      LocalDate today, String description) {
    this.file = file;
    this.connection = connection;
    this.sizes = sizes;
    this.translator = new SqlTranslator(projects, today);
    this.today = today;
    this.description = description;
  }

  /**
   * Opens {@code file} read-only; sizes are cached under {@code cacheRoot}; {@code today} is what
   * {@code CURRENT_DATE()} means.
   */
  public static DuckDbWarehouse open(Path file, Path cacheRoot, LocalDate today, String description)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "DuckDB database file not found");
    }
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    try {
      DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(),
          props);
      try (Statement s = c.createStatement()) {
        s.execute("SET TimeZone = 'UTC'");
      }
      return new DuckDbWarehouse(file, c, new DuckDbSizes(file, cacheRoot.resolve("warehouse-sizes")),
          projects(c, file), today, description);
    } catch (SQLException e) {
      throw new IOException("cannot open " + file + " as a DuckDB database: " + firstLine(e), e);
    }
  }

  private static Set<String> projects(Connection c, Path file) throws SQLException {
    Set<String> out = new HashSet<>();
    String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    out.add(base.toLowerCase(Locale.ROOT));
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT DISTINCT project FROM _corpus_meta.datasets")) {
      while (r.next()) {
        out.add(r.getString(1).toLowerCase(Locale.ROOT));
      }
    } catch (SQLException e) {
      LOG.debug("{} has no _corpus_meta.datasets; only '{}' is taken as its project", file, base);
    }
    return out;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public boolean exactSizes() {
    return true;
  }

  @Override
  public Optional<TableSizes> sizes(Table table) throws IOException {
    Optional<TableSizes> cached = sizes.cached(table);
    if (cached != null) {
      return cached; // every keystroke after the first: no connection
    }
    try (Connection c = connection.duplicate()) {
      return sizes.sizes(c, table);
    } catch (SQLException e) {
      throw new IOException("cannot read " + file + ": " + firstLine(e), e);
    }
  }

  @Override
  public LocalDate today() {
    return today;
  }

  @Override
  public boolean canRun() {
    return true;
  }

  /** The DuckDB SQL a BigQuery query runs as here. */
  public String translate(String bigQuerySql) throws UnsupportedSqlException {
    return translator.translate(bigQuerySql);
  }

  /** Runs {@code sql}; the byte budget is enforced by the caller from the exact estimate, before this call. */
  @Override
  public QueryResult run(String sql, long maxBytesBilled, int maxRows) throws IOException, InterruptedException {
    String duck;
    try {
      duck = translator.translate(sql);
    } catch (UnsupportedSqlException e) {
      throw new IOException(e.getMessage(), e);
    }
    return execute(duck, maxRows);
  }

  @Override
  public QueryResult preview(Table table, int maxRows) throws IOException, InterruptedException {
    return execute("SELECT * FROM " + PathSizeSql.quote(table.id().dataset()) + "."
        + PathSizeSql.quote(table.id().table()) + " LIMIT " + maxRows, maxRows);
  }

  private QueryResult execute(String duckSql, int maxRows) throws IOException, InterruptedException {
    long started = System.nanoTime();
    try (Connection c = connection.duplicate(); Statement s = c.createStatement()) {
      FutureTask<QueryResult> task = new FutureTask<>(() -> {
        try (ResultSet r = s.executeQuery(duckSql)) {
          List<QueryResult.Column> columns = JdbcValues.columns(r.getMetaData());
          List<List<Object>> rows = new ArrayList<>();
          long total = 0;
          while (r.next()) {
            if (total < maxRows) {
              rows.add(JdbcValues.row(r, columns.size()));
            }
            total++;
          }
          return new QueryResult(columns, rows, total, 0, 0, (System.nanoTime() - started) / 1_000_000);
        }
      });
      Thread worker = Thread.ofVirtual().name("corpus-duckdb-query").start(task);
      try {
        return task.get();
      } catch (InterruptedException e) {
        s.cancel();
        task.cancel(true);
        worker.join(2000);
        throw e;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof SQLException sql) {
          throw new IOException(firstLine(sql), sql);
        }
        throw new IOException(String.valueOf(cause), cause);
      } catch (CancellationException e) {
        throw new InterruptedException("query cancelled");
      }
    } catch (SQLException e) {
      throw new IOException(firstLine(e), e);
    }
  }

  private static String firstLine(SQLException e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
  }

  @Override
  public void close() throws IOException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  /** Kept for symmetry with other warehouses: a {@link Future} is not needed by callers. */
  Path file() {
    return file;
  }
}
