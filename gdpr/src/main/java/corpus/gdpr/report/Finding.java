package corpus.gdpr.report;

/**
 * A governance finding for people to act on.
 *
 * @param kind what is wrong
 * @param dataset {@code project.dataset}
 * @param table table id, or {@code null} for dataset-wide findings
 * @param field field path, or {@code null}
 * @param message one sentence that says what and why
 */
public record Finding(Kind kind, String dataset, String table, String field, String message) {

  /** Kinds of findings, most severe first. */
  public enum Kind {
    /** Art. 9 or Art. 10 data anywhere. */
    SPECIAL_CATEGORY_DATA,
    /** Personal data stored in a location outside the EU (Chapter V transfer). */
    PERSONAL_DATA_OUTSIDE_EU,
    /** Personal data in a table without table, partition or dataset expiration (Art. 5(1)(e)). */
    PERSONAL_DATA_WITHOUT_EXPIRATION,
    /** A personal-data suggestion above the confidence threshold that nobody reviewed. */
    UNREVIEWED_SUGGESTION
  }
}
