package corpus.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.CatalogJson;
import corpus.indexer.search.SearchHit;
import corpus.indexer.search.SearchRequest;
import corpus.indexer.search.SearchResponse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corpus search}: ranked search of a catalog, as text or as the JSON of DESIGN.md. */
@Command(name = "search", description = "Search a catalog (see docs/search.md for the query language).")
public final class SearchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog.")
  Path indexDir;

  @Option(names = "--limit", defaultValue = "10", description = "Hits to show (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print JSON: {query, total, tookMs, hits[...]}.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words, \"phrases\", -exclusions, filters key:value.")
  List<String> query;

  @Override
  public Integer call() throws Exception {
    String text = String.join(" ", query);
    SearchResponse response;
    try (LuceneCatalog catalog = LuceneCatalog.open(indexDir)) {
      response = catalog.search(SearchRequest.of(text, limit));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(response));
    } else {
      printText(out, response);
    }
    out.flush();
    return 0;
  }

  static String toJson(SearchResponse r) throws Exception {
    ObjectMapper mapper = CatalogJson.mapper();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("query", r.query());
    root.put("total", r.total());
    root.put("tookMs", r.tookMs());
    List<Map<String, Object>> hits = new ArrayList<>();
    for (SearchHit h : r.hits()) {
      Map<String, Object> hit = new LinkedHashMap<>();
      hit.put("kind", h.kind());
      hit.put("id", h.id());
      if (h.table() != null) {
        hit.put("table", h.table());
      }
      hit.put("score", Math.round(h.score() * 1000) / 1000.0);
      hit.put("snippet", h.snippet());
      hit.put("title", h.title());
      hit.put("matchedFields", h.matchedFields());
      hit.put("badges", h.badges());
      hits.add(hit);
    }
    root.put("hits", hits);
    if (r.didYouMean() != null) {
      root.put("didYouMean", r.didYouMean());
    }
    root.put("facets", r.facets());
    return mapper.writeValueAsString(root);
  }

  private static void printText(PrintWriter out, SearchResponse r) {
    out.printf(Locale.ROOT, "%,d matches in %d ms%n", r.total(), r.tookMs());
    if (r.didYouMean() != null) {
      out.println("did you mean: " + r.didYouMean());
    }
    int i = 0;
    for (SearchHit h : r.hits()) {
      out.printf(Locale.ROOT, "%2d. %-7s %s%s%n", ++i, h.kind(), h.kind().equals("doc") ? h.title() : h.id(),
          h.badges().isEmpty() ? "" : "  [" + String.join(", ", h.badges()) + "]");
      if (!h.snippet().isEmpty()) {
        out.println("             " + h.snippet());
      }
      if (!h.matchedFields().isEmpty()) {
        out.println("             fields: " + String.join(", ", h.matchedFields()));
      }
    }
  }
}
