package corpus.indexer.search;

import java.util.List;

/**
 * What a user asked for: the query text in Corpus's query language (free text plus filters such as
 * {@code dataset:}, {@code kind:}, quoted phrases and {@code -exclusions}), how many hits, facet
 * drill-downs chosen in the UI as {@code dimension=value} pairs, whether to count facets (on by
 * default; a caller that shows no facets saves their counting), and the order of the hits.
 */
public record SearchRequest(String query, int limit, List<String> drillDowns, boolean facets, Order order) {

  /**
   * The order of the hits. {@link #RELEVANCE} ranks by the query; the others sort every matching
   * result (not only the best matches) by a value of the table: how often it was queried (most
   * first), its name (A to Z) or its last modification (newest first).
   */
  public enum Order {
    RELEVANCE,
    POPULARITY,
    NAME,
    LAST_MODIFIED
  }

  public SearchRequest {
    query = query == null ? "" : query;
    limit = limit <= 0 ? 20 : limit;
    drillDowns = drillDowns == null ? List.of() : List.copyOf(drillDowns);
    order = order == null ? Order.RELEVANCE : order;
  }

  /** A request in relevance order. */
  public SearchRequest(String query, int limit, List<String> drillDowns, boolean facets) {
    this(query, limit, drillDowns, facets, Order.RELEVANCE);
  }

  /** A request in relevance order that counts facets. */
  public SearchRequest(String query, int limit, List<String> drillDowns) {
    this(query, limit, drillDowns, true);
  }

  /** The same request with hits in this order. */
  public SearchRequest withOrder(Order order) {
    return new SearchRequest(query, limit, drillDowns, facets, order);
  }

  public static SearchRequest of(String query, int limit) {
    return new SearchRequest(query, limit, List.of());
  }

  /** The same request without facet counting. */
  public SearchRequest withoutFacets() {
    return new SearchRequest(query, limit, drillDowns, false, order);
  }
}
