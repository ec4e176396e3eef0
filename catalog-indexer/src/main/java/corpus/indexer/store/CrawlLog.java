package corpus.indexer.store;

import corpus.indexer.index.IndexSummary;
import corpus.indexer.model.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records each indexing run and the inputs it skipped, so problems can be reviewed later. */
public final class CrawlLog {

  /** One recorded run. */
  public record Crawl(long id, String finishedAt, String indexDir, String sources, long tables, long fields, long problems) {}

  private final Connection connection;

  CrawlLog(Connection connection) {
    this.connection = connection;
  }

  /** Stores a finished run with its problems; returns its id. */
  public long record(Path indexDir, List<String> sources, IndexSummary summary) throws IOException {
    try {
      boolean auto = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement p = connection.prepareStatement(
          "INSERT INTO crawl(finished_at, index_dir, sources, datasets, tables, fields, docs, problems, took_ms)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        p.setString(1, Instant.now().toString());
        p.setString(2, indexDir.toAbsolutePath().toString());
        p.setString(3, String.join(" ", sources));
        p.setLong(4, summary.datasets());
        p.setLong(5, summary.tables());
        p.setLong(6, summary.fields());
        p.setLong(7, summary.docs());
        p.setLong(8, summary.problems().size());
        p.setLong(9, summary.tookMs());
        p.executeUpdate();
        long id;
        try (ResultSet keys = p.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
        try (PreparedStatement q = connection.prepareStatement(
            "INSERT INTO crawl_problem(crawl_id, source, file, line, reason) VALUES (?, ?, ?, ?, ?)")) {
          for (Problem problem : summary.problems()) {
            q.setLong(1, id);
            q.setString(2, problem.source());
            q.setString(3, problem.file());
            q.setInt(4, problem.line());
            q.setString(5, problem.reason());
            q.addBatch();
          }
          q.executeBatch();
        }
        connection.commit();
        return id;
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new IOException("cannot record the crawl: " + e.getMessage(), e);
    }
  }

  /** The most recent runs, newest first. */
  public List<Crawl> recent(int limit) throws IOException {
    try (PreparedStatement p = connection.prepareStatement(
        "SELECT id, finished_at, index_dir, sources, tables, fields, problems FROM crawl ORDER BY id DESC LIMIT ?")) {
      p.setInt(1, limit);
      List<Crawl> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new Crawl(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }
}
