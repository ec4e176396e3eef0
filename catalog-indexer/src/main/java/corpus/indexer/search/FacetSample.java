package corpus.indexer.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Counts matches and facet values (with drill-sideways semantics) by visiting at most a fixed
 * number of matching documents, so a query matching a million fields costs no more than one
 * matching ten thousand.
 *
 * <p>Each index segment is cut into slices along the document order, and each slice contributes
 * its first matches up to an equal share of the budget. A slice whose matches all fit is counted
 * exactly; otherwise its counts are scaled by how far into the slice the budget reached. When every
 * slice fits, counts and total are exact and {@link Result#approximate()} is false.
 *
 * <p>Drill-sideways: a document counts for every dimension when it matches all chosen drill-downs;
 * a document that misses exactly one drilled dimension counts for that dimension only, so the
 * chosen dimension keeps its siblings' counts. {@link Result#total()} counts the results that
 * match every drill-down.
 *
 * <p>Counts are of results, not documents: a table and its matching fields (which follow the table
 * document in index order) count once, as the one table result they roll up to, with the union of
 * their values (a table counts once under each type of its matching fields).
 */
final class FacetSample {

  /** Matching documents visited at most per search. */
  static final int BUDGET = 4_000;
  /** Slices of the whole index (spread over segments by size). */
  static final int SLICES = 16;

  /** Counts per dimension and value, best first, and the number of matches. */
  record Result(long total, boolean approximate, Map<String, Map<String, Long>> facets) {}

  private final FacetsConfig config;
  private final TableBlocks tableBlocks;
  private final String indexField;

  FacetSample(FacetsConfig config, TableBlocks tableBlocks) {
    this.config = config;
    this.tableBlocks = tableBlocks;
    this.indexField = config.getDimConfig(CatalogSearch.FACET_DIMS.get(0)).indexFieldName;
  }

  /**
   * Counts the matches of {@code query} restricted by {@code drillDowns} (dimension to chosen
   * values), reporting the top {@code topValues} values of each dimension in {@code dims}.
   */
  Result count(IndexSearcher searcher, Query query, Map<String, Set<String>> drillDowns, List<String> dims,
      int topValues) throws IOException {
    return count(searcher, query, drillDowns, dims, topValues, true);
  }

  /** As above; {@code perTable} false counts every matching document on its own (fields listed as fields). */
  Result count(IndexSearcher searcher, Query query, Map<String, Set<String>> drillDowns, List<String> dims,
      int topValues, boolean perTable) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    long maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
    List<String> drilled = new ArrayList<>(drillDowns.keySet());
    double total = 0;
    boolean approximate = false;
    Map<String, Double> counts = new HashMap<>();
    int[] ordBuffer = new int[1024];
    for (LeafReaderContext leaf : leaves) {
      int leafMax = leaf.reader().maxDoc();
      if (leafMax == 0) {
        continue;
      }
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      DocIdSetIterator it = scorer.iterator();
      Bits live = leaf.reader().getLiveDocs();
      SortedSetDocValues ords = leaf.reader().getSortedSetDocValues(indexField);
      TableBlocks.Leaf blocks = perTable ? tableBlocks.leaf(leaf.reader()) : null;
      long[][] dimRanges = dimRanges(ords, dims);
      long[][] chosen = chosenOrds(ords, drilled, drillDowns);
      int[] drilledDim = drilledDims(dims, drilled);
      int slices = (int) Math.max(1, Math.round((double) SLICES * leafMax / maxDoc));
      int perSlice = (int) Math.max(16, (long) BUDGET * leafMax / maxDoc / slices);
      double[] leafCounts = ords == null ? null : new double[(int) ords.getValueCount()];
      int entity = -1;
      boolean inEntity = false;
      boolean previousComplete = false;
      boolean entityMatched = false;
      int entityStart = 0;
      int buffered = 0;
      for (int s = 0; s < slices; s++) {
        int from = (int) ((long) leafMax * s / slices);
        int to = (int) ((long) leafMax * (s + 1) / slices);
        int doc = it.docID() >= from ? it.docID() : it.advance(from);
        int seen = 0;
        int matched = 0;
        if (inEntity && previousComplete) {
          // a table whose documents straddle the slice border: what the previous slice counted for it
          // stays in the buffer, marked as counted already, so its further documents add only new values
          int carried = buffered - entityStart;
          System.arraycopy(ordBuffer, entityStart, ordBuffer, 0, carried);
          for (int i = 0; i < carried; i++) {
            ordBuffer[i] = ordBuffer[i] >= 0 ? -ordBuffer[i] - 2 : ordBuffer[i];
          }
          entityStart = 0;
          buffered = carried;
        } else {
          inEntity = false;
          entityMatched = false;
          entityStart = 0;
          buffered = 0;
        }
        while (doc < to && seen < perSlice) {
          if (live == null || live.get(doc)) {
            boolean sameEntity = false;
            int result = blocks == null ? -1 : blocks.result(doc);
            if (result >= 0) {
              sameEntity = inEntity && entity == result;
              if (!sameEntity) {
                entity = result;
                inEntity = true;
                entityMatched = false;
                entityStart = buffered;
              }
            } else {
              inEntity = false;
              entityMatched = false;
              entityStart = buffered;
            }
            seen++;
            int missedDim = -1;
            int misses = 0;
            int start = buffered;
            if (ords != null && ords.advanceExact(doc)) {
              int n = ords.docValueCount();
              if (buffered + n + 1 > ordBuffer.length) {
                ordBuffer = java.util.Arrays.copyOf(ordBuffer, Math.max(ordBuffer.length * 2, buffered + n + 1));
              }
              for (int i = 0; i < n; i++) {
                ordBuffer[buffered++] = (int) ords.nextOrd();
              }
            }
            for (int d = 0; d < drilled.size(); d++) {
              if (!containsAny(ordBuffer, start, buffered, chosen[d])) {
                misses++;
                missedDim = d;
              }
            }
            if (misses == 0) {
              if (!entityMatched) {
                matched++;
                entityMatched = true;
              }
            } else if (misses == 1 && drilledDim[missedDim] >= 0) {
              long[] range = dimRanges[drilledDim[missedDim]];
              int kept = start;
              for (int i = start; i < buffered; i++) {
                if (ordBuffer[i] >= range[0] && ordBuffer[i] < range[1]) {
                  ordBuffer[kept++] = ordBuffer[i];
                }
              }
              buffered = kept;
            } else {
              buffered = start;
            }
            if (sameEntity) { // the entity's values count once: drop those an earlier document of it had
              int kept = start;
              for (int i = start; i < buffered; i++) {
                if (!contains(ordBuffer, entityStart, start, ordBuffer[i])) {
                  ordBuffer[kept++] = ordBuffer[i];
                }
              }
              buffered = kept;
            }
          }
          doc = it.nextDoc();
        }
        double scale = 1.0;
        previousComplete = doc >= to;
        if (doc < to) { // the budget ran out inside the slice: extrapolate from the part visited
          approximate = true;
          scale = (double) (to - from) / Math.max(1, doc - from);
        }
        total += matched * scale;
        if (leafCounts != null) {
          for (int i = 0; i < buffered; i++) {
            if (ordBuffer[i] >= 0) {
              leafCounts[ordBuffer[i]] += scale;
            }
          }
        }
      }
      if (leafCounts != null) {
        for (int ord = 0; ord < leafCounts.length; ord++) {
          if (leafCounts[ord] > 0) {
            counts.merge(ords.lookupOrd(ord).utf8ToString(), leafCounts[ord], Double::sum);
          }
        }
      }
    }
    return new Result(Math.round(total), approximate, top(counts, dims, topValues));
  }

  private static boolean contains(int[] buffer, int from, int to, int wanted) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == wanted || buffer[i] == -wanted - 2) { // negative: counted by an earlier slice
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(int[] buffer, int from, int to, long[] wanted) {
    for (int i = from; i < to; i++) {
      for (long w : wanted) {
        if (buffer[i] == w) {
          return true;
        }
      }
    }
    return false;
  }

  /** For each dimension, the segment's ordinal range [from, to) of its values. */
  private static long[][] dimRanges(SortedSetDocValues ords, List<String> dims) throws IOException {
    long[][] ranges = new long[dims.size()][];
    for (int d = 0; d < dims.size(); d++) {
      ranges[d] = new long[] {0, 0};
      if (ords == null) {
        continue;
      }
      TermsEnum terms = ords.termsEnum();
      String prefix = dims.get(d) + FacetsConfig.DELIM_CHAR;
      if (terms.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
        continue;
      }
      long from = terms.ord();
      String next = dims.get(d) + (char) (FacetsConfig.DELIM_CHAR + 1);
      long to = terms.seekCeil(new BytesRef(next)) == TermsEnum.SeekStatus.END ? ords.getValueCount() : terms.ord();
      ranges[d] = new long[] {from, to};
    }
    return ranges;
  }

  private static long[][] chosenOrds(SortedSetDocValues ords, List<String> drilled, Map<String, Set<String>> values)
      throws IOException {
    long[][] chosen = new long[drilled.size()][];
    for (int d = 0; d < drilled.size(); d++) {
      List<Long> found = new ArrayList<>();
      if (ords != null) {
        for (String v : values.get(drilled.get(d))) {
          long ord = ords.lookupTerm(new BytesRef(FacetsConfig.pathToString(drilled.get(d), v)));
          if (ord >= 0) {
            found.add(ord);
          }
        }
      }
      chosen[d] = found.stream().mapToLong(Long::longValue).toArray();
    }
    return chosen;
  }

  private static int[] drilledDims(List<String> dims, List<String> drilled) {
    int[] out = new int[drilled.size()];
    for (int d = 0; d < drilled.size(); d++) {
      out[d] = dims.indexOf(drilled.get(d));
    }
    return out;
  }

  private static Map<String, Map<String, Long>> top(Map<String, Double> counts, List<String> dims, int topValues) {
    Map<String, List<Map.Entry<String, Double>>> byDim = new HashMap<>();
    for (Map.Entry<String, Double> e : counts.entrySet()) {
      String[] path = FacetsConfig.stringToPath(e.getKey());
      if (path.length == 2) {
        byDim.computeIfAbsent(path[0], k -> new ArrayList<>()).add(Map.entry(path[1], e.getValue()));
      }
    }
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (String dim : dims) {
      List<Map.Entry<String, Double>> values = byDim.get(dim);
      if (values == null) {
        continue;
      }
      values.sort(Comparator.comparing((Map.Entry<String, Double> e) -> e.getValue()).reversed()
          .thenComparing(Map.Entry::getKey));
      Map<String, Long> top = new LinkedHashMap<>();
      for (Map.Entry<String, Double> e : values.subList(0, Math.min(topValues, values.size()))) {
        top.put(e.getKey(), Math.max(1, Math.round(e.getValue())));
      }
      out.put(dim, top);
    }
    return out;
  }
}
