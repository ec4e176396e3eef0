package corpus.indexer.scd;

/**
 * The health checks of an SCD type 2 table, each a bounded warehouse query that returns the
 * offending entities (their count and a few example keys). {@link #id()} is the name in JSON.
 */
public enum ScdCheck {
  DUPLICATE_VERSIONS("duplicate_versions", Severity.ERROR,
      "Entities with two versions starting at the same moment: (key, valid_from) is not unique."),
  INVALID_INTERVAL("invalid_interval", Severity.ERROR,
      "Versions whose valid_from is missing or not before valid_to."),
  OVERLAPS("overlaps", Severity.ERROR,
      "Entities with a version that starts before the previous one ends: two versions valid at once."),
  GAPS("gaps", Severity.ERROR,
      "Entities with a hole between one version's valid_to and the next version's valid_from."),
  ZERO_CURRENT("zero_current", Severity.ERROR,
      "Entities without a current version."),
  SEVERAL_CURRENT("several_current", Severity.ERROR,
      "Entities with more than one current version."),
  CURRENT_MISMATCH("current_mismatch", Severity.ERROR,
      "Versions whose is_current flag disagrees with valid_to (current but closed, or open but not current)."),
  SENTINEL("inconsistent_sentinel", Severity.WARNING,
      "Open versions that use a different far-future valid_to than the rest of the table (e.g. 9999-12-31 beside 2060-01-01, or NULL)."),
  DELETED("deleted_entities", Severity.INFO,
      "Entities whose history ends in a deletion (an is_deleted version, or no open version).");

  /** How much a finding matters. */
  public enum Severity {
    ERROR,
    WARNING,
    INFO;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final String id;
  private final Severity severity;
  private final String meaning;

  ScdCheck(String id, Severity severity, String meaning) {
    this.id = id;
    this.severity = severity;
    this.meaning = meaning;
  }

  public String id() {
    return id;
  }

  /** The severity of a finding of this check (gaps depend on the table's declared policy). */
  public Severity severity() {
    return severity;
  }

  /** One sentence on what the check finds. */
  public String meaning() {
    return meaning;
  }
}
