package corpus.indexer.search;

import java.util.List;
import java.util.Map;

/**
 * Ranked hits for a {@link SearchRequest}: {@code total} is how many entities matched, {@code
 * tookMs} the time the search itself took, {@code facets} the counts per dimension and value.
 * When a query matches very many documents, total and facet counts are estimated from a sample of
 * the matches and {@code approximate} is true ("about 120,000").
 */
public record SearchResponse(
    String query,
    long total,
    long tookMs,
    List<SearchHit> hits,
    Map<String, Map<String, Long>> facets,
    String didYouMean,
    boolean approximate) {

  public SearchResponse {
    hits = hits == null ? List.of() : List.copyOf(hits);
    facets = facets == null ? Map.of() : facets;
  }

  /** An exact response. */
  public SearchResponse(String query, long total, long tookMs, List<SearchHit> hits,
      Map<String, Map<String, Long>> facets, String didYouMean) {
    this(query, total, tookMs, hits, facets, didYouMean, false);
  }
}
