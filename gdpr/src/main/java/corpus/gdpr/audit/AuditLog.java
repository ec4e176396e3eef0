package corpus.gdpr.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only, hash-chained audit log of GDPR decisions in SQLite table {@code gdpr_audit}.
 *
 * <p>Every entry carries the SHA-256 of its canonical serialization and of the previous entry's
 * hash ({@link AuditEntry}), so editing, deleting, inserting or reordering any row breaks the
 * chain at that row. Triggers refuse UPDATE and DELETE; {@link #verify()} does not rely on them
 * and recomputes the whole chain.
 *
 * <p>{@link #append} joins the caller's transaction: call it inside the same transaction as the
 * change it records.
 */
public final class AuditLog {

  private static final String COLUMNS =
      "id, ts, actor, action, table_id, field_path, from_state, to_state, from_category, to_category, reason, prev_hash, hash";

  private final Connection connection;

  /** Uses {@code connection} and creates the table and its triggers if missing. */
  public AuditLog(Connection connection) throws SQLException {
    this.connection = connection;
    try (Statement st = connection.createStatement()) {
      st.execute("""
          CREATE TABLE IF NOT EXISTS gdpr_audit (
            id INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            table_id TEXT,
            field_path TEXT,
            from_state TEXT,
            to_state TEXT,
            from_category TEXT,
            to_category TEXT,
            reason TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL)""");
      st.execute("""
          CREATE TRIGGER IF NOT EXISTS gdpr_audit_no_update BEFORE UPDATE ON gdpr_audit
          BEGIN SELECT RAISE(ABORT, 'gdpr_audit is append-only'); END""");
      st.execute("""
          CREATE TRIGGER IF NOT EXISTS gdpr_audit_no_delete BEFORE DELETE ON gdpr_audit
          BEGIN SELECT RAISE(ABORT, 'gdpr_audit is append-only'); END""");
      st.execute("CREATE INDEX IF NOT EXISTS gdpr_audit_field ON gdpr_audit (table_id, field_path)");
    }
  }

  /**
   * Appends an entry; {@code id}, {@code prevHash} and {@code hash} of {@code draft} are ignored
   * and assigned here.
   */
  public AuditEntry append(AuditEntry draft) throws SQLException {
    long lastId = 0;
    String lastHash = AuditEntry.GENESIS;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, hash FROM gdpr_audit ORDER BY id DESC LIMIT 1")) {
      if (rs.next()) {
        lastId = rs.getLong(1);
        lastHash = rs.getString(2);
      }
    }
    AuditEntry entry = new AuditEntry(lastId + 1, draft.timestamp(), draft.actor(), draft.action(),
        draft.table(), draft.field(), draft.fromState(), draft.toState(), draft.fromCategory(),
        draft.toCategory(), draft.reason(), null, null).chainedTo(lastHash);
    try (PreparedStatement ps = connection.prepareStatement(
        "INSERT INTO gdpr_audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, entry.id());
      ps.setString(2, entry.timestamp());
      ps.setString(3, entry.actor());
      ps.setString(4, entry.action());
      ps.setString(5, entry.table());
      ps.setString(6, entry.field());
      ps.setString(7, entry.fromState());
      ps.setString(8, entry.toState());
      ps.setString(9, entry.fromCategory());
      ps.setString(10, entry.toCategory());
      ps.setString(11, entry.reason());
      ps.setString(12, entry.prevHash());
      ps.setString(13, entry.hash());
      ps.executeUpdate();
    }
    return entry;
  }

  /** Entries about one field, oldest first. */
  public List<AuditEntry> entries(String table, String field) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM gdpr_audit WHERE table_id = ? AND field_path = ? ORDER BY id")) {
      ps.setString(1, table);
      ps.setString(2, field);
      return read(ps);
    }
  }

  /** All entries, oldest first. */
  public List<AuditEntry> entries() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM gdpr_audit ORDER BY id")) {
      return read(ps);
    }
  }

  /**
   * Recomputes the chain from the first entry: ids must run 1, 2, 3, …; each {@code prev_hash}
   * must equal the previous entry's hash; each {@code hash} must equal the SHA-256 of the entry's
   * canonical form and {@code prev_hash}. Reports the first entry where any check fails.
   */
  public AuditVerification verify() throws SQLException {
    long expectedId = 1;
    String previous = AuditEntry.GENESIS;
    long count = 0;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM gdpr_audit ORDER BY id")) {
      while (rs.next()) {
        AuditEntry e = row(rs);
        count++;
        if (e.id() != expectedId) {
          return AuditVerification.broken(count, previous, e.id(),
              "expected entry " + expectedId + " next, found " + e.id() + " (entries deleted or inserted)");
        }
        if (!previous.equals(e.prevHash())) {
          return AuditVerification.broken(count, previous, e.id(),
              "prev_hash does not match the hash of entry " + (e.id() - 1) + " (an earlier entry was replaced)");
        }
        if (!e.computeHash().equals(e.hash())) {
          return AuditVerification.broken(count, previous, e.id(),
              "content does not match its hash (the entry was edited)");
        }
        previous = e.hash();
        expectedId++;
      }
    }
    return AuditVerification.ok(count, previous);
  }

  private static List<AuditEntry> read(PreparedStatement ps) throws SQLException {
    List<AuditEntry> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(row(rs));
      }
    }
    return out;
  }

  private static AuditEntry row(ResultSet rs) throws SQLException {
    return new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
  }
}
