package corpus.indexer.search;

import java.util.List;

/**
 * What a user asked for: the query text in Corpus's query language (free text plus filters such as
 * {@code dataset:}, {@code kind:}, quoted phrases and {@code -exclusions}), how many hits, and
 * facet drill-downs chosen in the UI as {@code dimension=value} pairs.
 */
public record SearchRequest(String query, int limit, List<String> drillDowns) {

  public SearchRequest {
    query = query == null ? "" : query;
    limit = limit <= 0 ? 20 : limit;
    drillDowns = drillDowns == null ? List.of() : List.copyOf(drillDowns);
  }

  public static SearchRequest of(String query, int limit) {
    return new SearchRequest(query, limit, List.of());
  }
}
