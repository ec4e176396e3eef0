package corpus.indexer.scd;

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

/**
 * Runs SCD queries on a DuckDB warehouse file (the embedded sample or a {@code duckdb:FILE}
 * source), opened read-only. An interrupt of the calling thread cancels the running statement.
 */
public final class DuckDbQueryRunner implements QueryRunner {

  private final Connection connection;
  private final String description;

  private DuckDbQueryRunner(Connection connection, String description) {
    this.connection = connection;
    this.description = description;
  }

  /** Opens {@code file} read-only. */
  public static DuckDbQueryRunner open(Path file, String description) throws SQLException, java.io.IOException {
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString(), null, "no DuckDB warehouse there");
    }
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    return new DuckDbQueryRunner(DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props),
        description);
  }

  @Override
  public SqlDialect dialect() {
    return SqlDialect.DUCKDB;
  }

  @Override
  public QueryResult run(String sql, int maxRows) throws SQLException, InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    synchronized (connection) {
      try (Statement st = connection.createStatement()) {
        Thread watcher = Thread.currentThread();
        st.setMaxRows(maxRows);
        try (ResultSet rs = st.executeQuery(sql)) {
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
  public OptionalLong estimateBytes(String sql) {
    return OptionalLong.empty();
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void close() throws java.io.IOException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new java.io.IOException("cannot close the DuckDB warehouse: " + e.getMessage(), e);
    }
  }
}
