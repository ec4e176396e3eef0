package corpus.app.search;

/**
 * How the result cards are ordered. Relevance is the engine's ranking; the others reorder the cards
 * the search returned (its best {@link SearchViewModel#LIMIT} matches), so popularity and last
 * modified need the tables' usage and timestamps, loaded with the page.
 */
public enum SortOrder {
  RELEVANCE("Relevance"),
  POPULARITY("Popularity"),
  NAME("Name"),
  LAST_MODIFIED("Last modified");

  private final String label;

  SortOrder(String label) {
    this.label = label;
  }

  /** The name shown in the sort menu. */
  public String label() {
    return label;
  }

  /** Whether ordering needs each table's usage and last-modified time. */
  boolean needsFacts() {
    return this == POPULARITY || this == LAST_MODIFIED;
  }

  @Override
  public String toString() {
    return label;
  }
}
