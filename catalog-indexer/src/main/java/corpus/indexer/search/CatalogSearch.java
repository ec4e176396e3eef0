package corpus.indexer.search;

import corpus.indexer.index.DocumentFactory;
import corpus.indexer.index.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Runs a {@link SearchRequest} against one index searcher: builds the query, counts facets with
 * drill-sideways (so a chosen facet keeps its siblings' counts), rolls field matches up to their
 * table, and falls back to typo-tolerant matching when exact terms find nothing.
 */
public final class CatalogSearch {

  /** Facet dimensions reported with every search. */
  public static final List<String> FACET_DIMS = List.of(
      IndexFields.FACET_KIND, IndexFields.FACET_PROJECT, IndexFields.FACET_DATASET,
      IndexFields.FACET_TIER, IndexFields.FACET_OWNER, IndexFields.FACET_TYPE, IndexFields.FACET_LABEL);

  private static final int FACET_VALUES = 20;
  private static final int MAX_MATCHED_FIELDS = 5;

  private final LuceneQueries queries;
  private final FacetsConfig facetsConfig = DocumentFactory.facetsConfig();
  private final DirectSpellChecker spellChecker = new DirectSpellChecker();
  private volatile FacetState facetState;

  public CatalogSearch(Synonyms synonyms) {
    this.queries = new LuceneQueries(synonyms);
  }

  private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

  /** Searches; never returns null, never throws for a malformed query (it is searched as text). */
  public SearchResponse search(IndexSearcher searcher, SearchRequest request) throws IOException {
    long start = System.nanoTime();
    QuerySyntax.Parsed parsed = QuerySyntax.parse(request.query());
    boolean fieldsOnly = parsed.filters().stream().anyMatch(f -> f.key().equals("kind") && f.value().equalsIgnoreCase("field") && !f.negated());
    Outcome outcome = run(searcher, parsed, request, false, fieldsOnly);
    String didYouMean = null;
    if (outcome.total == 0 && parsed.hasFreeText()) {
      didYouMean = suggest(searcher, parsed);
      outcome = run(searcher, parsed, request, true, fieldsOnly);
    }
    long took = (System.nanoTime() - start) / 1_000_000;
    return new SearchResponse(request.query(), outcome.total, took, outcome.hits, outcome.facets, didYouMean);
  }

  private record Outcome(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {}

  private Outcome run(
      IndexSearcher searcher, QuerySyntax.Parsed parsed, SearchRequest request, boolean fuzzy, boolean fieldsOnly)
      throws IOException {
    Query base = FunctionScoreQuery.boostByValue(queries.build(parsed, fuzzy), DoubleValuesSource.fromDoubleField(IndexFields.BOOST));
    DrillDownQuery drill = new DrillDownQuery(facetsConfig, base);
    for (String dd : request.drillDowns()) {
      int eq = dd.indexOf('=');
      if (eq > 0) {
        drill.add(dd.substring(0, eq), dd.substring(eq + 1));
      }
    }
    int window = Math.max(request.limit() * 10, 200);
    SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
    TopDocs top;
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    if (state == null) {
      top = searcher.search(drill, window);
    } else {
      DrillSideways.DrillSidewaysResult result = new DrillSideways(searcher, facetsConfig, state).search(drill, window);
      top = result.hits;
      for (String dim : FACET_DIMS) {
        FacetResult fr;
        try {
          fr = result.facets.getTopChildren(FACET_VALUES, dim);
        } catch (IllegalArgumentException noSuchDim) {
          continue;
        }
        if (fr != null) {
          Map<String, Long> counts = new LinkedHashMap<>();
          for (LabelAndValue lv : fr.labelValues) {
            counts.put(lv.label, lv.value.longValue());
          }
          facets.put(dim, counts);
        }
      }
    }
    List<SearchHit> hits = rollUp(searcher, top, parsed, fuzzy, request.limit(), fieldsOnly);
    return new Outcome(top.totalHits.value(), hits, facets);
  }

  private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    FacetState current = facetState;
    if (current != null && current.reader == reader) {
      return current.state;
    }
    SortedSetDocValuesReaderState state;
    try {
      state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
    } catch (IllegalArgumentException noFacetsIndexed) {
      state = null;
    }
    facetState = new FacetState(reader, state);
    return state;
  }

  /**
   * One entry per entity: a field hit joins its table's entry unless it is itself the exact match;
   * entries are then re-ranked by how many of the query's words they match, and only the final
   * page is loaded from stored fields.
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
    for (ScoreDoc sd : window) {
      int li = ReaderUtil.subIndex(sd.doc, leaves);
      LeafReaderContext leaf = leaves.get(li);
      if (li != leafIndex) {
        leafIndex = li;
        kinds = DocValues.getSorted(leaf.reader(), IndexFields.KIND_DV);
        ids = DocValues.getBinary(leaf.reader(), IndexFields.ID_DV);
        tables = DocValues.getBinary(leaf.reader(), IndexFields.TABLE_DV);
      }
      int doc = sd.doc - leaf.docBase;
      if (!kinds.advanceExact(doc) || !ids.advanceExact(doc)) {
        continue;
      }
      String kind = kinds.lookupOrd(kinds.ordValue()).utf8ToString();
      String id = ids.binaryValue().utf8ToString();
      if (kind.equals("field") && !fieldsOnly && !isExactField(id, exact) && tables.advanceExact(doc)) {
        String table = tables.binaryValue().utf8ToString();
        Entry entry = entries.get(table);
        if (entry == null || entry.docScore < sd.score * 0.95f) {
          Entry rolled = new Entry(table, -1, sd.score * 0.95f);
          if (entry != null) {
            rolled.fields.addAll(entry.fields);
            rolled.docId = entry.docId;
            rolled.docScore = Math.max(rolled.docScore, entry.docScore);
          }
          entries.put(table, rolled);
          entry = rolled;
        }
        entry.addField(fieldPath(id), sd.score);
        continue;
      }
      Entry existing = entries.get(id);
      if (existing == null) {
        entries.put(id, new Entry(id, sd.doc, sd.score));
      } else {
        existing.docId = sd.doc;
        existing.docScore = Math.max(existing.docScore, sd.score);
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
    List<SearchHit> hits = new ArrayList<>();
    for (Entry e : page.subList(0, Math.min(limit, page.size()))) {
      hits.add(e.toHit(stored.document(e.docId)));
    }
    return hits;
  }

  private static int docIdOf(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
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
  private static final class Entry {
    private final String id;
    private int docId;
    private float docScore;
    private double finalScore;
    private final Set<String> fields = new LinkedHashSet<>();

    Entry(String id, int docId, float score) {
      this.id = id;
      this.docId = docId;
      this.docScore = score;
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

  /** Table ids and field paths that start with the prefix, most important tables first. */
  public List<String> complete(IndexSearcher searcher, String prefix, int limit) throws IOException {
    String p = prefix.strip().toLowerCase(Locale.ROOT);
    if (p.isEmpty()) {
      return List.of();
    }
    Query names = new BooleanQuery.Builder()
        .add(new PrefixQuery(new Term(IndexFields.EXACT, p)), Occur.MUST)
        .add(new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexFields.KIND, "table")), Occur.SHOULD)
            .add(new TermQuery(new Term(IndexFields.KIND, "field")), Occur.SHOULD)
            .build(), Occur.FILTER)
        .build();
    Query ranked = FunctionScoreQuery.boostByValue(names, DoubleValuesSource.fromDoubleField(IndexFields.BOOST));
    TopDocs top = searcher.search(ranked, limit * 4);
    Set<String> out = new LinkedHashSet<>();
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      Document doc = stored.document(sd.doc);
      String id = doc.get(IndexFields.ID);
      out.add(doc.get(IndexFields.KIND).equals("field") ? id.substring(id.indexOf(':') + 1) : id);
      if (out.size() >= limit) {
        break;
      }
    }
    return List.copyOf(out);
  }
}
