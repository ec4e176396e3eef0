package corpus.indexer.search;

import java.util.List;

/**
 * What a user asked for: the query text in Corpus's query language (free text plus filters such as
 * {@code dataset:}, {@code kind:}, quoted phrases and {@code -exclusions}), how many hits, facet
 * drill-downs chosen in the UI as {@code dimension=value} pairs, and whether to count facets (on
 * by default; a caller that shows no facets saves their counting).
 */
public record SearchRequest(String query, int limit, List<String> drillDowns, boolean facets) {

  public SearchRequest {
    query = query == null ? "" : query;
    limit = limit <= 0 ? 20 : limit;
    drillDowns = drillDowns == null ? List.of() : List.copyOf(drillDowns);
  }

  /** A request that counts facets. */
  public SearchRequest(String query, int limit, List<String> drillDowns) {
    this(query, limit, drillDowns, true);
  }

  public static SearchRequest of(String query, int limit) {
    return new SearchRequest(query, limit, List.of());
  }

  /** The same request without facet counting. */
  public SearchRequest withoutFacets() {
    return new SearchRequest(query, limit, drillDowns, false);
  }
}
