package corpus.indexer.warehouse;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The history of queries run from the workbench, in the SQLite database (table {@code query_history}): text,
 * time, bytes estimated and billed, cost, duration, rows and status. Never a result value.
 *
 * <pre>{@code
 * try (CorpusDatabase db = CorpusDatabase.open(home.database())) {
 *   QueryHistory history = new QueryHistory(db.connection());
 *   history.record(entry);
 *   history.spendPerDay(30);
 * }
 * }</pre>
 */
public final class QueryHistory {

  /** How a run ended. */
  public enum Status { SUCCEEDED, FAILED, CANCELLED, REFUSED }

  /** One run. */
  public record Entry(long id, Instant startedAt, String warehouse, String sql, Long bytesEstimated, Long bytesBilled,
      double costUsd, long durationMs, long rows, Status status, String message) {}

  private final Connection connection;

  public QueryHistory(Connection connection) {
    this.connection = connection;
  }

  /** Stores a run; returns its id. */
  public synchronized long record(Entry e) throws IOException {
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO query_history(started_at, warehouse, "
        + "sql_text, bytes_estimated, bytes_billed, cost_usd, duration_ms, row_count, status, message) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
      p.setString(1, e.startedAt().toString());
      p.setString(2, e.warehouse());
      p.setString(3, e.sql());
      setLong(p, 4, e.bytesEstimated());
      setLong(p, 5, e.bytesBilled());
      p.setDouble(6, e.costUsd());
      p.setLong(7, e.durationMs());
      p.setLong(8, e.rows());
      p.setString(9, e.status().name());
      p.setString(10, e.message());
      p.executeUpdate();
      try (ResultSet keys = p.getGeneratedKeys()) {
        return keys.next() ? keys.getLong(1) : 0;
      }
    } catch (SQLException ex) {
      throw new IOException("cannot record the query in the history: " + ex.getMessage(), ex);
    }
  }

  /** The most recent runs, newest first. */
  public synchronized List<Entry> recent(int limit) throws IOException {
    List<Entry> out = new ArrayList<>();
    try (PreparedStatement p = connection.prepareStatement("SELECT id, started_at, warehouse, sql_text, "
        + "bytes_estimated, bytes_billed, cost_usd, duration_ms, row_count, status, message FROM query_history "
        + "ORDER BY id DESC LIMIT ?")) {
      p.setInt(1, limit);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new Entry(r.getLong(1), Instant.parse(r.getString(2)), r.getString(3), r.getString(4),
              getLong(r, 5), getLong(r, 6), r.getDouble(7), r.getLong(8), r.getLong(9),
              Status.valueOf(r.getString(10)), r.getString(11)));
        }
      }
      return out;
    } catch (SQLException ex) {
      throw new IOException("cannot read the query history: " + ex.getMessage(), ex);
    }
  }

  /** Dollars billed per UTC day over the last {@code days} days (days without queries are 0), oldest first. */
  public synchronized Map<LocalDate, Double> spendPerDay(int days, LocalDate today) throws IOException {
    Map<LocalDate, Double> out = new TreeMap<>();
    for (int i = days - 1; i >= 0; i--) {
      out.put(today.minusDays(i), 0.0);
    }
    try (PreparedStatement p = connection.prepareStatement("SELECT substr(started_at, 1, 10), SUM(cost_usd) "
        + "FROM query_history WHERE started_at >= ? GROUP BY 1")) {
      p.setString(1, today.minusDays(days - 1L).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          LocalDate d = LocalDate.parse(r.getString(1));
          if (out.containsKey(d)) {
            out.put(d, r.getDouble(2));
          }
        }
      }
      return out;
    } catch (SQLException ex) {
      throw new IOException("cannot read the query history: " + ex.getMessage(), ex);
    }
  }

  private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
    if (v == null) {
      p.setNull(i, Types.INTEGER);
    } else {
      p.setLong(i, v);
    }
  }

  private static Long getLong(ResultSet r, int i) throws SQLException {
    long v = r.getLong(i);
    return r.wasNull() ? null : v;
  }
}
