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
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Counts matches and facet values (with drill-sideways semantics) by visiting at most a fixed
 * number of matching documents, so a query matching every table costs no more than one matching a
 * few thousand.
 *
 * <p>Each index segment is cut into slices along the document order, and each slice contributes
 * its first matches up to an equal share of the budget. A slice whose matches all fit is counted
 * exactly; otherwise its counts are scaled by how far into the slice the budget reached. When every
 * slice fits, counts and total are exact and {@link Result#approximate()} is false.
 *
 * <p>Drill-sideways: a document counts for every dimension when it matches all chosen drill-downs;
 * a document that misses exactly one drilled dimension counts for that dimension only, so the
 * chosen dimension keeps its siblings' counts. {@link Result#total()} counts the results that
 * match every drill-down. Every document is one result: a table carries its fields (a table counts
 * once under each type of its fields).
 */
final class FacetSample {

  /** Matching documents visited at most per search. */
  static final int BUDGET = 2_000;
  /** Slices of the whole index (spread over segments by size). */
  static final int SLICES = 16;

  /** Counts per dimension and value, best first, and the number of matches. */
  record Result(long total, boolean approximate, Map<String, Map<String, Long>> facets) {}

  private final String indexField;
  /** The facet values of the last reader searched, numbered across its segments. */
  private volatile Values values;

  FacetSample(FacetsConfig config) {
    this.indexField = config.getDimConfig(CatalogSearch.FACET_DIMS.get(0)).indexFieldName;
  }

  /**
   * Every facet value of one reader with a global number (the order of the {@code dim/value}
   * terms) and each number's dimension and value; and, once built, each document's values as
   * global numbers in one array per segment ({@code starts[doc]} to {@code starts[doc + 1]} in
   * {@code ords}), so counting a match is a walk along an array instead of decoding doc values.
   * The arrays (a few megabytes for 100,000 tables) are built in the background after the first
   * search of a reader, which reads the doc values instead: a newly opened catalog answers at once.
   */
  private record Facet(int dim, String label) {}

  private static final class Values {
    final IndexReader.CacheKey key;
    final OrdinalMap map;
    final IndexReader reader;
    final String field;
    /**
     * The dimension and value of each number, read on first use (a search touches few of them);
     * immutable, so searches racing to fill one see either nothing or all of it.
     */
    private final Facet[] facets;
    volatile int[][] starts;
    volatile int[][] ords;
    private final java.util.concurrent.atomic.AtomicBoolean arraysStarted = new java.util.concurrent.atomic.AtomicBoolean();

    private Values(IndexReader.CacheKey key, OrdinalMap map, IndexReader reader, String field) {
      this.key = key;
      this.map = map;
      this.reader = reader;
      this.field = field;
      this.facets = new Facet[(int) map.getValueCount()];
    }

    static Values of(IndexReader reader, String field) throws IOException {
      List<LeafReaderContext> leaves = reader.leaves();
      SortedSetDocValues[] perLeaf = new SortedSetDocValues[leaves.size()];
      for (int i = 0; i < perLeaf.length; i++) {
        perLeaf[i] = DocValues.getSortedSet(leaves.get(i).reader(), field);
      }
      IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
      OrdinalMap map = OrdinalMap.build(helper == null ? null : helper.getKey(), perLeaf, PackedInts.DEFAULT);
      return new Values(helper == null ? null : helper.getKey(), map, reader, field);
    }

    /** The dimension (index in {@link CatalogSearch#FACET_DIMS}, -1 for none) of a number. */
    int dim(int ord) throws IOException {
      return facet(ord).dim();
    }

    String label(int ord) throws IOException {
      return facet(ord).label();
    }

    private Facet facet(int ord) throws IOException {
      Facet known = facets[ord];
      if (known == null) {
        int segment = map.getFirstSegmentNumber(ord);
        SortedSetDocValues values = DocValues.getSortedSet(reader.leaves().get(segment).reader(), field);
        String[] parts = FacetsConfig.stringToPath(values.lookupOrd(map.getFirstSegmentOrd(ord)).utf8ToString());
        known = parts.length == 2 ? new Facet(CatalogSearch.FACET_DIMS.indexOf(parts[0]), parts[1]) : new Facet(-1, "");
        facets[ord] = known;
      }
      return known;
    }

    /** The number of a {@code dim/value} path, or -1 when no document has it. */
    int ordOf(String path) throws IOException {
      org.apache.lucene.util.BytesRef term = new org.apache.lucene.util.BytesRef(path);
      List<LeafReaderContext> leaves = reader.leaves();
      for (int li = 0; li < leaves.size(); li++) {
        long segmentOrd = DocValues.getSortedSet(leaves.get(li).reader(), field).lookupTerm(term);
        if (segmentOrd >= 0) {
          return (int) map.getGlobalOrds(li).get(segmentOrd);
        }
      }
      return -1;
    }

    int size() {
      return facets.length;
    }

    /** Builds the per-document arrays on a background thread, once. */
    void buildArrays(IndexReader reader, String field) {
      if (!arraysStarted.compareAndSet(false, true)) {
        return;
      }
      Thread.ofPlatform().daemon().name("corpus-facet-values").start(() -> {
        try {
          buildArraysNow(reader, field);
        } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
          // the reader was closed or replaced meanwhile: searches keep reading doc values
        }
      });
    }

    private void buildArraysNow(IndexReader reader, String field) throws IOException {
      List<LeafReaderContext> leaves = reader.leaves();
      int[][] allStarts = new int[leaves.size()][];
      int[][] allOrds = new int[leaves.size()][];
      for (int li = 0; li < leaves.size(); li++) {
        LongValues global = map.getGlobalOrds(li);
        int maxDoc = leaves.get(li).reader().maxDoc();
        int[] start = new int[maxDoc + 1];
        int[] values = new int[Math.max(16, maxDoc * 8)];
        int n = 0;
        SortedSetDocValues docValues = DocValues.getSortedSet(leaves.get(li).reader(), field);
        int doc = 0;
        for (int next = docValues.nextDoc(); next != DocIdSetIterator.NO_MORE_DOCS; next = docValues.nextDoc()) {
          while (doc <= next) {
            start[doc++] = n;
          }
          int count = docValues.docValueCount();
          if (n + count > values.length) {
            values = java.util.Arrays.copyOf(values, Math.max(n + count, values.length * 2));
          }
          for (int i = 0; i < count; i++) {
            values[n++] = (int) global.get(docValues.nextOrd());
          }
        }
        while (doc <= maxDoc) {
          start[doc++] = n;
        }
        allStarts[li] = start;
        allOrds[li] = java.util.Arrays.copyOf(values, n);
      }
      ords = allOrds;
      starts = allStarts;
    }
  }

  private Values values(IndexReader reader) throws IOException {
    Values v = values;
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (v == null || helper == null || v.key != helper.getKey()) {
      v = Values.of(reader, indexField);
      values = v;
    }
    return v;
  }

  /** Reads one document's facet values as global numbers into a buffer, returning how many. */
  private interface DocOrds {
    int read(int doc, int[][] buffer) throws IOException;
  }

  private static DocOrds docOrds(Values all, LeafReaderContext leaf, int li, String field) throws IOException {
    int[][] starts = all.starts;
    int[][] ords = all.ords;
    if (starts != null && ords != null) {
      int[] start = starts[li];
      int[] values = ords[li];
      return (doc, buffer) -> {
        int n = start[doc + 1] - start[doc];
        if (n > buffer[0].length) {
          buffer[0] = new int[Math.max(n, buffer[0].length * 2)];
        }
        System.arraycopy(values, start[doc], buffer[0], 0, n);
        return n;
      };
    }
    SortedSetDocValues docValues = DocValues.getSortedSet(leaf.reader(), field);
    LongValues global = all.map.getGlobalOrds(li);
    return (doc, buffer) -> {
      if (!docValues.advanceExact(doc)) {
        return 0;
      }
      int n = docValues.docValueCount();
      if (n > buffer[0].length) {
        buffer[0] = new int[Math.max(n, buffer[0].length * 2)];
      }
      for (int i = 0; i < n; i++) {
        buffer[0][i] = (int) global.get(docValues.nextOrd());
      }
      return n;
    };
  }

  /**
   * Counts the matches of {@code query} restricted by {@code drillDowns} (dimension to chosen
   * values), reporting the top {@code topValues} values of each dimension in {@code dims}.
   */
  Result count(IndexSearcher searcher, Query query, Map<String, Set<String>> drillDowns, List<String> dims,
      int topValues) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    IndexReader reader = searcher.getIndexReader();
    Values all = values(reader);
    List<LeafReaderContext> leaves = reader.leaves();
    long maxDoc = Math.max(1, reader.maxDoc());
    List<String> drilled = new ArrayList<>(drillDowns.keySet());
    int[] drilledDim = new int[drilled.size()];
    int[][] chosen = new int[drilled.size()][];
    for (int d = 0; d < drilled.size(); d++) {
      String dim = drilled.get(d);
      drilledDim[d] = CatalogSearch.FACET_DIMS.indexOf(dim);
      int[] ords = new int[drillDowns.get(dim).size()];
      int n = 0;
      for (String value : drillDowns.get(dim)) {
        int ord = all.ordOf(FacetsConfig.pathToString(dim, value));
        if (ord >= 0) {
          ords[n++] = ord;
        }
      }
      chosen[d] = java.util.Arrays.copyOf(ords, n);
    }
    double total = 0;
    boolean approximate = false;
    double[] counts = new double[all.size()];
    int[] sliceCounts = new int[all.size()];
    boolean[] counted = new boolean[all.size()];
    int[] touched = new int[64];
    int touchedTotal = 0;
    int[] sliceTouched = new int[64];
    int[][] buffer = {new int[64]};
    for (int li = 0; li < leaves.size(); li++) {
      LeafReaderContext leaf = leaves.get(li);
      int leafMax = leaf.reader().maxDoc();
      Scorer scorer = leafMax == 0 ? null : weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      DocIdSetIterator it = scorer.iterator();
      Bits live = leaf.reader().getLiveDocs();
      DocOrds docOrds = docOrds(all, leaf, li, indexField);
      int slices = (int) Math.max(1, Math.round((double) SLICES * leafMax / maxDoc));
      int perSlice = (int) Math.max(16, (long) BUDGET * leafMax / maxDoc / slices);
      for (int s = 0; s < slices; s++) {
        int from = (int) ((long) leafMax * s / slices);
        int to = (int) ((long) leafMax * (s + 1) / slices);
        int doc = it.docID() >= from ? it.docID() : it.advance(from);
        int seen = 0;
        int matched = 0;
        int sliceTouchedCount = 0;
        while (doc < to && seen < perSlice) {
          if (live == null || live.get(doc)) {
            seen++;
            int end = docOrds.read(doc, buffer);
            int[] ords = buffer[0];
            int onlyDim = -1; // the one dimension a document missing one drill-down counts for
            int misses = 0;
            for (int d = 0; d < chosen.length; d++) {
              if (!containsAny(ords, 0, end, chosen[d])) {
                misses++;
                onlyDim = drilledDim[d];
              }
            }
            if (misses == 0) {
              matched++;
            }
            for (int i = 0; i < end && misses <= 1; i++) {
              int ord = ords[i];
              if ((misses == 0 || all.dim(ord) == onlyDim) && sliceCounts[ord]++ == 0) {
                if (sliceTouchedCount == sliceTouched.length) {
                  sliceTouched = java.util.Arrays.copyOf(sliceTouched, sliceTouchedCount * 2);
                }
                sliceTouched[sliceTouchedCount++] = ord;
              }
            }
          }
          doc = it.nextDoc();
        }
        double scale = 1.0;
        if (doc < to) { // the budget ran out inside the slice: extrapolate from the part visited
          approximate = true;
          scale = (double) (to - from) / Math.max(1, doc - from);
        }
        total += matched * scale;
        for (int i = 0; i < sliceTouchedCount; i++) {
          int ord = sliceTouched[i];
          counts[ord] += sliceCounts[ord] * scale;
          sliceCounts[ord] = 0;
          if (!counted[ord]) {
            counted[ord] = true;
            if (touchedTotal == touched.length) {
              touched = java.util.Arrays.copyOf(touched, touchedTotal * 2);
            }
            touched[touchedTotal++] = ord;
          }
        }
      }
    }
    all.buildArrays(reader, indexField); // for the next searches of this reader
    return new Result(Math.round(total), approximate, top(all, counts, touched, touchedTotal, dims, topValues));
  }

  private static boolean containsAny(int[] buffer, int from, int to, int[] wanted) {
    for (int i = from; i < to; i++) {
      for (int w : wanted) {
        if (buffer[i] == w) {
          return true;
        }
      }
    }
    return false;
  }

  private static Map<String, Map<String, Long>> top(Values all, double[] counts, int[] touched, int touchedCount,
      List<String> dims, int topValues) throws IOException {
    int[][] byDim = new int[CatalogSearch.FACET_DIMS.size()][];
    int[] sizes = new int[byDim.length];
    for (int i = 0; i < touchedCount; i++) {
      int dim = all.dim(touched[i]);
      if (dim >= 0) {
        if (byDim[dim] == null) {
          byDim[dim] = new int[16];
        } else if (sizes[dim] == byDim[dim].length) {
          byDim[dim] = java.util.Arrays.copyOf(byDim[dim], sizes[dim] * 2);
        }
        byDim[dim][sizes[dim]++] = touched[i];
      }
    }
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (String dim : dims) {
      int d = CatalogSearch.FACET_DIMS.indexOf(dim);
      if (d < 0 || byDim[d] == null) {
        continue;
      }
      // best first; ties in value order (the global ords follow the values' order)
      long[] keyed = new long[sizes[d]];
      for (int i = 0; i < keyed.length; i++) {
        int ord = byDim[d][i];
        keyed[i] = (-Math.max(1, Math.round(counts[ord])) << 32) | ord;
      }
      java.util.Arrays.sort(keyed);
      Map<String, Long> top = new LinkedHashMap<>();
      for (int i = 0; i < Math.min(topValues, keyed.length); i++) {
        int ord = (int) keyed[i];
        top.put(all.label(ord), Math.max(1, Math.round(counts[ord])));
      }
      out.put(dim, top);
    }
    return out;
  }
}
