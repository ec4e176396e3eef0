package corpus.indexer.search;

import corpus.indexer.index.IndexFields;
import corpus.indexer.model.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The first page of every matching result in a sort order other than relevance (popularity, name,
 * last modified), read from doc values: each document is one result (a table carries its fields),
 * and only the page's results are loaded from stored fields. A page of tables also names their
 * best matching fields.
 */
final class SortedResults {

  private final CatalogSearch search;

  SortedResults(CatalogSearch search) {
    this.search = search;
  }

  /** One result with its sort keys: a number (larger first) or a name (A to Z), then the ranking factor. */
  private record Candidate(int doc, long number, BytesRef name, double boost) {}

  List<SearchHit> hits(IndexSearcher searcher, Query query, SearchRequest.Order order, int limit, FieldMatcher matcher,
      List<LuceneQueries.FieldRef> qualified) throws IOException {
    return search.hits(searcher, entries(searcher, query, order, limit), matcher, qualified, limit);
  }

  /** The first {@code limit} matching entities in this order. */
  List<CatalogSearch.Entry> entries(IndexSearcher searcher, Query query, SearchRequest.Order order, int limit)
      throws IOException {
    Comparator<Candidate> best = comparator(order);
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<Candidate> winners = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      winners.addAll(leafBest(leaf, weight, order, best, limit));
    }
    winners.sort(best);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<CatalogSearch.Entry> entries = new ArrayList<>();
    for (Candidate c : winners.subList(0, Math.min(limit, winners.size()))) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(c.doc(), leaves));
      int doc = c.doc() - leaf.docBase;
      SortedDocValues kinds = DocValues.getSorted(leaf.reader(), IndexFields.KIND_DV);
      BinaryDocValues ids = DocValues.getBinary(leaf.reader(), IndexFields.ID_DV);
      if (kinds.advanceExact(doc) && ids.advanceExact(doc)) {
        entries.add(new CatalogSearch.Entry(ids.binaryValue().utf8ToString(),
            kinds.lookupOrd(kinds.ordValue()).utf8ToString(), c.doc(), 0f));
      }
    }
    return entries;
  }

  private static Comparator<Candidate> comparator(SearchRequest.Order order) {
    Comparator<Candidate> primary = order == SearchRequest.Order.NAME
        ? Comparator.comparing(Candidate::name)
        : Comparator.comparingLong(Candidate::number).reversed();
    return primary.thenComparing(Comparator.comparingDouble(Candidate::boost).reversed())
        .thenComparingInt(Candidate::doc);
  }

  /** The best {@code limit} results of one segment (global doc ids). */
  private List<Candidate> leafBest(LeafReaderContext leaf, Weight weight, SearchRequest.Order order,
      Comparator<Candidate> best, int limit) throws IOException {
    Scorer scorer = weight.scorer(leaf);
    if (scorer == null) {
      return List.of();
    }
    Bits live = leaf.reader().getLiveDocs();
    SortedDocValues names = DocValues.getSorted(leaf.reader(), IndexFields.SORT_NAME);
    BinaryDocValues ids = DocValues.getBinary(leaf.reader(), IndexFields.ID_DV);
    NumericDocValues numbers = DocValues.getNumeric(leaf.reader(),
        order == SearchRequest.Order.POPULARITY ? IndexFields.POPULARITY : IndexFields.MODIFIED);
    NumericDocValues boosts = DocValues.getNumeric(leaf.reader(), IndexFields.BOOST);
    // a bounded heap whose head is the worst kept candidate
    PriorityQueue<Candidate> kept = new PriorityQueue<>(limit + 1, best.reversed());
    DocIdSetIterator it = scorer.iterator();
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      if (live != null && !live.get(doc)) {
        continue;
      }
      long number = numbers.advanceExact(doc) ? numbers.longValue() : 0;
      BytesRef name = order == SearchRequest.Order.NAME ? sortName(names, ids, doc) : new BytesRef();
      double boost = boosts.advanceExact(doc) ? Double.longBitsToDouble(boosts.longValue()) : 1.0;
      Candidate c = new Candidate(leaf.docBase + doc, number, name, boost);
      if (kept.size() < limit) {
        kept.add(c);
      } else if (best.compare(c, kept.peek()) < 0) {
        kept.poll();
        kept.add(c);
      }
    }
    return new ArrayList<>(kept);
  }

  /** A table's sort name; any other result (doc, pipeline, dataset) sorts by its id, as its card shows it. */
  private static BytesRef sortName(SortedDocValues names, BinaryDocValues ids, int doc) throws IOException {
    if (names.advanceExact(doc)) {
      return BytesRef.deepCopyOf(names.lookupOrd(names.ordValue()));
    }
    return ids.advanceExact(doc)
        ? new BytesRef(ids.binaryValue().utf8ToString().toLowerCase(Locale.ROOT)) : new BytesRef();
  }
}
