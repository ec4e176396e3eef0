package corpus.indexer.scd;

/**
 * Whether a table allows holes between an entity's versions, as its description, labels or design
 * document declare: only {@link #NOT_ALLOWED} makes the gap check a finding.
 */
public enum GapPolicy {
  /** Declared: an entity may be absent for a while (a track taken down and re-released). */
  ALLOWED,
  /** Declared: each version must end exactly where the next begins. */
  NOT_ALLOWED,
  /** Nobody said; gaps are reported for information only. */
  UNDECLARED;

  /** Lower-case words for people and JSON. */
  public String words() {
    return switch (this) {
      case ALLOWED -> "allowed";
      case NOT_ALLOWED -> "not allowed";
      case UNDECLARED -> "not declared";
    };
  }
}
