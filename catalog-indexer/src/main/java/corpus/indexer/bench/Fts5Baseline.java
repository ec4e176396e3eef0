package corpus.indexer.bench;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Field;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableUsage;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The baseline Corpus is measured against: the same tables and fields in a SQLite FTS5 table,
 * ranked by FTS5's bm25 with names weighted over descriptions, any word matching.
 */
public final class Fts5Baseline implements AutoCloseable {

  private final Connection connection;
  private final PreparedStatement query;

  private Fts5Baseline(Connection connection) throws SQLException {
    this.connection = connection;
    this.query = connection.prepareStatement(
        "SELECT kind, id, tbl FROM entity WHERE entity MATCH ? ORDER BY bm25(entity, 0, 0, 0, 10.0, 5.0, 1.0) LIMIT ?");
  }

  /** Builds the FTS5 table from the sources into a new database file. */
  public static Fts5Baseline build(Path file, List<CatalogSource> sources) throws Exception {
    Files.deleteIfExists(file);
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=OFF");
      s.execute("PRAGMA synchronous=OFF");
      s.execute("CREATE VIRTUAL TABLE entity USING fts5(kind UNINDEXED, id UNINDEXED, tbl UNINDEXED, name, path, description,"
          + " tokenize = \"unicode61 separators '_.'\")");
    }
    c.setAutoCommit(false);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO entity VALUES (?, ?, ?, ?, ?, ?)")) {
      CatalogSink sink = new CatalogSink() {
        @Override public void dataset(Dataset dataset) {}
        @Override public void doc(Doc doc) {}
        @Override public void usage(TableUsage usage) {}
        @Override public void problem(Problem problem) {}

        @Override
        public void table(Table t) {
          try {
            String id = t.id().toString();
            row(insert, "table", id, id, t.id().table(), t.id().dataset() + " " + t.id().table(), t.description());
            for (Field.Flat f : t.flatFields()) {
              row(insert, "field", id + ":" + f.path(), id, f.field().name(), f.path(), f.field().description());
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }
      };
      for (CatalogSource source : sources) {
        source.crawl(sink, ProgressListener.NONE);
      }
      insert.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
    return new Fts5Baseline(c);
  }

  private static void row(PreparedStatement p, String kind, String id, String table, String name, String path, String desc)
      throws SQLException {
    p.setString(1, kind);
    p.setString(2, id);
    p.setString(3, table);
    p.setString(4, name);
    p.setString(5, path);
    p.setString(6, desc == null ? "" : desc);
    p.addBatch();
  }

  /** Table ids ranked for the query's words (field hits count for their table). */
  public List<String> search(String text, int limit) throws SQLException {
    List<String> words = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isBlank()) {
        words.add("\"" + w + "\"");
      }
    }
    Set<String> tables = new LinkedHashSet<>();
    if (words.isEmpty()) {
      return List.of();
    }
    query.setString(1, String.join(" OR ", words));
    query.setInt(2, limit * 10);
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next() && tables.size() < limit) {
        tables.add(rs.getString(3));
      }
    }
    return new ArrayList<>(tables);
  }

  /** Size of the database file in bytes. */
  public long sizeBytes(Path file) throws IOException {
    return Files.size(file);
  }

  @Override
  public void close() throws SQLException {
    query.close();
    connection.close();
  }
}
