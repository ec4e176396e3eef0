package corpus.gdpr.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.gdpr.audit.AuditEntry;
import corpus.gdpr.audit.AuditLog;
import corpus.gdpr.detect.ConfidenceModel;
import corpus.gdpr.detect.Suggestion;
import corpus.gdpr.propagate.ColumnRef;
import corpus.gdpr.propagate.SourceLabel;
import corpus.gdpr.taxonomy.Taxonomy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review workflow over SQLite: suggestions from scans, decisions by people, comments, and an
 * audit entry in {@link AuditLog} for every decision, in the same transaction.
 *
 * <pre>{@code
 * try (ReviewStore store = ReviewStore.open("jdbc:sqlite:" + db, Reviewer.configuredOrOsUser(null),
 *     Taxonomy.defaults(), Clock.systemUTC())) {
 *   store.applyScan(scanResult.suggestions());       // never overrides a decision
 *   store.confirm(FieldKey.of("p.crm.users", "email"), "checked with the CRM owner");
 *   List<ReviewItem> next = store.queue(ReviewFilter.pending().page(50, 0));
 * }
 * }</pre>
 *
 * <p>A re-scan updates suggestions only. When it suggests something other than both the decided
 * category and the suggestion the reviewer saw, with at least {@link ConfidenceModel#THRESHOLD}
 * confidence, the decision is flagged {@code needs_rereview} (and the flag is audited); only a new
 * decision clears it.
 */
public final class ReviewStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReviewStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final String ITEM_COLUMNS = "table_id, field_path, status, suggested_category, suggested_info_type,"
      + " confidence, evidence, scanned_at, decided_category, decided_by, decided_at, decision_basis,"
      + " needs_rereview, rereview_reason";

  private final Connection connection;
  private final boolean owned;
  private final Reviewer reviewer;
  private final Taxonomy taxonomy;
  private final Clock clock;
  private final AuditLog audit;

  /** Works on {@code connection}, which stays the caller's to close. */
  public ReviewStore(Connection connection, Reviewer reviewer, Taxonomy taxonomy, Clock clock) throws SQLException {
    this(connection, false, reviewer, taxonomy, clock);
  }

  private ReviewStore(Connection connection, boolean owned, Reviewer reviewer, Taxonomy taxonomy, Clock clock)
      throws SQLException {
    this.connection = connection;
    this.owned = owned;
    this.reviewer = reviewer;
    this.taxonomy = taxonomy;
    this.clock = clock;
    createSchema();
    this.audit = new AuditLog(connection);
  }

  /** Opens its own connection to {@code jdbcUrl} (e.g. {@code jdbc:sqlite:/home/a/.corpus/corpus.db}). */
  public static ReviewStore open(String jdbcUrl, Reviewer reviewer, Taxonomy taxonomy, Clock clock) throws SQLException {
    Connection c = DriverManager.getConnection(jdbcUrl);
    try {
      return new ReviewStore(c, true, reviewer, taxonomy, clock);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private void createSchema() throws SQLException {
    try (Statement st = connection.createStatement()) {
      if (connection.getAutoCommit()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA busy_timeout=5000");
      }
      st.execute("""
          CREATE TABLE IF NOT EXISTS gdpr_field (
            table_id TEXT NOT NULL,
            field_path TEXT NOT NULL,
            status TEXT NOT NULL,
            suggested_category TEXT NOT NULL,
            suggested_info_type TEXT NOT NULL,
            confidence REAL NOT NULL,
            evidence TEXT NOT NULL,
            scanned_at TEXT NOT NULL,
            taxonomy_version TEXT,
            decided_category TEXT,
            decided_by TEXT,
            decided_at TEXT,
            decision_basis TEXT,
            needs_rereview INTEGER NOT NULL DEFAULT 0,
            rereview_reason TEXT,
            PRIMARY KEY (table_id, field_path))""");
      st.execute("CREATE INDEX IF NOT EXISTS gdpr_field_queue ON gdpr_field (status, needs_rereview, confidence)");
      st.execute("""
          CREATE TABLE IF NOT EXISTS gdpr_comment (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            table_id TEXT NOT NULL,
            field_path TEXT NOT NULL,
            author TEXT NOT NULL,
            created_at TEXT NOT NULL,
            text TEXT NOT NULL)""");
    }
  }

  public AuditLog auditLog() {
    return audit;
  }

  public Reviewer reviewer() {
    return reviewer;
  }

  // ---- scans --------------------------------------------------------------------------------

  /** Records a scan's suggestions; decisions stay, contradicted ones are flagged for re-review. */
  public ScanOutcome applyScan(Collection<Suggestion> suggestions) throws SQLException {
    String now = now();
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    List<FieldKey> flagged = new ArrayList<>();
    boolean auto = begin();
    try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO gdpr_field (table_id, field_path, status, suggested_category, suggested_info_type,"
                + " confidence, evidence, scanned_at, taxonomy_version) VALUES (?, ?, 'suggested', ?, ?, ?, ?, ?, ?)");
        PreparedStatement update = connection.prepareStatement(
            "UPDATE gdpr_field SET suggested_category = ?, suggested_info_type = ?, confidence = ?, evidence = ?,"
                + " scanned_at = ?, taxonomy_version = ? WHERE table_id = ? AND field_path = ?")) {
      for (Suggestion s : suggestions) {
        FieldKey key = FieldKey.of(s.table(), s.field());
        Optional<ReviewItem> existing = item(key);
        String evidence = json(s.evidence());
        if (existing.isEmpty()) {
          insert.setString(1, s.table());
          insert.setString(2, s.field());
          insert.setString(3, s.category());
          insert.setString(4, s.infoType());
          insert.setDouble(5, s.confidence());
          insert.setString(6, evidence);
          insert.setString(7, now);
          insert.setString(8, taxonomy.version());
          insert.addBatch();
          added++;
          continue;
        }
        ReviewItem old = existing.get();
        boolean same = old.suggestedCategory().equals(s.category()) && old.suggestedInfoType().equals(s.infoType())
            && Math.abs(old.confidence() - s.confidence()) < 1e-9 && old.evidence().equals(s.evidence());
        if (same) {
          unchanged++;
        } else {
          updated++;
        }
        update.setString(1, s.category());
        update.setString(2, s.infoType());
        update.setDouble(3, s.confidence());
        update.setString(4, evidence);
        update.setString(5, now);
        update.setString(6, taxonomy.version());
        update.setString(7, s.table());
        update.setString(8, s.field());
        update.executeUpdate();
        if (flagIfContradicted(old, s, now)) {
          flagged.add(key);
        }
      }
      insert.executeBatch();
      commit(auto);
    } catch (SQLException | RuntimeException e) {
      rollback(auto);
      throw e;
    }
    LOG.info("GDPR scan applied: {} added, {} updated, {} unchanged, {} flagged for re-review",
        added, updated, unchanged, flagged.size());
    return new ScanOutcome(added, updated, unchanged, flagged);
  }

  private boolean flagIfContradicted(ReviewItem old, Suggestion s, String now) throws SQLException {
    if (!old.status().isDecided() || s.confidence() < ConfidenceModel.THRESHOLD
        || s.category().equals(old.decidedCategory()) || s.category().equals(old.decisionBasis())) {
      return false;
    }
    if (old.needsReReview() && old.reReviewReason() != null
        && old.reReviewReason().startsWith(reReviewPrefix(s))) {
      return false;
    }
    String reason = reReviewPrefix(s) + String.format(Locale.ROOT,
        " (%.2f); %s as %s by %s at %s when Corpus suggested %s", s.confidence(), old.status().id(),
        old.decidedCategory(), old.decidedBy(), old.decidedAt(), old.decisionBasis());
    try (PreparedStatement ps = connection.prepareStatement(
        "UPDATE gdpr_field SET needs_rereview = 1, rereview_reason = ? WHERE table_id = ? AND field_path = ?")) {
      ps.setString(1, reason);
      ps.setString(2, old.key().table());
      ps.setString(3, old.key().field());
      ps.executeUpdate();
    }
    audit.append(draft("FLAG_REREVIEW", old.key(), old.status(), old.status(), old.decidedCategory(),
        s.category(), reason, now));
    return true;
  }

  private static String reReviewPrefix(Suggestion s) {
    return "new scan suggests " + s.category();
  }

  // ---- decisions ----------------------------------------------------------------------------

  /** Agrees with the current suggestion. */
  public ReviewItem confirm(FieldKey key, String reason) throws SQLException {
    return decideAll(List.of(key), Decision.CONFIRM, null, reason).getFirst();
  }

  /** Says the suggestion is wrong: the field is not personal data. */
  public ReviewItem reject(FieldKey key, String reason) throws SQLException {
    return decideAll(List.of(key), Decision.REJECT, null, reason).getFirst();
  }

  /** Sets another category (the same as suggested counts as a confirmation). */
  public ReviewItem change(FieldKey key, String category, String reason) throws SQLException {
    return decideAll(List.of(key), Decision.CHANGE, category, reason).getFirst();
  }

  /** Withdraws the decision: the field is back to its suggestion. */
  public ReviewItem reopen(FieldKey key, String reason) throws SQLException {
    return decideAll(List.of(key), Decision.REOPEN, null, reason).getFirst();
  }

  public List<ReviewItem> confirmAll(Collection<FieldKey> keys, String reason) throws SQLException {
    return decideAll(keys, Decision.CONFIRM, null, reason);
  }

  public List<ReviewItem> rejectAll(Collection<FieldKey> keys, String reason) throws SQLException {
    return decideAll(keys, Decision.REJECT, null, reason);
  }

  public List<ReviewItem> changeAll(Collection<FieldKey> keys, String category, String reason) throws SQLException {
    return decideAll(keys, Decision.CHANGE, category, reason);
  }

  private enum Decision { CONFIRM, REJECT, CHANGE, REOPEN }

  /** One transaction for the whole selection: all decisions and audit entries, or none. */
  private List<ReviewItem> decideAll(Collection<FieldKey> keys, Decision decision, String category, String reason)
      throws SQLException {
    if (decision == Decision.CHANGE) {
      taxonomy.require(category);
    }
    String now = now();
    List<ReviewItem> out = new ArrayList<>();
    boolean auto = begin();
    try {
      for (FieldKey key : keys) {
        ReviewItem old = item(key).orElseThrow(() -> new IllegalArgumentException(
            "no GDPR suggestion for " + key + ": scan it first"));
        ReviewStatus to;
        String toCategory;
        switch (decision) {
          case CONFIRM -> {
            to = ReviewStatus.CONFIRMED;
            toCategory = old.suggestedCategory();
          }
          case REJECT -> {
            to = ReviewStatus.REJECTED;
            toCategory = Taxonomy.NOT_PERSONAL;
          }
          case CHANGE -> {
            to = category.equals(old.suggestedCategory()) ? ReviewStatus.CONFIRMED : ReviewStatus.CHANGED;
            toCategory = category;
          }
          default -> {
            to = ReviewStatus.SUGGESTED;
            toCategory = null;
          }
        }
        try (PreparedStatement ps = connection.prepareStatement(
            "UPDATE gdpr_field SET status = ?, decided_category = ?, decided_by = ?, decided_at = ?,"
                + " decision_basis = ?, needs_rereview = 0, rereview_reason = NULL"
                + " WHERE table_id = ? AND field_path = ?")) {
          boolean decided = to.isDecided();
          ps.setString(1, to.id());
          ps.setString(2, toCategory);
          ps.setString(3, decided ? reviewer.name() : null);
          ps.setString(4, decided ? now : null);
          ps.setString(5, decided ? old.suggestedCategory() : null);
          ps.setString(6, key.table());
          ps.setString(7, key.field());
          ps.executeUpdate();
        }
        audit.append(draft(decision.name(), key, old.status(), to, old.effectiveCategory(),
            to.isDecided() ? toCategory : old.suggestedCategory(), reason, now));
        out.add(item(key).orElseThrow());
      }
      commit(auto);
    } catch (SQLException | RuntimeException e) {
      rollback(auto);
      throw e;
    }
    return out;
  }

  // ---- comments -----------------------------------------------------------------------------

  /** Adds a comment (audited as {@code COMMENT}). Do not paste personal data into comments. */
  public Comment comment(FieldKey key, String text) throws SQLException {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a comment needs text");
    }
    String now = now();
    boolean auto = begin();
    try {
      ReviewItem item = item(key).orElseThrow(() -> new IllegalArgumentException("no GDPR suggestion for " + key));
      try (PreparedStatement ps = connection.prepareStatement(
          "INSERT INTO gdpr_comment (table_id, field_path, author, created_at, text) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, key.table());
        ps.setString(2, key.field());
        ps.setString(3, reviewer.name());
        ps.setString(4, now);
        ps.setString(5, text);
        ps.executeUpdate();
      }
      audit.append(draft("COMMENT", key, item.status(), item.status(), item.effectiveCategory(),
          item.effectiveCategory(), text, now));
      commit(auto);
    } catch (SQLException | RuntimeException e) {
      rollback(auto);
      throw e;
    }
    return new Comment(key, reviewer.name(), now, text);
  }

  public List<Comment> comments(FieldKey key) throws SQLException {
    List<Comment> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT author, created_at, text FROM gdpr_comment WHERE table_id = ? AND field_path = ? ORDER BY id")) {
      ps.setString(1, key.table());
      ps.setString(2, key.field());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Comment(key, rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return out;
  }

  /** Who did what to this field, oldest first. */
  public List<AuditEntry> history(FieldKey key) throws SQLException {
    return audit.entries(key.table(), key.field());
  }

  // ---- reading ------------------------------------------------------------------------------

  public Optional<ReviewItem> item(FieldKey key) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT " + ITEM_COLUMNS + " FROM gdpr_field WHERE table_id = ? AND field_path = ?")) {
      ps.setString(1, key.table());
      ps.setString(2, key.field());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  /** Items matching {@code filter}: flagged first, then by confidence (highest first), table, field. */
  public List<ReviewItem> queue(ReviewFilter filter) throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql = "SELECT " + ITEM_COLUMNS + " FROM gdpr_field" + where(filter, params)
        + " ORDER BY needs_rereview DESC, confidence DESC, table_id, field_path"
        + (filter.limit() > 0 ? " LIMIT " + filter.limit() + " OFFSET " + Math.max(0, filter.offset()) : "");
    List<ReviewItem> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(row(rs));
      }
    }
    return out;
  }

  /** How many items match {@code filter} (ignoring its page). */
  public int count(ReviewFilter filter) throws SQLException {
    List<Object> params = new ArrayList<>();
    try (PreparedStatement ps = prepare("SELECT COUNT(*) FROM gdpr_field" + where(filter, params), params);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Human decisions as lineage sources for {@link corpus.gdpr.scan.GdprScanner}. */
  public Map<ColumnRef, SourceLabel> decisionsAsLabels() throws SQLException {
    Map<ColumnRef, SourceLabel> out = new LinkedHashMap<>();
    for (ReviewItem i : queue(ReviewFilter.all().withStatuses(
        java.util.Set.of(ReviewStatus.CONFIRMED, ReviewStatus.CHANGED, ReviewStatus.REJECTED)))) {
      out.put(ColumnRef.of(i.key().table(), i.key().field()),
          SourceLabel.decided(i.decidedCategory(), i.status().id() + " by " + i.decidedBy()));
    }
    return out;
  }

  private static String where(ReviewFilter f, List<Object> params) {
    List<String> clauses = new ArrayList<>();
    if (f.datasetPrefix() != null && !f.datasetPrefix().isBlank()) {
      clauses.add("(table_id = ? OR substr(table_id, 1, ?) = ?)");
      String prefix = f.datasetPrefix().endsWith(".") ? f.datasetPrefix() : f.datasetPrefix() + ".";
      params.add(f.datasetPrefix());
      params.add(prefix.length());
      params.add(prefix);
    }
    String effective = "(CASE WHEN status = 'suggested' THEN suggested_category ELSE decided_category END)";
    if (!f.categories().isEmpty()) {
      clauses.add(effective + " IN (" + String.join(", ", f.categories().stream().map(c -> "?").toList()) + ")");
      params.addAll(f.categories().stream().sorted().toList());
    }
    if (f.minConfidence() > 0) {
      clauses.add("confidence >= ?");
      params.add(f.minConfidence());
    }
    if (!f.statuses().isEmpty()) {
      clauses.add("status IN (" + String.join(", ", f.statuses().stream().map(c -> "?").toList()) + ")");
      params.addAll(f.statuses().stream().map(ReviewStatus::id).sorted().toList());
    }
    if (f.needsReReview() != null) {
      clauses.add("needs_rereview = ?");
      params.add(f.needsReReview() ? 1 : 0);
    }
    if (f.personalOnly()) {
      clauses.add(effective + " <> ?");
      params.add(Taxonomy.NOT_PERSONAL);
    }
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
    return ps;
  }

  private static ReviewItem row(ResultSet rs) throws SQLException {
    return new ReviewItem(FieldKey.of(rs.getString(1), rs.getString(2)), ReviewStatus.fromId(rs.getString(3)),
        rs.getString(4), rs.getString(5), rs.getDouble(6), strings(rs.getString(7)), rs.getString(8),
        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getInt(13) == 1, rs.getString(14));
  }

  // ---- plumbing -----------------------------------------------------------------------------

  private AuditEntry draft(String action, FieldKey key, ReviewStatus from, ReviewStatus to, String fromCategory,
      String toCategory, String reason, String now) {
    return new AuditEntry(0, now, reviewer.name(), action, key.table(), key.field(), from.id(), to.id(),
        fromCategory, toCategory, reason, null, null);
  }

  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  private boolean begin() throws SQLException {
    boolean auto = connection.getAutoCommit();
    if (auto) {
      connection.setAutoCommit(false);
    }
    return auto;
  }

  private void commit(boolean auto) throws SQLException {
    if (auto) {
      connection.commit();
      connection.setAutoCommit(true);
    }
  }

  private void rollback(boolean auto) throws SQLException {
    if (auto) {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  private static String json(List<String> strings) {
    try {
      return JSON.writeValueAsString(strings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise evidence", e);
    }
  }

  private static List<String> strings(String json) {
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt evidence in gdpr_field", e);
    }
  }

  @Override
  public void close() throws SQLException {
    if (owned) {
      connection.close();
    }
  }
}
