package corpus.app.search;

import corpus.indexer.search.SearchRequest;

/**
 * How the result cards are ordered. Relevance is the engine's ranking; the others are sorts the
 * engine applies to every matching result (not only the best matches) from doc values. Popularity
 * and last modified also load each card's usage and timestamp, which the card shows.
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

  /** The engine's order for this choice. */
  SearchRequest.Order engineOrder() {
    return switch (this) {
      case RELEVANCE -> SearchRequest.Order.RELEVANCE;
      case POPULARITY -> SearchRequest.Order.POPULARITY;
      case NAME -> SearchRequest.Order.NAME;
      case LAST_MODIFIED -> SearchRequest.Order.LAST_MODIFIED;
    };
  }

  /** Whether the cards show each table's usage and last-modified time. */
  boolean needsFacts() {
    return this == POPULARITY || this == LAST_MODIFIED;
  }

  @Override
  public String toString() {
    return label;
  }
}
