package corpus.app.search;

import java.time.Instant;

/**
 * What a table card needs to sort by popularity or age: how often the table was queried, by how
 * many people, and when it last changed ({@code null} when the catalog does not know).
 */
public record CardFacts(long queryCount, long distinctUsers, Instant lastModified) {

  /** A table nobody has queried and whose age is unknown. */
  public static final CardFacts NONE = new CardFacts(0, 0, null);
}
