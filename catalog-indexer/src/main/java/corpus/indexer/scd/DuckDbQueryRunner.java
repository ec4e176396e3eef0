package corpus.indexer.scd;

import corpus.indexer.warehouse.DuckDbWarehouse;
import corpus.indexer.warehouse.Estimate;
import corpus.indexer.warehouse.Pricing;
import corpus.indexer.warehouse.QueryEstimator;
import corpus.indexer.warehouse.TableLookup;
import corpus.indexer.warehouse.UnsupportedSqlException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.time.LocalDate;

/**
 * Runs SCD queries on a DuckDB warehouse file (the embedded sample or a {@code duckdb:FILE} source),
 * opened read-only. The queries are written in BigQuery SQL, as they would run on BigQuery: each is
 * estimated by BigQuery's on-demand rules over the DuckDB data ({@link QueryEstimator}, what it would
 * process on BigQuery) and runs as its DuckDB translation. An interrupt of the calling thread cancels
 * the running statement.
 */
public final class DuckDbQueryRunner implements QueryRunner {

  private final Connection connection;
  private final DuckDbWarehouse warehouse;
  private final QueryEstimator estimator;
  private final String description;
  private final Closeable alsoClose;

  private DuckDbQueryRunner(Connection connection, DuckDbWarehouse warehouse, QueryEstimator estimator,
      String description, Closeable alsoClose) {
    this.connection = connection;
    this.warehouse = warehouse;
    this.estimator = estimator;
    this.description = description;
    this.alsoClose = alsoClose;
  }

  /**
   * Opens {@code file} read-only.
   *
   * @param tables the catalog's tables (schemas and partitioning, for the estimate)
   * @param cacheRoot where the data sizes of the tables are cached ({@code ~/.corpus/cache})
   * @param today what {@code CURRENT_DATE()} means
   * @param alsoClose closed with the runner (the catalog behind {@code tables}), or null
   */
  public static DuckDbQueryRunner open(Path file, String description, TableLookup tables, Path cacheRoot,
      LocalDate today, Closeable alsoClose) throws SQLException, IOException {
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString(), null, "no DuckDB warehouse there");
    }
    DuckDbWarehouse warehouse = DuckDbWarehouse.open(file, cacheRoot, today, description);
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    try {
      Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
      try (Statement s = c.createStatement()) {
        s.execute("SET TimeZone = 'UTC'");
      }
      QueryEstimator estimator = new QueryEstimator(tables, warehouse, Pricing.DEFAULT, null, null);
      return new DuckDbQueryRunner(c, warehouse, estimator, description, alsoClose);
    } catch (SQLException | RuntimeException e) {
      warehouse.close();
      throw e;
    }
  }

  @Override
  public SqlDialect dialect() {
    return SqlDialect.BIGQUERY;
  }

  @Override
  public QueryResult run(String sql, int maxRows) throws SQLException, IOException, InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    String duckDbSql;
    try {
      duckDbSql = warehouse.translate(sql);
    } catch (UnsupportedSqlException e) {
      throw new IOException(e.getMessage(), e);
    }
    synchronized (connection) {
      try (Statement st = connection.createStatement()) {
        Thread watcher = Thread.currentThread();
        st.setMaxRows(maxRows);
        try (ResultSet rs = st.executeQuery(duckDbSql)) {
          ResultSetMetaData meta = rs.getMetaData();
          List<String> columns = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
          }
          List<List<String>> rows = new ArrayList<>();
          while (rs.next() && rows.size() < maxRows) {
            if (watcher.isInterrupted()) {
              st.cancel();
              throw new InterruptedException();
            }
            List<String> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
              row.add(text(rs.getObject(i)));
            }
            rows.add(row);
          }
          return new QueryResult(columns, rows, -1);
        }
      }
    }
  }

  static String text(Object value) throws SQLException {
    if (value == null) {
      return null;
    }
    if (value instanceof Array array) {
      return text(array.getArray());
    }
    if (value instanceof Object[] elements) {
      List<String> parts = new ArrayList<>();
      for (Object e : elements) {
        parts.add(text(e));
      }
      return parts.toString();
    }
    if (value instanceof byte[] bytes) {
      return Arrays.toString(bytes);
    }
    if (value instanceof java.math.BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  @Override
  public OptionalLong estimateBytes(String sql) throws IOException, InterruptedException {
    Estimate e = estimator.cost(sql);
    // a table the catalog does not know would count as 0 bytes: no figure rather than a wrong one
    return e.runnable() ? OptionalLong.of(e.cost().bytesProcessed()) : OptionalLong.empty();
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void close() throws IOException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IOException("cannot close the DuckDB warehouse: " + e.getMessage(), e);
    } finally {
      try {
        warehouse.close();
      } finally {
        if (alsoClose != null) {
          alsoClose.close();
        }
      }
    }
  }
}
