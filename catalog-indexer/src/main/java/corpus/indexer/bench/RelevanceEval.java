package corpus.indexer.bench;

import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.search.SearchHit;
import corpus.indexer.search.SearchRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures ranking quality on a labelled set of natural queries: mean reciprocal rank of the
 * expected table in the top 10, and the share of queries with it in the top 3.
 */
public final class RelevanceEval {

  /** The evaluation set of the embedded sample warehouse (query, tab, expected table ids). */
  public static final String SAMPLE_SET = "/corpus/indexer/bench/sample-eval.tsv";

  /** One labelled query: any of {@code expected} counts as the right answer. */
  public record Case(String query, List<String> expected) {}

  /** One query's outcome: the rank of the first expected table (0 = not in the top 10). */
  public record Outcome(Case query, int rank, List<String> top) {}

  /** The figures of one run. */
  public record Result(double mrrAt10, double recallAt3, List<Outcome> outcomes) {
    public List<Outcome> misses() {
      return outcomes.stream().filter(o -> o.rank() == 0 || o.rank() > 3).toList();
    }
  }

  /** Ranks table ids for a query. */
  @FunctionalInterface
  public interface Ranker {
    List<String> rank(String query) throws Exception;
  }

  private RelevanceEval() {}

  /** Reads a set: one case per line, {@code query<TAB>table[|table...]}, {@code #} comments. */
  public static List<Case> load(String resource) throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = RelevanceEval.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no evaluation set " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        if (parts.length < 2) {
          throw new IOException("evaluation line without a tab: " + line);
        }
        cases.add(new Case(parts[0].strip(), List.of(parts[1].strip().split("\\|"))));
      }
    }
    return cases;
  }

  public static Result run(List<Case> cases, Ranker ranker) throws Exception {
    double rr = 0;
    int top3 = 0;
    List<Outcome> outcomes = new ArrayList<>();
    for (Case c : cases) {
      List<String> top = ranker.rank(c.query());
      int rank = 0;
      for (int i = 0; i < Math.min(10, top.size()); i++) {
        if (c.expected().contains(top.get(i))) {
          rank = i + 1;
          break;
        }
      }
      if (rank > 0) {
        rr += 1.0 / rank;
      }
      if (rank > 0 && rank <= 3) {
        top3++;
      }
      outcomes.add(new Outcome(c, rank, top.subList(0, Math.min(5, top.size()))));
    }
    return new Result(rr / cases.size(), (double) top3 / cases.size(), outcomes);
  }

  /** Corpus's own ranking: table ids in the order of the hits (a field hit stands for its table). */
  public static Ranker corpus(CatalogReader catalog) {
    return query -> {
      Set<String> tables = new LinkedHashSet<>();
      for (SearchHit hit : catalog.search(SearchRequest.of(query, 20)).hits()) {
        if (hit.kind().equals("table")) {
          tables.add(hit.id());
        } else if (hit.kind().equals("field")) {
          tables.add(hit.table());
        }
      }
      return new ArrayList<>(tables);
    };
  }
}
