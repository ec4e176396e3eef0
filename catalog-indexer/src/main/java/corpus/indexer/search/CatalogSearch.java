package corpus.indexer.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.index.DocumentFactory;
import corpus.indexer.index.FieldRows;
import corpus.indexer.index.IndexFields;
import corpus.indexer.model.CatalogJson;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import java.io.IOException;
import java.io.InterruptedIOException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Runs a {@link SearchRequest} against one index searcher: builds the query, takes the top
 * documents by text score, counts facets with drill-sideways semantics over a bounded sample of the
 * matches ({@link FacetSample}), ranks the entities with their ranking factors and the share of the
 * query's words they match, names the fields that matched each table ({@link FieldMatcher}), and
 * falls back to typo-tolerant matching when exact terms find nothing.
 *
 * <p>Fields have no documents of their own: a table's document carries them. A query that is a
 * field's name ({@code email}, {@code actions_received.metric_name}, {@code t.path}) returns that
 * field as the result for its table, and {@code kind:field} lists the matching fields of the
 * matching tables.
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
  /** Matches counted exactly when a search has no facet sample to count them (Lucene's default). */
  private static final int TOTAL_HITS_COUNTED = 1_000;
  /** Names looked at per segment and kind when completing a prefix. */
  static final int COMPLETION_TERMS = 256;
  /**
   * Threads working beside the searching thread, counting facets or looking for a spelling
   * suggestion (idle ones end after a minute).
   */
  private static final ExecutorService BESIDE = Executors.newCachedThreadPool(
      Thread.ofPlatform().daemon().name("corpus-search-beside-", 0).factory());
  private static final Set<String> HIT_FIELDS = Set.of(IndexFields.KIND, IndexFields.TITLE, IndexFields.SNIPPET,
      IndexFields.BADGES, IndexFields.FIELDS);

  private final LuceneQueries queries;
  private final Synonyms synonyms;
  private final FacetsConfig facetsConfig = DocumentFactory.facetsConfig();
  private final DirectSpellChecker spellChecker = new DirectSpellChecker();
  private final FacetSample facetSample = new FacetSample(facetsConfig);
  private final SortedResults sortedResults = new SortedResults(this);

  public CatalogSearch(Synonyms synonyms) {
    this.synonyms = synonyms;
    this.queries = new LuceneQueries(synonyms);
  }

  /** Searches; never returns null, never throws for a malformed query (it is searched as text). */
  public SearchResponse search(IndexSearcher searcher, SearchRequest request) throws IOException {
    long start = System.nanoTime();
    QuerySyntax.Parsed parsed = QuerySyntax.parse(request.query());
    boolean fieldsOnly = parsed.filters().stream().anyMatch(f -> f.key().equals("kind") && f.value().equalsIgnoreCase("field") && !f.negated());
    List<LuceneQueries.FieldRef> qualified = qualifiedFields(searcher, parsed);
    Outcome outcome = run(searcher, parsed, qualified, request, false, fieldsOnly);
    String didYouMean = null;
    if (outcome.total == 0 && parsed.hasFreeText()) {
      // the spelling suggestion is looked for beside the typo-tolerant search
      Future<String> suggesting = BESIDE.submit(() -> suggest(searcher, parsed));
      try {
        outcome = run(searcher, parsed, qualified, request, true, fieldsOnly);
      } catch (IOException | RuntimeException e) {
        settle(suggesting);
        throw e;
      }
      didYouMean = await(suggesting);
    }
    long took = (System.nanoTime() - start) / 1_000_000;
    return new SearchResponse(request.query(), outcome.total, took, outcome.hits, outcome.facets, didYouMean,
        outcome.approximate);
  }

  private record Outcome(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets, boolean approximate) {}

  private Outcome run(IndexSearcher searcher, QuerySyntax.Parsed parsed, List<LuceneQueries.FieldRef> qualified,
      SearchRequest request, boolean fuzzy, boolean fieldsOnly) throws IOException {
    List<Query> words = new ArrayList<>();
    for (Query word : queries.wordQueries(parsed, fuzzy)) {
      words.add(searcher.rewrite(word)); // once for the top documents, the facet sample and the word shares
    }
    Query base = queries.build(parsed, qualified, words);
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
    FieldMatcher matcher = new FieldMatcher(parsed, synonyms, fuzzy);
    if (fieldsOnly) {
      return fields(searcher, words, drilled, base, drillDowns, matcher, request);
    }
    int window = Math.max(request.limit() * 3, 30);
    // top documents by text score alone; ranking factors apply in the ranking. With facets the
    // sample counts the matches, so skipping (block-max) may start as soon as the window is full
    Future<FacetSample.Result> counting = request.facets() ? countFacets(searcher, base, drillDowns) : null;
    TopDocs top;
    List<SearchHit> hits;
    try {
      top = searcher.search(drilled,
          new TopScoreDocCollectorManager(window, request.facets() ? window : TOTAL_HITS_COUNTED));
      hits = request.order() == SearchRequest.Order.RELEVANCE
          ? hits(searcher, rank(searcher, top, words, request.limit()), matcher, qualified, request.limit())
          : sortedResults.hits(searcher, drilled, request.order(), request.limit(), matcher, qualified);
    } catch (IOException | RuntimeException e) {
      settle(counting); // the searcher stays open until the count stops using it
      throw e;
    }
    long total;
    boolean approximate;
    Map<String, Map<String, Long>> facets;
    if (counting != null) {
      FacetSample.Result sample = await(counting);
      total = sample.total();
      approximate = sample.approximate();
      facets = sample.facets();
      if (total == 0 && top.scoreDocs.length > 0) { // a sample can miss rare matches; the top docs cannot
        total = top.totalHits.value();
        approximate = true;
      }
    } else {
      total = top.totalHits.value();
      approximate = top.totalHits.relation() != TotalHits.Relation.EQUAL_TO;
      facets = Map.of();
    }
    return new Outcome(total, hits, facets, approximate);
  }

  /**
   * The fields of the matching tables that match the words and the field filters ({@code type:},
   * {@code pii:}), best first: a field ranks by how well it matches times its table's rank. The
   * total counts the matching fields of the tables looked at, extrapolated (and marked approximate)
   * when more tables match than are looked at.
   */
  private Outcome fields(IndexSearcher searcher, List<Query> words, Query drilled, Query base,
      Map<String, Set<String>> drillDowns, FieldMatcher matcher, SearchRequest request) throws IOException {
    int window = Math.max(request.limit() * 5, 100);
    Future<FacetSample.Result> counting = request.facets() ? countFacets(searcher, base, drillDowns) : null;
    try {
      return fields(searcher, words, drilled, matcher, request, window, counting);
    } catch (IOException | RuntimeException e) {
      settle(counting);
      throw e;
    }
  }

  private Outcome fields(IndexSearcher searcher, List<Query> words, Query drilled, FieldMatcher matcher,
      SearchRequest request, int window, Future<FacetSample.Result> counting) throws IOException {
    List<Entry> tables;
    if (request.order() == SearchRequest.Order.RELEVANCE) {
      TopDocs top = searcher.search(drilled, new TopScoreDocCollectorManager(window, window)); // counted below
      tables = rank(searcher, top, words, window);
    } else {
      tables = sortedResults.entries(searcher, drilled, request.order(), window);
    }
    record Found(Entry table, FieldRows.Row row, double score, int order) {}
    List<Found> found = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    int order = 0;
    for (Entry table : tables) {
      if (!table.kind.equals("table")) {
        continue;
      }
      for (FieldRows.Row row : FieldRows.of(stored.document(table.docId, Set.of(IndexFields.FIELDS)))) {
        double score = matcher.passesFilters(row) ? matcher.score(row) : 0;
        if (score > 0) {
          found.add(new Found(table, row, table.finalScore * score, order));
        }
        order++;
      }
    }
    if (request.order() == SearchRequest.Order.RELEVANCE) {
      found.sort(Comparator.comparingDouble(Found::score).reversed().thenComparingInt(Found::order));
    }
    List<SearchHit> hits = new ArrayList<>();
    for (Found f : found.subList(0, Math.min(request.limit(), found.size()))) {
      hits.add(fieldHit(f.table().id, f.row(), f.score()));
    }
    long tablesMatched = searcher.count(drilled);
    long tablesSeen = tables.stream().filter(e -> e.kind.equals("table")).count();
    boolean approximate = tablesMatched > tablesSeen;
    long total = approximate && tablesSeen > 0 ? Math.round((double) found.size() * tablesMatched / tablesSeen)
        : found.size();
    Map<String, Map<String, Long>> facets = Map.of();
    if (counting != null) {
      facets = new LinkedHashMap<>(await(counting).facets());
      if (total > 0) { // the other dimensions count the tables the fields belong to
        facets.put(IndexFields.FACET_KIND, Map.of("field", total));
      } else {
        facets.remove(IndexFields.FACET_KIND);
      }
    }
    return new Outcome(total, hits, facets, approximate);
  }

  /**
   * Starts counting the facets of {@code base} beside the ranking: on a machine with a second core
   * a search takes as long as the slower of the two, not both.
   */
  private Future<FacetSample.Result> countFacets(IndexSearcher searcher, Query base,
      Map<String, Set<String>> drillDowns) {
    return BESIDE.submit(() -> facetSample.count(searcher, base, drillDowns, FACET_DIMS, FACET_VALUES));
  }

  private static <T> T await(Future<T> beside) throws IOException {
    try {
      return beside.get();
    } catch (InterruptedException e) {
      settle(beside);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("search interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException("searching failed", e.getCause());
    }
  }

  /**
   * Waits for work nobody needs any more to stop (it cannot be stopped midway, and the searcher it
   * reads stays open until it has), ignoring its outcome.
   */
  private static void settle(Future<?> beside) {
    if (beside == null) {
      return;
    }
    boolean interrupted = Thread.interrupted();
    while (true) {
      try {
        beside.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException | java.util.concurrent.CancellationException e) {
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A query naming a field with its table ({@code t.path}, {@code d.t.path}, {@code p.d.t.path},
   * {@code p.d.t:path}) as the fields it may mean: the tables so named, with the lower-cased path.
   */
  private List<LuceneQueries.FieldRef> qualifiedFields(IndexSearcher searcher, QuerySyntax.Parsed parsed)
      throws IOException {
    String whole = parsed.freeText();
    if (whole.isEmpty() || whole.indexOf(' ') >= 0) {
      return List.of();
    }
    List<Integer> splits = new ArrayList<>();
    int colon = whole.indexOf(':');
    if (colon > 0 && colon == whole.lastIndexOf(':')) {
      splits.add(colon);
    } else if (colon < 0) {
      for (int dot = whole.indexOf('.'); dot > 0; dot = whole.indexOf('.', dot + 1)) {
        splits.add(dot);
      }
    }
    List<LuceneQueries.FieldRef> out = new ArrayList<>();
    for (int split : splits) {
      if (split >= whole.length() - 1) {
        continue;
      }
      String tableRef = whole.substring(0, split);
      String path = whole.substring(split + 1);
      Query tables = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexFields.EXACT, tableRef)), Occur.FILTER)
          .add(new TermQuery(new Term(IndexFields.KIND, "table")), Occur.FILTER)
          .add(new TermQuery(new Term(IndexFields.EXACT_FIELD, path)), Occur.FILTER)
          .build();
      TopDocs found = searcher.search(tables, 5);
      for (ScoreDoc sd : found.scoreDocs) {
        String id = docValue(searcher, sd.doc, IndexFields.ID_DV);
        if (id != null) {
          out.add(new LuceneQueries.FieldRef(id, path));
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
   * The entities of the top documents, best first: scores multiplied by the entity's ranking
   * factor, then the better candidates re-ranked by how many of the query's words they match.
   * At most {@code limit} entries; nothing is loaded from stored fields.
   */
  private List<Entry> rank(IndexSearcher searcher, TopDocs top, List<Query> words, int limit)
      throws IOException {
    ScoreDoc[] window = top.scoreDocs.clone();
    Arrays.sort(window, Comparator.comparingInt(sd -> sd.doc));
    List<Entry> ranked = new ArrayList<>(window.length);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leafIndex = -1;
    SortedDocValues kinds = null;
    BinaryDocValues ids = null;
    NumericDocValues boosts = null;
    for (ScoreDoc sd : window) {
      int li = ReaderUtil.subIndex(sd.doc, leaves);
      LeafReaderContext leaf = leaves.get(li);
      if (li != leafIndex) {
        leafIndex = li;
        kinds = DocValues.getSorted(leaf.reader(), IndexFields.KIND_DV);
        ids = DocValues.getBinary(leaf.reader(), IndexFields.ID_DV);
        boosts = DocValues.getNumeric(leaf.reader(), IndexFields.BOOST);
      }
      int doc = sd.doc - leaf.docBase;
      if (!kinds.advanceExact(doc) || !ids.advanceExact(doc)) {
        continue;
      }
      float score = sd.score;
      if (boosts.advanceExact(doc)) {
        score *= (float) Double.longBitsToDouble(boosts.longValue());
      }
      ranked.add(new Entry(ids.binaryValue().utf8ToString(), kinds.lookupOrd(kinds.ordValue()).utf8ToString(),
          sd.doc, score));
    }
    ranked.sort(Comparator.comparingDouble((Entry e) -> e.docScore).reversed());
    List<Entry> candidates = ranked.subList(0, Math.min(ranked.size(), Math.max(limit * 3, 30)));
    WordCoverage coverage = new WordCoverage(searcher, words);
    int[] matched = coverage.matched(candidates.stream().mapToInt(e -> e.docId).toArray());
    for (int i = 0; i < candidates.size(); i++) {
      candidates.get(i).finalScore = candidates.get(i).docScore * WordCoverage.factor(matched[i], coverage.wordCount());
    }
    List<Entry> page = new ArrayList<>(candidates);
    page.sort(Comparator.comparingDouble((Entry e) -> e.finalScore).reversed());
    return page.subList(0, Math.min(limit, page.size()));
  }

  /**
   * The hits of ranked entries, loaded from stored fields: a table whose field the query names
   * comes as that field followed by the table, any table names its best matching fields. At most
   * {@code limit}.
   */
  List<SearchHit> hits(IndexSearcher searcher, List<Entry> entries, FieldMatcher matcher,
      List<LuceneQueries.FieldRef> qualified, int limit) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>();
    for (Entry e : entries) {
      if (hits.size() >= limit) {
        break;
      }
      Document doc = stored.document(e.docId, HIT_FIELDS);
      if (!e.kind.equals("table")) {
        hits.add(e.toHit(doc, List.of(), 1.0));
        continue;
      }
      List<FieldRows.Row> rows = FieldRows.of(doc);
      List<FieldRows.Row> named = new ArrayList<>();
      for (FieldRows.Row row : rows) {
        if (matcher.exact(row) || isQualified(e.id, row, qualified)) {
          named.add(row);
        }
      }
      for (FieldRows.Row row : named.subList(0, Math.min(named.size(), limit - hits.size()))) {
        hits.add(fieldHit(e.id, row, e.finalScore));
      }
      if (hits.size() < limit) { // the table itself, after a field the query names (its card shows both)
        hits.add(e.toHit(doc, matcher.best(rows, MAX_MATCHED_FIELDS), named.isEmpty() ? 1.0 : 0.95));
      }
    }
    return hits;
  }

  private static boolean isQualified(String table, FieldRows.Row row, List<LuceneQueries.FieldRef> qualified) {
    for (LuceneQueries.FieldRef ref : qualified) {
      if (ref.table().equals(table) && ref.path().equals(row.path().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** A field hit: title from the field's path and type, snippet from its description, badges from its categories. */
  static SearchHit fieldHit(String table, FieldRows.Row row, double score) {
    List<String> badges = row.categories().stream().map(c -> "pii:" + c).toList();
    return new SearchHit("field", table + ":" + row.path(), table, score, abbreviate(row.description()), row.title(),
        List.of(), badges);
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


  /** One result being ranked: an entity with its document score and its final score. */
  static final class Entry {
    private final String id;
    private final String kind;
    private final int docId;
    private final float docScore;
    private double finalScore;

    Entry(String id, String kind, int docId, float score) {
      this.id = id;
      this.kind = kind;
      this.docId = docId;
      this.docScore = score;
      this.finalScore = score;
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

    SearchHit toHit(Document doc, List<String> matchedFields, double scoreFactor) {
      List<String> badges = Arrays.asList(doc.getValues(IndexFields.BADGES));
      return new SearchHit(doc.get(IndexFields.KIND), id, null, finalScore * scoreFactor,
          abbreviate(doc.get(IndexFields.SNIPPET)), doc.get(IndexFields.TITLE), matchedFields, badges);
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
    boolean field = entityId.indexOf(':') > 0 && !entityId.startsWith("doc:") && !entityId.startsWith("pipeline:");
    String ranked = field ? entityId.substring(0, entityId.indexOf(':')) : entityId; // a field ranks as its table
    Query query = FunctionScoreQuery.boostByValue(queries.build(parsed, false), DoubleValuesSource.fromDoubleField(IndexFields.BOOST));
    int doc = docIdOf(searcher, ranked);
    if (doc < 0) {
      return ranked + " is not in the catalog";
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
      Terms fields = leaf.reader().terms(IndexFields.EXACT_FIELD);
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
    StoredFields stored = searcher.storedFields();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(IndexFields.EXACT_FIELD);
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
        if (live != null && !live.get(doc)) {
          continue;
        }
        for (FieldRows.Row row : FieldRows.of(stored.document(leaf.docBase + doc, Set.of(IndexFields.FIELDS)))) {
          String path = row.path().toLowerCase(Locale.ROOT);
          if (path.equals(lowerName) || row.name().toLowerCase(Locale.ROOT).equals(lowerName)) {
            return row.path();
          }
        }
      }
    }
    return null;
  }
}
