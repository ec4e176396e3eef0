package corpus.indexer.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog's own history in the SQLite database, kept as a slowly changing dimension of type 2
 * (table {@code catalog_version}: valid_from, valid_to, is_current, is_deleted per entity).
 * {@link #record} compares a crawl's entities with the current versions and writes only what
 * changed, in one transaction; {@link #versions} reads an entity's timeline.
 *
 * <pre>{@code
 * try (CorpusDatabase db = CorpusDatabase.open(home.database())) {
 *   CatalogHistory history = new CatalogHistory(db.connection());
 *   history.record(catalogKey, states, Instant.now(), crawlId);
 *   List<EntityVersion> versions = history.versions(catalogKey, "p.d.t");
 * }
 * }</pre>
 */
public final class CatalogHistory {

  /** valid_to of the open version, as stored. */
  static final String OPEN = "9999-12-31T00:00:00Z";

  /** What one recording did. */
  public record Outcome(int added, int changed, int removed, int unchanged) {}

  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

  private final Connection connection;
  private final ObjectMapper json = new ObjectMapper();

  public CatalogHistory(Connection connection) {
    this.connection = connection;
  }

  /** The key of a catalog in the history: its index folder, absolute and normalised. */
  public static String catalogKey(java.nio.file.Path indexDir) {
    return indexDir.toAbsolutePath().normalize().toString();
  }

  /**
   * Records the state of every entity a crawl saw at {@code at}: new entities and changed ones get
   * a new current version, vanished ones a deleted version, unchanged ones nothing.
   */
  public Outcome record(String catalog, Map<String, EntityState> entities, Instant at, Long crawlId) throws IOException {
    try {
      boolean auto = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        Instant when = after(catalog, at);
        Map<String, Current> current = current(catalog);
        int added = 0;
        int changed = 0;
        int removed = 0;
        int unchanged = 0;
        for (Map.Entry<String, EntityState> e : entities.entrySet()) {
          Current c = current.get(e.getKey());
          String hash = e.getValue().hash();
          if (c != null && !c.deleted && c.hash.equals(hash)) {
            unchanged++;
            continue;
          }
          if (c == null) {
            added++;
          } else {
            changed++;
            close(c.id, when);
          }
          insert(catalog, e.getKey(), e.getValue(), when, crawlId, false);
        }
        for (Map.Entry<String, Current> e : current.entrySet()) {
          Current c = e.getValue();
          if (!entities.containsKey(e.getKey()) && !c.deleted) {
            removed++;
            close(c.id, when);
            insert(catalog, e.getKey(), state(c.kind, c.content), when, crawlId, true);
          }
        }
        connection.commit();
        return new Outcome(added, changed, removed, unchanged);
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new IOException("cannot record the catalog history: " + e.getMessage(), e);
    }
  }

  private record Current(long id, String kind, String hash, String content, boolean deleted) {}

  private Map<String, Current> current(String catalog) throws SQLException {
    Map<String, Current> out = new HashMap<>();
    try (PreparedStatement p = connection.prepareStatement(
        "SELECT id, entity, kind, content_hash, content, is_deleted FROM catalog_version WHERE catalog = ? AND is_current = 1")) {
      p.setString(1, catalog);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(2), new Current(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getInt(6) == 1));
        }
      }
    }
    return out;
  }

  /** {@code at}, or just after the latest recorded time, so versions of a catalog never share a start. */
  private Instant after(String catalog, Instant at) throws SQLException {
    try (PreparedStatement p = connection.prepareStatement("SELECT MAX(valid_from) FROM catalog_version WHERE catalog = ?")) {
      p.setString(1, catalog);
      try (ResultSet rs = p.executeQuery()) {
        String last = rs.next() ? rs.getString(1) : null;
        if (last != null && !Instant.parse(last).isBefore(at)) {
          return Instant.parse(last).plusMillis(1);
        }
      }
    }
    return at;
  }

  private void close(long id, Instant when) throws SQLException {
    try (PreparedStatement p = connection.prepareStatement(
        "UPDATE catalog_version SET valid_to = ?, is_current = 0 WHERE id = ?")) {
      p.setString(1, when.toString());
      p.setLong(2, id);
      p.executeUpdate();
    }
  }

  private void insert(String catalog, String entity, EntityState state, Instant when, Long crawlId, boolean deleted)
      throws SQLException, IOException {
    try (PreparedStatement p = connection.prepareStatement(
        "INSERT INTO catalog_version(catalog, entity, kind, valid_from, valid_to, is_current, is_deleted, crawl_id,"
            + " content, content_hash) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")) {
      p.setString(1, catalog);
      p.setString(2, entity);
      p.setString(3, state.kind());
      p.setString(4, when.toString());
      p.setString(5, OPEN);
      p.setInt(6, deleted ? 1 : 0);
      if (crawlId == null) {
        p.setNull(7, java.sql.Types.INTEGER);
      } else {
        p.setLong(7, crawlId);
      }
      p.setString(8, content(state));
      p.setString(9, deleted ? "deleted:" + state.hash() : state.hash());
      p.executeUpdate();
    }
  }

  /** Every version of an entity, oldest first (empty when the history never saw it). */
  public List<EntityVersion> versions(String catalog, String entity) throws IOException {
    try (PreparedStatement p = connection.prepareStatement(
        "SELECT valid_from, valid_to, is_current, is_deleted, crawl_id, kind, content FROM catalog_version"
            + " WHERE catalog = ? AND entity = ? ORDER BY valid_from, id")) {
      p.setString(1, catalog);
      p.setString(2, entity);
      List<EntityVersion> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String to = rs.getString(2);
          long crawl = rs.getLong(5);
          Long crawlId = rs.wasNull() ? null : crawl;
          out.add(new EntityVersion(out.size() + 1, entity, Instant.parse(rs.getString(1)),
              OPEN.equals(to) ? null : Instant.parse(to), rs.getInt(3) == 1, rs.getInt(4) == 1, crawlId,
              state(rs.getString(6), rs.getString(7))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IOException("cannot read the history of " + entity + ": " + e.getMessage(), e);
    }
  }

  private String content(EntityState state) throws IOException {
    try {
      return json.writeValueAsString(state.properties());
    } catch (JsonProcessingException e) {
      throw new IOException(e);
    }
  }

  private EntityState state(String kind, String content) throws IOException {
    return new EntityState(kind, json.readValue(content, MAP));
  }
}
