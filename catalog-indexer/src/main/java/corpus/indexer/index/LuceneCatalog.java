package corpus.indexer.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.catalog.DocRef;
import corpus.indexer.model.CatalogJson;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableUsage;
import corpus.indexer.CorpusHome;
import corpus.indexer.search.CatalogSearch;
import corpus.indexer.search.Synonyms;
import corpus.indexer.search.SearchRequest;
import corpus.indexer.search.SearchResponse;
import corpus.lineage.graph.LineageGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * A built catalog opened for reading: search and the details of each entity, backed by a Lucene
 * {@link SearcherManager} so a re-index becomes visible through {@link #refresh()}.
 *
 * <pre>{@code
 * try (LuceneCatalog catalog = LuceneCatalog.open(indexDir)) {
 *   SearchResponse r = catalog.search(SearchRequest.of("creator plays per day", 10));
 * }
 * }</pre>
 */
public final class LuceneCatalog implements CatalogReader {

  private final FSDirectory directory;
  private final SearcherManager searchers;
  private final CatalogSearch search;
  private volatile CachedGraph graph;

  private LuceneCatalog(FSDirectory directory, Synonyms synonyms) throws IOException {
    this.directory = directory;
    this.search = new CatalogSearch(synonyms);
    this.searchers = new SearcherManager(directory, new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new CatalogSimilarity());
        return searcher;
      }
    });
  }

  /** Reads stored entities; made on first use, as a search needs none (opening stays quick). */
  private static final class Json {
    static final ObjectMapper MAPPER = CatalogJson.mapper();
  }

  /** Commit data key of the catalog's {@link #LAYOUT}. */
  static final String LAYOUT_KEY = "corpus.layout";
  /**
   * The version of the catalog's fields, raised whenever documents gain or change fields that
   * searches rely on (2: beginnings of names for prefix matching).
   */
  static final String LAYOUT = "2";

  /** Opens the catalog in {@code indexDir}; fails with a clear message when there is none. */
  public static LuceneCatalog open(Path indexDir) throws IOException {
    if (!exists(indexDir)) {
      String layout = layout(indexDir);
      String what = layout == null ? "no catalog at " + indexDir : "the catalog at " + indexDir
          + " was built by an earlier version of Corpus (index layout " + layout + ", now " + LAYOUT + ")";
      throw new IOException(what + ": build one with `corpus index --index-dir " + indexDir + " --source sample`");
    }
    return new LuceneCatalog(FSDirectory.open(indexDir),
        Synonyms.load(CorpusHome.resolve().root().resolve("synonyms.txt")));
  }

  /**
   * True when {@code indexDir} holds a committed catalog this version of Corpus reads: one built
   * with another layout of fields counts as none, so it is rebuilt rather than updated in place. A
   * catalog whose commit cannot be read counts as one: opening it says what is wrong.
   */
  public static boolean exists(Path indexDir) throws IOException {
    try {
      String layout = layout(indexDir);
      return layout != null && layout.equals(LAYOUT);
    } catch (IOException unreadable) {
      return true;
    }
  }

  /** The layout of the committed catalog in {@code indexDir} ("1" before layouts were recorded); null if none. */
  private static String layout(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      return null;
    }
    try (FSDirectory dir = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(dir)) {
        return null;
      }
      return SegmentInfos.readLatestCommit(dir).getUserData().getOrDefault(LAYOUT_KEY, "1");
    }
  }

  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return search.search(searcher, request);
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public String explain(SearchRequest request, String entityId) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return search.explain(searcher, request, entityId);
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public Optional<Table> table(TableId id) throws IOException {
    return stored(id.toString(), Table.class);
  }

  @Override
  public Optional<Dataset> dataset(String project, String dataset) throws IOException {
    return stored(project + "." + dataset, Dataset.class);
  }

  @Override
  public Optional<TableUsage> usage(TableId id) throws IOException {
    Optional<Document> doc = document(id.toString());
    if (doc.isEmpty() || doc.get().get(IndexFields.USAGE_JSON) == null) {
      return Optional.empty();
    }
    return Optional.of(Json.MAPPER.readValue(doc.get().get(IndexFields.USAGE_JSON), TableUsage.class));
  }

  @Override
  public List<DocRef> docsFor(TableId id) throws IOException {
    Query query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexFields.MENTIONS, id.toString())), Occur.FILTER)
        .add(new TermQuery(new Term(IndexFields.KIND, "docfile")), Occur.FILTER)
        .build();
    List<DocRef> refs = new ArrayList<>();
    for (Document d : all(query)) {
      Doc doc = Json.MAPPER.readValue(d.get(IndexFields.JSON), Doc.class);
      refs.add(new DocRef(doc.id(), doc.title(), doc.path()));
    }
    refs.sort(Comparator.comparing(DocRef::title, String.CASE_INSENSITIVE_ORDER));
    return refs;
  }

  @Override
  public Optional<Doc> doc(String docId) throws IOException {
    return stored("docfile:" + docId, Doc.class);
  }

  @Override
  public List<Pipeline> pipelinesFor(TableId id) throws IOException {
    Query query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexFields.MENTIONS, id.toString())), Occur.FILTER)
        .add(new TermQuery(new Term(IndexFields.KIND, "pipeline")), Occur.FILTER)
        .build();
    List<Pipeline> out = new ArrayList<>();
    for (Document doc : all(query)) {
      out.add(Json.MAPPER.readValue(doc.get(IndexFields.JSON), Pipeline.class));
    }
    out.sort(Comparator.comparing(Pipeline::id));
    return out;
  }

  @Override
  public LineageGraph lineageGraph() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      CachedGraph cached = graph;
      if (cached != null && cached.reader() == searcher.getIndexReader()) {
        return cached.graph();
      }
      LineageGraph built = new LineageGraph();
      TermQuery pipelines = new TermQuery(new Term(IndexFields.KIND, "pipeline"));
      int n = Math.max(1, searcher.count(pipelines));
      for (ScoreDoc sd : searcher.search(pipelines, n).scoreDocs) {
        Pipeline p = Json.MAPPER.readValue(searcher.storedFields().document(sd.doc).get(IndexFields.JSON), Pipeline.class);
        built.addStatements(p.file() == null ? p.id() : p.file(), p.statements());
      }
      graph = new CachedGraph(searcher.getIndexReader(), built);
      return built;
    } finally {
      searchers.release(searcher);
    }
  }

  private record CachedGraph(IndexReader reader, LineageGraph graph) {}

  private List<Document> all(Query query) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      int n = Math.max(1, searcher.count(query));
      List<Document> docs = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(query, n).scoreDocs) {
        docs.add(searcher.storedFields().document(sd.doc));
      }
      return docs;
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public List<String> complete(String prefix, int limit) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return search.complete(searcher, prefix, limit);
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public long tableCount() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.count(new TermQuery(new Term(IndexFields.KIND, "table")));
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    directory.close();
  }

  private <T> Optional<T> stored(String id, Class<T> type) throws IOException {
    Optional<Document> doc = document(id);
    return doc.isEmpty() ? Optional.empty() : Optional.ofNullable(StoredJson.read(doc.get(), IndexFields.JSON, type));
  }

  private Optional<Document> document(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc));
    } finally {
      searchers.release(searcher);
    }
  }
}
