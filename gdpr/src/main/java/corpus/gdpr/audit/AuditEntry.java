package corpus.gdpr.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One row of the append-only audit log: who did what to which field, from which state and
 * category to which, why, and the hash chain that makes later edits detectable.
 *
 * @param id position in the log, 1, 2, 3, … without gaps
 * @param timestamp UTC instant in ISO-8601, e.g. {@code 2026-11-22T10:15:30.123Z}
 * @param actor OS user or configured reviewer name
 * @param action what happened, e.g. {@code CONFIRM}, {@code REJECT}, {@code CHANGE}, {@code
 *     COMMENT}, {@code FLAG_REREVIEW}, {@code REOPEN}
 * @param table table id, or {@code null} for log-wide entries
 * @param field field path, or {@code null}
 * @param fromState state before, or {@code null}
 * @param toState state after, or {@code null}
 * @param fromCategory category before, or {@code null}
 * @param toCategory category after, or {@code null}
 * @param reason the reviewer's reason or comment, or {@code null}
 * @param prevHash hash of the previous entry; 64 zeros for the first
 * @param hash SHA-256 (hex) of {@link #canonical()} followed by {@code prevHash}
 */
public record AuditEntry(
    long id,
    String timestamp,
    String actor,
    String action,
    String table,
    String field,
    String fromState,
    String toState,
    String fromCategory,
    String toCategory,
    String reason,
    String prevHash,
    String hash) {

  /** The {@code prevHash} of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  /** Version tag at the start of every canonical serialization. */
  public static final String FORMAT = "corpus-audit-v1";

  /**
   * The canonical serialization hashed into {@link #hash()}: the format tag, then every field but
   * the hashes in declaration order, each as {@code <UTF-8 byte length>:<value>\n}, with {@code
   * -\n} for null. Length prefixes make the encoding unambiguous whatever a reason contains.
   */
  public String canonical() {
    StringBuilder sb = new StringBuilder(FORMAT).append('\n');
    append(sb, Long.toString(id));
    append(sb, timestamp);
    append(sb, actor);
    append(sb, action);
    append(sb, table);
    append(sb, field);
    append(sb, fromState);
    append(sb, toState);
    append(sb, fromCategory);
    append(sb, toCategory);
    append(sb, reason);
    return sb.toString();
  }

  /** The hash this entry should carry given its content and {@link #prevHash()}. */
  public String computeHash() {
    return sha256(canonical() + prevHash);
  }

  /** This entry with {@code prevHash} set and {@code hash} computed. */
  public AuditEntry chainedTo(String previousHash) {
    AuditEntry e = new AuditEntry(id, timestamp, actor, action, table, field, fromState, toState,
        fromCategory, toCategory, reason, previousHash, null);
    return new AuditEntry(id, timestamp, actor, action, table, field, fromState, toState,
        fromCategory, toCategory, reason, previousHash, e.computeHash());
  }

  private static void append(StringBuilder sb, String value) {
    if (value == null) {
      sb.append("-\n");
    } else {
      sb.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
    }
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
