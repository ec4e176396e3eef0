package corpus.indexer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The SQLite database of everything people decide and of the catalog's own history, opened in
 * WAL mode with its schema brought up to date by numbered migrations.
 *
 * <p>Migrations are SQL resources {@code corpus/indexer/store/V{n}__name.sql} applied in order,
 * each in its own transaction, and recorded in {@code schema_version}; a database written by a
 * newer Corpus is refused rather than damaged.
 *
 * <pre>{@code
 * try (CorpusDatabase db = CorpusDatabase.open(home.database())) { db.crawls().record(...); }
 * }</pre>
 */
public final class CorpusDatabase implements AutoCloseable {

  /** The migrations in order; add new ones at the end, never edit a released one. */
  static final List<String> MIGRATIONS = List.of("V1__crawls.sql", "V2__catalog_history.sql",
      "V3__query_history.sql");

  private final Connection connection;

  private CorpusDatabase(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating when needed) the database file and applies pending migrations. */
  public static CorpusDatabase open(Path file) throws IOException {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=5000");
      }
      CorpusDatabase db = new CorpusDatabase(c);
      db.migrate();
      return db;
    } catch (SQLException e) {
      throw new IOException("cannot open the Corpus database " + file + ": " + e.getMessage(), e);
    }
  }

  /** The JDBC connection, for stores of other modules (GDPR review, tours) that add their tables. */
  public Connection connection() {
    return connection;
  }

  public CrawlLog crawls() {
    return new CrawlLog(connection);
  }

  /** The highest migration applied. */
  public int schemaVersion() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      return rs.getInt(1);
    }
  }

  private void migrate() throws SQLException, IOException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    }
    int current = schemaVersion();
    if (current > MIGRATIONS.size()) {
      throw new IOException("the database has schema version " + current
          + ", newer than this Corpus understands (" + MIGRATIONS.size() + "); upgrade Corpus");
    }
    for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
      String name = MIGRATIONS.get(v - 1);
      String sql = resource(name);
      boolean auto = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement s = connection.createStatement()) {
        for (String statement : sql.split(";\\s*\\n")) {
          if (!statement.isBlank()) {
            s.execute(statement);
          }
        }
        try (PreparedStatement p = connection.prepareStatement(
            "INSERT INTO schema_version(version, name, applied_at) VALUES (?, ?, ?)")) {
          p.setInt(1, v);
          p.setString(2, name);
          p.setString(3, Instant.now().toString());
          p.executeUpdate();
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw new SQLException("migration " + name + " failed: " + e.getMessage(), e);
      } finally {
        connection.setAutoCommit(auto);
      }
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CorpusDatabase.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing migration resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }
}
