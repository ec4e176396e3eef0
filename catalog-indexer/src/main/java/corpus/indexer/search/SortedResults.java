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
 * last modified), read from doc values: each matching field stands for its table (the table
 * document heads the block of its fields), each result is counted once, and only the page's
 * results are loaded from stored fields. A page of tables also shows their best matching fields.
 */
final class SortedResults {

  private static final int MATCHED_FIELDS = 5;

  private final CatalogSearch search;
  private final TableBlocks tableBlocks;

  SortedResults(CatalogSearch search, TableBlocks tableBlocks) {
    this.search = search;
    this.tableBlocks = tableBlocks;
  }

  /** One result with its sort keys: a number (larger first) or a name (A to Z), then the ranking factor. */
  private record Candidate(int doc, long number, BytesRef name, double boost) {}

  List<SearchHit> hits(IndexSearcher searcher, Query query, SearchRequest.Order order, int limit, boolean fieldsOnly)
      throws IOException {
    Comparator<Candidate> best = comparator(order);
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<Candidate> winners = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      winners.addAll(leafBest(leaf, weight, order, best, limit, fieldsOnly));
    }
    winners.sort(best);
    List<Candidate> page = winners.subList(0, Math.min(limit, winners.size()));
    return load(searcher, query, page, fieldsOnly);
  }

  private static Comparator<Candidate> comparator(SearchRequest.Order order) {
    Comparator<Candidate> primary = order == SearchRequest.Order.NAME
        ? Comparator.comparing(Candidate::name)
        : Comparator.comparingLong(Candidate::number).reversed();
    return primary.thenComparing(Comparator.comparingDouble(Candidate::boost).reversed())
        .thenComparingInt(Candidate::doc);
  }

  /** The best {@code limit} distinct results of one segment (global doc ids). */
  private List<Candidate> leafBest(LeafReaderContext leaf, Weight weight, SearchRequest.Order order,
      Comparator<Candidate> best, int limit, boolean fieldsOnly) throws IOException {
    Scorer scorer = weight.scorer(leaf);
    if (scorer == null) {
      return List.of();
    }
    int maxDoc = leaf.reader().maxDoc();
    TableBlocks.Leaf blocks = tableBlocks.leaf(leaf.reader());
    FixedBitSet seen = new FixedBitSet(maxDoc);
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
      boolean field = blocks.isField(doc);
      int table = field ? blocks.tableOf(doc) : -1;
      int entity = field && !fieldsOnly ? table : doc;
      if (entity < 0 || seen.get(entity)) {
        continue;
      }
      seen.set(entity);
      int keyDoc = field ? table : doc; // a field sorts by its table's values
      if (keyDoc < 0) {
        continue;
      }
      long number = numbers.advanceExact(keyDoc) ? numbers.longValue() : 0;
      BytesRef name = order == SearchRequest.Order.NAME ? sortName(names, ids, keyDoc) : new BytesRef();
      double boost = boosts.advanceExact(entity) ? Double.longBitsToDouble(boosts.longValue()) : 1.0;
      Candidate c = new Candidate(leaf.docBase + entity, number, name, boost);
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

  private List<SearchHit> load(IndexSearcher searcher, Query query, List<Candidate> page, boolean fieldsOnly)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Map<String, CatalogSearch.Entry> entries = new LinkedHashMap<>();
    for (Candidate c : page) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(c.doc(), leaves));
      int doc = c.doc() - leaf.docBase;
      SortedDocValues kinds = DocValues.getSorted(leaf.reader(), IndexFields.KIND_DV);
      BinaryDocValues ids = DocValues.getBinary(leaf.reader(), IndexFields.ID_DV);
      if (!kinds.advanceExact(doc) || !ids.advanceExact(doc)) {
        continue;
      }
      String kind = kinds.lookupOrd(kinds.ordValue()).utf8ToString();
      String id = ids.binaryValue().utf8ToString();
      entries.put(id, new CatalogSearch.Entry(id, kind, c.doc(), 0f));
    }
    if (!fieldsOnly) {
      addMatchedFields(searcher, query, entries);
    }
    Map<String, Table> tablesRead = new HashMap<>();
    List<SearchHit> hits = new ArrayList<>();
    for (CatalogSearch.Entry e : entries.values()) {
      hits.add(e.kind().equals("field") ? search.fieldHit(searcher, stored, e, tablesRead)
          : e.toHit(stored.document(e.docId())));
    }
    return hits;
  }

  /** The best matching fields of the page's tables, by score, from one query restricted to them. */
  private static void addMatchedFields(IndexSearcher searcher, Query query, Map<String, CatalogSearch.Entry> entries)
      throws IOException {
    List<BytesRef> tables = entries.values().stream().filter(e -> e.kind().equals("table"))
        .map(e -> new BytesRef(e.id())).toList();
    if (tables.isEmpty()) {
      return;
    }
    Query fields = new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(new TermInSetQuery(IndexFields.TABLE, tables), Occur.FILTER)
        .add(new TermQuery(new Term(IndexFields.KIND, "field")), Occur.FILTER)
        .build();
    ScoreDoc[] top = searcher.search(fields, tables.size() * MATCHED_FIELDS * 4).scoreDocs;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (ScoreDoc sd : top) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      BinaryDocValues ids = DocValues.getBinary(leaf.reader(), IndexFields.ID_DV);
      if (!ids.advanceExact(sd.doc - leaf.docBase)) {
        continue;
      }
      String id = ids.binaryValue().utf8ToString();
      CatalogSearch.Entry table = entries.get(id.substring(0, id.indexOf(':')));
      if (table != null) {
        table.addField(id.substring(id.indexOf(':') + 1), sd.score);
      }
    }
  }
}
