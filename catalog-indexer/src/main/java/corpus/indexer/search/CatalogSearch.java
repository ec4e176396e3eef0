package corpus.indexer.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.index.DocumentFactory;
import corpus.indexer.index.IndexFields;
import corpus.indexer.model.CatalogJson;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Runs a {@link SearchRequest} against one index searcher: builds the query, takes the top
 * documents by text score, counts facets with drill-sideways semantics over a bounded sample of the
 * matches ({@link FacetSample}), rolls field matches up to their table with the ranking factors,
 * and falls back to typo-tolerant matching when exact terms find nothing.
 */
public final class CatalogSearch {

  /** Facet dimensions reported with every search. */
  public static final List<String> FACET_DIMS = List.of(
      IndexFields.FACET_KIND, IndexFields.FACET_PROJECT, IndexFields.FACET_DATASET,
      IndexFields.FACET_TIER, IndexFields.FACET_OWNER, IndexFields.FACET_TYPE, IndexFields.FACET_LABEL,
      IndexFields.FACET_SCD_KEY);

  /** Every value of every dimension is reported (the UI's "Show all" lists them all). */
  private static final int FACET_VALUES = Integer.MAX_VALUE;
  private static final int MAX_MATCHED_FIELDS = 5;
  /** Names looked at per segment and kind when completing a prefix. */
  static final int COMPLETION_TERMS = 256;

  private final LuceneQueries queries;
  private final FacetsConfig facetsConfig = DocumentFactory.facetsConfig();
  private final DirectSpellChecker spellChecker = new DirectSpellChecker();
  private final TableBlocks tableBlocks = new TableBlocks();
  private final FacetSample facetSample = new FacetSample(facetsConfig, tableBlocks);
  private final ObjectMapper json = CatalogJson.mapper();
  private final SortedResults sortedResults = new SortedResults(this, tableBlocks);

  public CatalogSearch(Synonyms synonyms) {
    this.queries = new LuceneQueries(synonyms, tableBlocks);
  }

  /** Searches; never returns null, never throws for a malformed query (it is searched as text). */
  public SearchResponse search(IndexSearcher searcher, SearchRequest request) throws IOException {
    long start = System.nanoTime();
    QuerySyntax.Parsed parsed = QuerySyntax.parse(request.query());
    boolean fieldsOnly = parsed.filters().stream().anyMatch(f -> f.key().equals("kind") && f.value().equalsIgnoreCase("field") && !f.negated());
    List<String> qualified = qualifiedFieldIds(searcher, parsed);
    Outcome outcome = run(searcher, parsed, qualified, request, false, fieldsOnly);
    String didYouMean = null;
    if (outcome.total == 0 && parsed.hasFreeText()) {
      didYouMean = suggest(searcher, parsed);
      outcome = run(searcher, parsed, qualified, request, true, fieldsOnly);
    }
    long took = (System.nanoTime() - start) / 1_000_000;
    return new SearchResponse(request.query(), outcome.total, took, outcome.hits, outcome.facets, didYouMean,
        outcome.approximate);
  }

  private record Outcome(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets, boolean approximate) {}

  private Outcome run(IndexSearcher searcher, QuerySyntax.Parsed parsed, List<String> qualified, SearchRequest request,
      boolean fuzzy, boolean fieldsOnly) throws IOException {
    Query base = queries.build(parsed, fuzzy, qualified);
    Map<String, Set<String>> drillDowns = new LinkedHashMap<>();
    for (String dd : request.drillDowns()) {
      int eq = dd.indexOf('=');
      if (eq > 0) {
        drillDowns.computeIfAbsent(dd.substring(0, eq), k -> new LinkedHashSet<>()).add(dd.substring(eq + 1));
      }
    }
    Query drilled = base;
    if (!drillDowns.isEmpty()) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(base, Occur.MUST);
      drillDowns.forEach((dim, values) -> {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        String field = facetsConfig.getDimConfig(dim).indexFieldName;
        for (String v : values) {
          any.add(new TermQuery(DrillDownQuery.term(field, dim, v)), Occur.SHOULD);
        }
        b.add(any.build(), Occur.FILTER);
      });
      drilled = b.build();
    }
    int window = Math.max(request.limit() * 5, 100);
    // top documents by text score alone (block-max WAND can skip); ranking factors apply in the roll-up
    TopDocs top = searcher.search(drilled, window);
    long total;
    boolean approximate;
    Map<String, Map<String, Long>> facets;
    if (request.facets()) {
      // results are tables (a table's matching fields roll up into it), unless fields are listed themselves
      FacetSample.Result sample = facetSample.count(searcher, base, drillDowns, FACET_DIMS, FACET_VALUES, !fieldsOnly);
      total = sample.total();
      approximate = sample.approximate();
      facets = sample.facets();
      if (fieldsOnly && total > 0) { // field documents carry their table's kind; here the results are fields
        facets = new LinkedHashMap<>(facets);
        facets.put(IndexFields.FACET_KIND, Map.of("field", total));
      }
      if (total == 0 && top.scoreDocs.length > 0) { // a sample can miss rare matches; the top docs cannot
        total = top.totalHits.value();
        approximate = true;
      }
    } else {
      total = top.totalHits.value();
      approximate = top.totalHits.relation() != TotalHits.Relation.EQUAL_TO;
      facets = Map.of();
    }
    List<SearchHit> hits = request.order() == SearchRequest.Order.RELEVANCE
        ? rollUp(searcher, top, parsed, fuzzy, request.limit(), fieldsOnly)
        : sortedResults.hits(searcher, drilled, request.order(), request.limit(), fieldsOnly);
    return new Outcome(total, hits, facets, approximate);
  }

  /**
   * A query naming a field with its table ({@code t.path}, {@code d.t.path}, {@code p.d.t.path}) as
   * the field ids it may mean, lower-cased as the exact terms of field documents hold them.
   */
  private List<String> qualifiedFieldIds(IndexSearcher searcher, QuerySyntax.Parsed parsed) throws IOException {
    String whole = parsed.freeText();
    if (whole.isEmpty() || whole.indexOf('.') < 0 || whole.indexOf(' ') >= 0 || whole.indexOf(':') >= 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int dot = whole.indexOf('.'); dot > 0 && dot < whole.length() - 1; dot = whole.indexOf('.', dot + 1)) {
      String tableRef = whole.substring(0, dot);
      String path = whole.substring(dot + 1);
      Query tables = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexFields.EXACT, tableRef)), Occur.FILTER)
          .add(new TermQuery(new Term(IndexFields.KIND, "table")), Occur.FILTER)
          .build();
      TopDocs found = searcher.search(tables, 5);
      for (ScoreDoc sd : found.scoreDocs) {
        String id = docValue(searcher, sd.doc, IndexFields.ID_DV);
        if (id != null) {
          out.add(id.toLowerCase(Locale.ROOT) + ":" + path);
        }
      }
    }
    return out;
  }

  private static String docValue(IndexSearcher searcher, int doc, String field) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues values = DocValues.getBinary(leaf.reader(), field);
    return values.advanceExact(doc - leaf.docBase) ? values.binaryValue().utf8ToString() : null;
  }

  /**
   * One entry per entity: a field hit joins its table's entry unless it is itself the exact match;
   * scores are multiplied by the entity's ranking factor, entries re-ranked by how many of the
   * query's words they match, and only the final page is loaded from stored fields.
   */
  private List<SearchHit> rollUp(IndexSearcher searcher, TopDocs top, QuerySyntax.Parsed parsed, boolean fuzzy,
      int limit, boolean fieldsOnly) throws IOException {
    String exact = parsed.freeText();
    ScoreDoc[] window = top.scoreDocs.clone();
    java.util.Arrays.sort(window, Comparator.comparingInt(sd -> sd.doc));
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leafIndex = -1;
    SortedDocValues kinds = null;
    BinaryDocValues ids = null;
    BinaryDocValues tables = null;
    NumericDocValues boosts = null;
    TableBlocks.Leaf blocks = null;
    for (ScoreDoc sd : window) {
      int li = ReaderUtil.subIndex(sd.doc, leaves);
      LeafReaderContext leaf = leaves.get(li);
      if (li != leafIndex) {
        leafIndex = li;
        kinds = DocValues.getSorted(leaf.reader(), IndexFields.KIND_DV);
        ids = DocValues.getBinary(leaf.reader(), IndexFields.ID_DV);
        tables = DocValues.getBinary(leaf.reader(), IndexFields.TABLE_DV);
        boosts = DocValues.getNumeric(leaf.reader(), IndexFields.BOOST);
        blocks = tableBlocks.leaf(leaf.reader());
      }
      int doc = sd.doc - leaf.docBase;
      if (!kinds.advanceExact(doc) || !ids.advanceExact(doc)) {
        continue;
      }
      float score = sd.score;
      if (boosts.advanceExact(doc)) {
        score *= (float) Double.longBitsToDouble(boosts.longValue());
      }
      String kind = kinds.lookupOrd(kinds.ordValue()).utf8ToString();
      String id = ids.binaryValue().utf8ToString();
      if (kind.equals("field") && !fieldsOnly && !isExactField(id, exact) && tables.advanceExact(doc)) {
        String table = tables.binaryValue().utf8ToString();
        Entry entry = entries.get(table);
        if (entry == null || entry.docScore < score * 0.95f) {
          int tableDoc = blocks.tableOf(doc); // the table document heads its fields' block
          Entry rolled = new Entry(table, "table", tableDoc < 0 ? -1 : leaf.docBase + tableDoc, score * 0.95f);
          if (entry != null) {
            rolled.fields.addAll(entry.fields);
            rolled.docId = entry.docId >= 0 ? entry.docId : rolled.docId;
            rolled.docScore = Math.max(rolled.docScore, entry.docScore);
          }
          entries.put(table, rolled);
          entry = rolled;
        }
        entry.addField(fieldPath(id), score);
        continue;
      }
      Entry existing = entries.get(id);
      if (existing == null) {
        entries.put(id, new Entry(id, kind, sd.doc, score));
      } else {
        existing.docId = sd.doc;
        existing.docScore = Math.max(existing.docScore, score);
      }
    }
    List<Entry> ranked = new ArrayList<>(entries.values());
    for (Entry e : ranked) {
      if (e.docId < 0) {
        e.docId = docIdOf(searcher, e.id);
      }
    }
    ranked.removeIf(e -> e.docId < 0);
    ranked.sort(Comparator.comparingDouble((Entry e) -> e.docScore).reversed());
    List<Entry> candidates = ranked.subList(0, Math.min(ranked.size(), Math.max(limit * 3, 30)));
    WordCoverage coverage = new WordCoverage(searcher, queries.wordQueries(parsed, fuzzy));
    int[] docs = candidates.stream().mapToInt(e -> e.docId).toArray();
    int[] matched = coverage.matched(docs);
    for (int i = 0; i < candidates.size(); i++) {
      candidates.get(i).finalScore = candidates.get(i).docScore * WordCoverage.factor(matched[i], coverage.wordCount());
    }
    List<Entry> page = new ArrayList<>(candidates);
    page.sort(Comparator.comparingDouble((Entry e) -> e.finalScore).reversed());
    StoredFields stored = searcher.storedFields();
    Map<String, Table> tablesRead = new HashMap<>();
    List<SearchHit> hits = new ArrayList<>();
    for (Entry e : page.subList(0, Math.min(limit, page.size()))) {
      hits.add(e.kind.equals("field") ? fieldHit(searcher, stored, e, tablesRead) : e.toHit(stored.document(e.docId)));
    }
    return hits;
  }

  /** A field hit: title and snippet from its table's stored record, personal-data badges from the field. */
  SearchHit fieldHit(IndexSearcher searcher, StoredFields stored, Entry e, Map<String, Table> tablesRead)
      throws IOException {
    String tableId = e.id.substring(0, e.id.indexOf(':'));
    String path = fieldPath(e.id);
    Table table = tablesRead.get(tableId);
    if (table == null && !tablesRead.containsKey(tableId)) {
      int doc = docIdOf(searcher, tableId);
      String json = doc < 0 ? null : stored.document(doc, Set.of(IndexFields.JSON)).get(IndexFields.JSON);
      table = json == null ? null : this.json.readValue(json, Table.class);
      tablesRead.put(tableId, table);
    }
    String title = path;
    String snippet = "";
    if (table != null) {
      for (Field.Flat f : table.flatFields()) {
        if (f.path().equals(path)) {
          title = path + " " + f.field().type() + (f.field().isRepeated() ? " REPEATED" : "");
          snippet = abbreviate(f.field().description());
          break;
        }
      }
    }
    List<String> badges = new ArrayList<>();
    for (String category : stored.document(e.docId, Set.of(IndexFields.PII)).getValues(IndexFields.PII)) {
      badges.add("pii:" + category);
    }
    return new SearchHit("field", e.id, tableId, e.finalScore, snippet, title, new ArrayList<>(e.fields), badges);
  }

  /** The live document with this id, looked up in the term dictionary directly (no query, no collector). */
  static int docIdOf(IndexSearcher searcher, String id) throws IOException {
    BytesRef term = new BytesRef(id);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(IndexFields.ID);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          return leaf.docBase + doc;
        }
      }
    }
    return -1;
  }


  private static boolean isExactField(String id, String query) {
    if (query.isEmpty()) {
      return false;
    }
    String lower = id.toLowerCase(Locale.ROOT);
    String path = fieldPath(lower);
    String leaf = path.substring(path.lastIndexOf('.') + 1);
    return query.equals(lower) || query.equals(path) || query.equals(leaf)
        || query.equals(lower.replace(':', '.')) || lower.replace(':', '.').endsWith("." + query) && query.contains(".");
  }

  private static String fieldPath(String fieldId) {
    return fieldId.substring(fieldId.indexOf(':') + 1);
  }

  /** One result being ranked: an entity with its best document score and its matching fields. */
  static final class Entry {
    private final String id;
    private final String kind;
    private int docId;
    private float docScore;
    private double finalScore;
    private final Set<String> fields = new LinkedHashSet<>();

    Entry(String id, String kind, int docId, float score) {
      this.id = id;
      this.kind = kind;
      this.docId = docId;
      this.docScore = score;
    }

    String id() {
      return id;
    }

    String kind() {
      return kind;
    }

    int docId() {
      return docId;
    }

    void addField(String path, float score) {
      if (fields.size() < MAX_MATCHED_FIELDS) {
        fields.add(path);
      }
    }

    SearchHit toHit(Document doc) {
      String kind = doc.get(IndexFields.KIND);
      String table = kind.equals("field") ? doc.get(IndexFields.TABLE) : null;
      List<String> badges = Arrays.asList(doc.getValues(IndexFields.BADGES));
      return new SearchHit(kind, id, table, finalScore, abbreviate(doc.get(IndexFields.SNIPPET)),
          doc.get(IndexFields.TITLE), new ArrayList<>(fields), badges);
    }
  }

  /** Snippets are short: the first 200 characters of the stored description or text. */
  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= 200 ? t : t.substring(0, 199) + "…";
  }

  private String suggest(IndexSearcher searcher, QuerySyntax.Parsed parsed) throws IOException {
    List<String> corrected = new ArrayList<>();
    boolean changed = false;
    for (String word : parsed.words()) {
      String lower = word.toLowerCase(Locale.ROOT);
      SuggestWord[] suggestions = spellChecker.suggestSimilar(new Term(IndexFields.NAME, lower), 1, searcher.getIndexReader());
      if (suggestions.length > 0 && !suggestions[0].string.equals(lower)) {
        corrected.add(suggestions[0].string);
        changed = true;
      } else {
        corrected.add(word);
      }
    }
    return changed ? String.join(" ", corrected) : null;
  }

  /**
   * Why an entity ranks where it does for a query: Lucene's explanation of its document score
   * (field weights, BM25 terms, ranking factor) and how many of the query's words it matches.
   */
  public String explain(IndexSearcher searcher, SearchRequest request, String entityId) throws IOException {
    QuerySyntax.Parsed parsed = QuerySyntax.parse(request.query());
    Query query = FunctionScoreQuery.boostByValue(queries.build(parsed, false), DoubleValuesSource.fromDoubleField(IndexFields.BOOST));
    int doc = docIdOf(searcher, entityId);
    if (doc < 0) {
      return entityId + " is not in the catalog";
    }
    WordCoverage coverage = new WordCoverage(searcher, queries.wordQueries(parsed, false));
    int matched = coverage.matched(new int[] {doc})[0];
    return String.format(Locale.ROOT, "matches %d of %d words (factor %.2f)%n%s", matched, coverage.wordCount(),
        WordCoverage.factor(matched, coverage.wordCount()), searcher.explain(query, doc));
  }

  /**
   * Table ids and field paths that start with the prefix: tables first, the more important first,
   * then field paths, the more common first. Reads terms and doc values only, and at most {@link
   * #COMPLETION_TERMS} names per segment and kind, so a one-letter prefix costs no more than a long one.
   */
  public List<String> complete(IndexSearcher searcher, String prefix, int limit) throws IOException {
    String p = prefix.strip().toLowerCase(Locale.ROOT);
    if (p.isEmpty() || limit <= 0) {
      return List.of();
    }
    BytesRef start = new BytesRef(p);
    // the best `limit` tables by ranking factor (ties: index order); ids are read for these only
    record Ranked(int doc, double boost) {}
    java.util.PriorityQueue<Ranked> best = new java.util.PriorityQueue<>(
        Comparator.comparingDouble(Ranked::boost).thenComparing(Comparator.comparingInt(Ranked::doc).reversed()));
    Map<String, Integer> fieldNames = new HashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      Terms terms = leaf.reader().terms(IndexFields.COMPLETE_TABLE);
      if (terms != null) {
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        int[] docs = new int[16];
        int count = 0;
        int n = 0;
        if (te.seekCeil(start) != TermsEnum.SeekStatus.END) {
          do {
            if (!StringHelper.startsWith(te.term(), start) || n++ >= COMPLETION_TERMS) {
              break;
            }
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
              if (live == null || live.get(doc)) {
                if (count == docs.length) {
                  docs = Arrays.copyOf(docs, count * 2);
                }
                docs[count++] = doc;
              }
            }
          } while (te.next() != null);
        }
        // each term's postings restart at doc 0 and doc values only read forwards: read them in doc order
        Arrays.sort(docs, 0, count);
        NumericDocValues boosts = DocValues.getNumeric(leaf.reader(), IndexFields.BOOST);
        for (int i = 0; i < count; i++) {
          if (i > 0 && docs[i] == docs[i - 1]) {
            continue; // a table whose name and dataset.table both start with the prefix
          }
          double boost = boosts.advanceExact(docs[i]) ? Double.longBitsToDouble(boosts.longValue()) : 1.0;
          Ranked r = new Ranked(leaf.docBase + docs[i], boost);
          if (best.size() < limit) {
            best.add(r);
          } else if (best.comparator().compare(r, best.peek()) > 0) {
            best.poll();
            best.add(r);
          }
        }
      }
      Terms fields = leaf.reader().terms(IndexFields.COMPLETE_FIELD);
      if (fields != null) {
        TermsEnum te = fields.iterator();
        int n = 0;
        if (te.seekCeil(start) != TermsEnum.SeekStatus.END) {
          do {
            if (!StringHelper.startsWith(te.term(), start) || n++ >= COMPLETION_TERMS) {
              break;
            }
            fieldNames.merge(te.term().utf8ToString(), te.docFreq(), Integer::sum);
          } while (te.next() != null);
        }
      }
    }
    List<Ranked> tables = new ArrayList<>(best);
    tables.sort(best.comparator().reversed());
    Set<String> out = new LinkedHashSet<>();
    for (Ranked t : tables) {
      String id = docValue(searcher, t.doc(), IndexFields.ID_DV);
      if (id != null) {
        out.add(id);
      }
    }
    if (out.size() >= limit) {
      return List.copyOf(out);
    }
    List<Map.Entry<String, Integer>> common = new ArrayList<>(fieldNames.entrySet());
    common.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    for (Map.Entry<String, Integer> name : common) {
      if (out.size() >= limit) {
        break;
      }
      String path = fieldPathNamed(searcher, name.getKey());
      if (path != null) {
        out.add(path);
      }
    }
    return List.copyOf(out);
  }

  /** The path, as the catalog spells it, of one field whose path or name is {@code lowerName}. */
  private static String fieldPathNamed(IndexSearcher searcher, String lowerName) throws IOException {
    BytesRef term = new BytesRef(lowerName);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(IndexFields.COMPLETE_FIELD);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      BinaryDocValues ids = DocValues.getBinary(leaf.reader(), IndexFields.ID_DV);
      PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if ((live == null || live.get(doc)) && ids.advanceExact(doc)) {
          return fieldPath(ids.binaryValue().utf8ToString());
        }
      }
    }
    return null;
  }

}
