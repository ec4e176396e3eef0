package corpus.indexer.gdpr;

import corpus.gdpr.scan.ValueSampler;
import corpus.indexer.model.Table;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Samples a bounded number of rows per table from a DuckDB warehouse (the embedded sample, or a
 * {@code duckdb:FILE} source) for the GDPR value detectors, with {@code USING SAMPLE n ROWS}. The
 * file is opened read-only. Values are handed to the scanner, which counts them and drops them;
 * this class never logs or stores one, and its errors never quote one.
 *
 * <pre>{@code
 * try (DuckDbValueSampler sampler = DuckDbValueSampler.open(warehouse, catalog.tablesById(), 200)) {
 *   ScanResult result = scanner.scan(fields, edges, decisions, sampler);
 * }
 * }</pre>
 */
public final class DuckDbValueSampler implements ValueSampler, AutoCloseable {

  /** Rows sampled per table unless told otherwise. */
  public static final int DEFAULT_ROWS = 200;

  private final Connection connection;
  private final Map<String, Table> tables;
  private final int rows;

  private DuckDbValueSampler(Connection connection, Map<String, Table> tables, int rows) {
    this.connection = connection;
    this.tables = Map.copyOf(tables);
    this.rows = rows;
  }

  /**
   * Opens {@code warehouse} read-only; {@code tables} are the catalog's tables by id (the DuckDB
   * schema of a table is its dataset's name, as in the sample warehouse).
   */
  public static DuckDbValueSampler open(Path warehouse, Map<String, Table> tables, int rows) throws SQLException {
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse.toAbsolutePath(), props);
    return new DuckDbValueSampler(c, tables, rows);
  }

  @Override
  public Map<String, List<String>> sample(String table, List<String> fieldPaths) throws SQLException {
    Table t = tables.get(table);
    if (t == null) {
      return Map.of();
    }
    DuckDbSampleSql.Query query = DuckDbSampleSql.build(t, fieldPaths, rows);
    if (query.sql() == null) {
      return Map.of();
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    query.columns().forEach(c -> out.put(c, new ArrayList<>()));
    synchronized (connection) {
      try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query.sql())) {
        while (rs.next()) {
          for (int i = 0; i < query.columns().size(); i++) {
            add(out.get(query.columns().get(i)), rs.getObject(i + 1));
          }
        }
      }
    }
    return out;
  }

  private static void add(List<String> into, Object value) throws SQLException {
    if (value == null) {
      return;
    }
    if (value instanceof Array array) {
      for (Object element : (Object[]) array.getArray()) {
        add(into, element);
      }
    } else if (value instanceof Object[] elements) {
      for (Object element : elements) {
        add(into, element);
      }
    } else {
      into.add(value.toString());
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
