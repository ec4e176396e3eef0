package corpus.indexer.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Counts, for a few candidate documents, how many of the query's words each one matches, so that
 * an entity matching all the words ranks above one matching a single word strongly (the "coord"
 * factor that BM25 sums lack). The factor is explainable: "matched 3 of 4 words".
 */
final class WordCoverage {

  private final List<Weight> words = new ArrayList<>();
  private final IndexSearcher searcher;

  WordCoverage(IndexSearcher searcher, List<Query> wordQueries) throws IOException {
    // a few candidates are looked up: caching each word's matches of the whole index would cost more
    this.searcher = new IndexSearcher(searcher.getIndexReader());
    this.searcher.setQueryCache(null);
    for (Query q : wordQueries) {
      words.add(this.searcher.createWeight(this.searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f));
    }
  }

  int wordCount() {
    return words.size();
  }

  /** For each doc id (any order), how many words it matches. */
  int[] matched(int[] docs) throws IOException {
    int[] counts = new int[docs.length];
    if (words.size() <= 1) {
      java.util.Arrays.fill(counts, words.size());
      return counts;
    }
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (Weight word : words) {
      int leafIndex = -1;
      DocIdSetIterator it = null;
      for (Integer i : order) {
        int doc = docs[i];
        if (doc < 0) {
          continue;
        }
        int li = ReaderUtil.subIndex(doc, leaves);
        LeafReaderContext leaf = leaves.get(li);
        if (li != leafIndex) {
          leafIndex = li;
          Scorer scorer = word.scorer(leaf);
          it = scorer == null ? null : scorer.iterator();
        }
        if (it == null) {
          continue;
        }
        int target = doc - leaf.docBase;
        int at = it.docID() >= target ? it.docID() : it.advance(target);
        if (at == target) {
          counts[i]++;
        }
      }
    }
    return counts;
  }

  /** The factor applied to a score: 1 when every word matches, lower the fewer match. */
  static double factor(int matched, int words) {
    if (words <= 1) {
      return 1.0;
    }
    double share = (1.0 + matched) / (1.0 + words);
    return share * share;
  }
}
