package corpus.gdpr.review;

import java.util.Locale;

/**
 * Where a field's classification stands: {@link #SUGGESTED} by Corpus, or decided by a person
 * ({@link #CONFIRMED}, {@link #REJECTED}, {@link #CHANGED}). Re-scans never move a decided field.
 */
public enum ReviewStatus {
  /** Corpus suggested a category; nobody has decided yet. */
  SUGGESTED,
  /** A reviewer agreed with the suggested category. */
  CONFIRMED,
  /** A reviewer said the suggestion is wrong: the field is not personal data. */
  REJECTED,
  /** A reviewer chose another category. */
  CHANGED;

  /** Lower-case name as in JSON output and the database, e.g. {@code confirmed}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ReviewStatus fromId(String id) {
    return valueOf(id.strip().toUpperCase(Locale.ROOT));
  }

  public boolean isDecided() {
    return this != SUGGESTED;
  }
}
