package corpus.gdpr.propagate;

/**
 * What is known about a column before propagation: its category, how sure that is, and whether
 * a person decided it (a decision stops labels flowing in from upstream: the reviewer's word
 * wins, and a column decided not personal passes nothing on).
 *
 * @param category category id
 * @param confidence 1 for human decisions, the suggestion's confidence otherwise
 * @param decided whether a reviewer confirmed, changed or rejected it
 * @param origin how the label came about, for evidence ("confirmed by alice", "suggested")
 */
public record SourceLabel(String category, double confidence, boolean decided, String origin) {

  public static SourceLabel suggested(String category, double confidence) {
    return new SourceLabel(category, confidence, false, "suggested");
  }

  public static SourceLabel decided(String category, String origin) {
    return new SourceLabel(category, 1.0, true, origin);
  }
}
