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
import org.apache.lucene.index.IndexReader;
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

  private final LuceneQueries queries = new LuceneQueries();
  private final FacetsConfig facetsConfig = DocumentFactory.facetsConfig();
  private final DirectSpellChecker spellChecker = new DirectSpellChecker();
  private volatile FacetState facetState;

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
    List<SearchHit> hits = rollUp(searcher, top, parsed, request.limit(), fieldsOnly);
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

  /** One entry per entity: a field hit joins its table's entry unless it is itself the exact match. */
  private List<SearchHit> rollUp(
      IndexSearcher searcher, TopDocs top, QuerySyntax.Parsed parsed, int limit, boolean fieldsOnly) throws IOException {
    StoredFields stored = searcher.storedFields();
    String exact = parsed.freeText();
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (ScoreDoc sd : top.scoreDocs) {
      Document doc = stored.document(sd.doc);
      String kind = doc.get(IndexFields.KIND);
      String id = doc.get(IndexFields.ID);
      if (kind.equals("field") && !fieldsOnly && !isExactField(id, exact)) {
        String table = doc.get(IndexFields.TABLE);
        Entry entry = entries.get(table);
        if (entry == null) {
          Document tableDoc = byId(searcher, table);
          if (tableDoc == null) {
            continue;
          }
          entry = new Entry(tableDoc, sd.score * 0.95f);
          entries.put(table, entry);
        }
        entry.addField(fieldPath(id));
        continue;
      }
      entries.computeIfAbsent(id, k -> new Entry(doc, sd.score));
    }
    return entries.values().stream()
        .sorted(Comparator.comparingDouble((Entry e) -> e.score).reversed())
        .limit(limit)
        .map(Entry::toHit)
        .toList();
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

  private static Document byId(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
    return top.scoreDocs.length == 0 ? null : searcher.storedFields().document(top.scoreDocs[0].doc);
  }

  private static final class Entry {
    private final Document doc;
    private final float score;
    private final Set<String> fields = new LinkedHashSet<>();

    Entry(Document doc, float score) {
      this.doc = doc;
      this.score = score;
    }

    void addField(String path) {
      if (fields.size() < MAX_MATCHED_FIELDS) {
        fields.add(path);
      }
    }

    SearchHit toHit() {
      String kind = doc.get(IndexFields.KIND);
      String id = doc.get(IndexFields.ID);
      String table = kind.equals("field") ? doc.get(IndexFields.TABLE) : null;
      List<String> badges = Arrays.asList(doc.getValues(IndexFields.BADGES));
      return new SearchHit(kind, id, table, score, DocumentAbbrev.of(doc.get(IndexFields.SNIPPET)),
          doc.get(IndexFields.TITLE), new ArrayList<>(fields), badges);
    }
  }

  /** Snippets are short: the first 200 characters of the stored description or text. */
  private static final class DocumentAbbrev {
    static String of(String s) {
      if (s == null) {
        return "";
      }
      String t = s.replaceAll("\\s+", " ").strip();
      return t.length() <= 200 ? t : t.substring(0, 199) + "…";
    }
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
