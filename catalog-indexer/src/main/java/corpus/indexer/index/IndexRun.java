package corpus.indexer.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.model.CatalogJson;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableUsage;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.lineage.SchemaProvider;
import corpus.lineage.StatementLineage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink of one indexing run: streams changed tables to the writer pool as sources find them,
 * then writes datasets, docs and pipelines, links them to tables, and rewrites the tables whose
 * docs, usage or lineage changed. Against an empty {@link PreviousIndex} it writes everything.
 */
final class IndexRun implements CatalogSink {

  private static final Logger LOG = LoggerFactory.getLogger(IndexRun.class);
  private static final String NO_EXTRAS = ContentHash.of("no extras");

  private final IndexWriter writer;
  private final ProgressListener progress;
  private final DocumentFactory factory;
  private final TableWriterPool pool;
  private final PreviousIndex previous;
  private final String classificationsVersion;
  private final ObjectMapper json = CatalogJson.mapper();
  private final DocLinker linker = new DocLinker();
  private final SchemaLookup schemaLookup;
  final Map<String, Dataset> datasets = new LinkedHashMap<>();
  private final Map<String, String> datasetSources = new HashMap<>();
  private final Map<String, String> tableSources = new HashMap<>();
  private final Map<String, PreviousIndex.TableState> states = new HashMap<>();
  private final Map<String, TableUsage> usage = new HashMap<>();
  private final Map<String, String> datasetJson = new HashMap<>();
  final List<Doc> docs = new ArrayList<>();
  private final List<String> docSources = new ArrayList<>();
  private final List<Pipeline> pipelines = new ArrayList<>();
  private final List<String> pipelineSources = new ArrayList<>();
  final List<Problem> problems = new ArrayList<>();
  private String source = "";
  private String origin;
  private String originFingerprint;
  /** The fingerprint of the record whose table comes next, when the source gave one. */
  private String pendingRecord;
  /** Every input file of this run with its fingerprint, for the commit's user data. */
  final Map<String, String> origins = new LinkedHashMap<>();
  /** Tables skipped unparsed because their raw record was unchanged. */
  long recordsSkipped;
  long tables;
  final Set<String> written = new java.util.HashSet<>();
  /** Unchanged tables whose raw record changed (same content): their recorded state is updated in place. */
  private final List<String> fingerprintUpdates = new ArrayList<>();
  long removed;

  IndexRun(IndexWriter writer, ProgressListener progress, DocumentFactory factory, TableWriterPool pool,
      PreviousIndex previous, String classificationsVersion) {
    this.writer = writer;
    this.progress = progress;
    this.factory = factory;
    this.pool = pool;
    this.previous = previous;
    this.classificationsVersion = classificationsVersion;
    this.schemaLookup = new SchemaLookup(writer, pool, () -> tables);
  }

  /** Starts the next source: its tables are attributed to it. */
  void startSource(String spec) {
    source = spec;
    origin = null;
    originFingerprint = null;
    pendingRecord = null;
  }

  static void checkCancelled() {
    if (Thread.currentThread().isInterrupted()) {
      throw new IndexCancelledException();
    }
  }

  @Override
  public void dataset(Dataset dataset) {
    checkCancelled();
    datasets.put(dataset.id(), dataset);
    datasetJson.remove(dataset.id());
    datasetSources.put(dataset.id(), source);
  }

  @Override
  public boolean beginOrigin(String file, String fingerprint) {
    origin = file;
    originFingerprint = fingerprint == null ? null : fingerprint + "|" + classificationsVersion;
    pendingRecord = null;
    if (originFingerprint != null) {
      origins.put(origin, originFingerprint);
    }
    List<String> unchanged = previous.unchangedTables(origin, originFingerprint);
    if (unchanged == null) {
      return false;
    }
    for (String id : unchanged) {
      if (tableSources.put(id, source) == null) {
        tables++;
      }
      linker.addTable(id);
      states.put(id, previous.table(id));
    }
    return true;
  }

  /**
   * Skips a record whose raw bytes, origin, source and classifications are what the catalog was
   * built from, unless a source of this run supplied its dataset (whose metadata is part of a
   * table's documents): the table keeps its documents and state without being parsed.
   */
  @Override
  public boolean unchangedRecord(String fingerprint) {
    checkCancelled();
    String record = fingerprint + "|" + source + "|" + classificationsVersion;
    String id = previous.tableOfRecord(origin, record);
    if (id == null || tableSources.containsKey(id) || datasets.containsKey(id.substring(0, id.lastIndexOf('.')))) {
      pendingRecord = record;
      return false;
    }
    pendingRecord = null;
    tableSources.put(id, source);
    tables++;
    recordsSkipped++;
    linker.addTable(id);
    states.put(id, previous.table(id));
    if (tables % 500 == 0) {
      progress.progress("tables", tables, -1);
    }
    return true;
  }

  @Override
  public void table(Table table) {
    checkCancelled();
    String id = table.id().toString();
    // a record can be skipped next time only if nothing outside it (a dataset resource) shaped its documents
    String record = datasets.containsKey(table.id().datasetId()) ? null : pendingRecord;
    pendingRecord = null;
    if (tableSources.put(id, source) == null) {
      tables++;
    }
    linker.addTable(table.id());
    Dataset dataset = datasets.get(table.id().datasetId());
    byte[] tableJson = StoredJson.table(table);
    String hash = ContentHash.of(tableJson, dataset == null ? null : datasetJson(dataset), source, classificationsVersion);
    PreviousIndex.TableState before = previous.table(id);
    if (before != null && before.contentHash().equals(hash) && Objects.equals(before.origin(), origin)) {
      if (Objects.equals(before.record(), record)) {
        states.put(id, before);
      } else {
        // same content from a record spelled differently: record its new fingerprint, keep the documents
        PreviousIndex.TableState moved = new PreviousIndex.TableState(before.contentHash(), before.extrasHash(),
            origin, record);
        states.put(id, moved);
        fingerprintUpdates.add(id);
      }
    } else {
      PreviousIndex.TableState state = new PreviousIndex.TableState(hash, NO_EXTRAS, origin, record);
      states.put(id, state);
      try {
        pool.submit(table, dataset, TableExtras.NONE, source, state, tableJson);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      written.add(id);
    }
    if (tables % 500 == 0) {
      progress.progress("tables", tables, -1);
    }
  }

  @Override
  public void doc(Doc doc) {
    checkCancelled();
    docs.add(doc);
    docSources.add(source);
  }

  @Override
  public void usage(TableUsage u) {
    usage.merge(u.table().toString(), u, (a, b) -> new TableUsage(a.table(),
        a.queryCount() + b.queryCount(), Math.max(a.distinctUsers(), b.distinctUsers()),
        a.lastQueried() == null || (b.lastQueried() != null && b.lastQueried().isAfter(a.lastQueried()))
            ? b.lastQueried() : a.lastQueried()));
  }

  @Override
  public SchemaProvider schemas() {
    return tableId -> {
      String id = canonicalTableId(tableId);
      return id == null ? Optional.empty() : schemaLookup.columns(id);
    };
  }

  /** The id as the catalog spells it (table ids are matched case-insensitively). */
  private String canonicalTableId(String tableId) {
    if (tableSources.containsKey(tableId)) {
      return tableId;
    }
    String lower = tableId.toLowerCase(Locale.ROOT);
    for (String id : tableSources.keySet()) {
      if (id.toLowerCase(Locale.ROOT).equals(lower)) {
        return id;
      }
    }
    return null;
  }

  @Override
  public void pipeline(Pipeline pipeline) {
    checkCancelled();
    pipelines.add(pipeline);
    pipelineSources.add(source);
  }

  @Override
  public void problem(Problem problem) {
    LOG.debug("skipped {}", problem);
    problems.add(problem);
  }

  /** After all sources: removes vanished tables, writes datasets, docs and pipelines, links extras. */
  void finish() throws IOException {
    pool.finish();
    schemaLookup.close();
    for (String id : fingerprintUpdates) {
      if (!written.contains(id)) {
        writer.updateBinaryDocValue(new Term(IndexFields.ID, id), IndexFields.STATE_DV,
            new BytesRef(states.get(id).encode()));
      }
    }
    progress.progress("tables", tables, tables);
    for (String id : previous.tableIds()) {
      if (!tableSources.containsKey(id)) {
        writer.deleteDocuments(new Term(IndexFields.TABLE, id));
        removed++;
      }
    }
    BooleanQuery.Builder rebuilt = new BooleanQuery.Builder();
    for (String kind : List.of("dataset", "doc", "docfile", "pipeline")) {
      rebuilt.add(new TermQuery(new Term(IndexFields.KIND, kind)), Occur.SHOULD);
    }
    writer.deleteDocuments(rebuilt.build());
    writeDatasets();
    Map<String, StringBuilder> docText = writeDocs();
    Map<String, Set<String>> upstream = new HashMap<>();
    Map<String, Set<String>> downstream = new HashMap<>();
    writePipelines(upstream, downstream);
    rewriteExtras(docText, upstream, downstream);
  }

  private void writeDatasets() throws IOException {
    for (String id : tableSources.keySet()) {
      String datasetId = id.substring(0, id.lastIndexOf('.'));
      datasets.computeIfAbsent(datasetId, d -> {
        int dot = d.indexOf('.');
        return new Dataset(d.substring(0, dot), d.substring(dot + 1), null, null, Map.of(), null, null);
      });
    }
    for (Dataset d : datasets.values()) {
      writer.addDocument(factory.dataset(d, datasetSources.getOrDefault(d.id(), "derived")));
    }
  }

  private Map<String, StringBuilder> writeDocs() throws IOException {
    Map<String, StringBuilder> docText = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      checkCancelled();
      Doc doc = docs.get(i);
      List<String> linked = linker.link(doc);
      writer.addDocuments(factory.doc(doc, linked, docSources.get(i)));
      String text = doc.title() + "\n" + String.join("\n", doc.sections().stream().map(s -> s.text()).toList());
      for (String table : linked) {
        docText.computeIfAbsent(table, k -> new StringBuilder()).append(text).append('\n');
      }
      progress.progress("docs", i + 1, docs.size());
    }
    return docText;
  }

  private void writePipelines(Map<String, Set<String>> upstream, Map<String, Set<String>> downstream) throws IOException {
    for (int i = 0; i < pipelines.size(); i++) {
      checkCancelled();
      Pipeline p = pipelines.get(i);
      writer.updateDocument(new Term(IndexFields.ID, "pipeline:" + p.id()), factory.pipeline(p, pipelineSources.get(i)));
      for (StatementLineage st : p.statements()) {
        for (String target : st.targets()) {
          for (String src : st.sources()) {
            if (!src.equals(target)) {
              upstream.computeIfAbsent(target, k -> new TreeSet<>()).add(src);
              downstream.computeIfAbsent(src, k -> new TreeSet<>()).add(target);
            }
          }
        }
      }
    }
  }

  /** Rewrites each table whose docs, usage or lineage differ from what its documents hold. */
  private void rewriteExtras(Map<String, StringBuilder> docText, Map<String, Set<String>> upstream,
      Map<String, Set<String>> downstream) throws IOException {
    Set<String> candidates = new TreeSet<>(docText.keySet());
    candidates.addAll(usage.keySet());
    candidates.addAll(upstream.keySet());
    candidates.addAll(downstream.keySet());
    states.forEach((id, state) -> {
      if (!state.extrasHash().equals(NO_EXTRAS)) {
        candidates.add(id);
      }
    });
    candidates.retainAll(tableSources.keySet());
    List<String> rewrite = new ArrayList<>();
    Map<String, TableExtras> extrasById = new HashMap<>();
    for (String id : candidates) {
      StringBuilder text = docText.get(id);
      TableExtras extras = new TableExtras(usage.get(id), text == null ? null : text.toString(),
          List.copyOf(upstream.getOrDefault(id, Set.of())), List.copyOf(downstream.getOrDefault(id, Set.of())));
      boolean none = extras.usage() == null && extras.docText() == null && extras.upstream().isEmpty()
          && extras.downstream().isEmpty();
      String hash = none ? NO_EXTRAS : ContentHash.of(toJson(extras));
      if (!hash.equals(states.get(id).extrasHash())) {
        rewrite.add(id);
        extrasById.put(id, extras);
        PreviousIndex.TableState s = states.get(id);
        states.put(id, new PreviousIndex.TableState(s.contentHash(), hash, s.origin(), s.record()));
      }
    }
    if (rewrite.isEmpty()) {
      return;
    }
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (String id : rewrite) {
        checkCancelled();
        TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
          continue;
        }
        Document stored = searcher.storedFields().document(top.scoreDocs[0].doc);
        Table table = StoredJson.read(stored, IndexFields.JSON, Table.class);
        Document rebuilt = factory.table(table, datasets.get(table.id().datasetId()), extrasById.get(id),
            tableSources.get(id), states.get(id));
        writer.updateDocument(new Term(IndexFields.TABLE, id), rebuilt);
        written.add(id);
      }
    }
  }

  /** A dataset's JSON, serialised once per dataset rather than once per table. */
  private String datasetJson(Dataset dataset) {
    return datasetJson.computeIfAbsent(dataset.id(), k -> toJson(dataset));
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
