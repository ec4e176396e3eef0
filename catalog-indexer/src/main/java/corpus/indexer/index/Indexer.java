package corpus.indexer.index;

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
import corpus.indexer.source.CatalogSource;
import corpus.indexer.lineage.CatalogSchemas;
import corpus.lineage.ColumnSchema;
import corpus.lineage.SchemaProvider;
import corpus.lineage.StatementLineage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Lucene catalog from sources in one atomic commit: readers see the previous catalog
 * until the new one is complete, and a cancelled or failed run leaves it untouched.
 *
 * <pre>{@code
 * IndexSummary s = new Indexer(indexDir).run(SourceSpecs.parse("sample", home), progress);
 * }</pre>
 */
public final class Indexer {

  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

  private final Path indexDir;
  private final int threads;
  private FieldClassifications classifications = FieldClassifications.NONE;

  public Indexer(Path indexDir) {
    this(indexDir, TableWriterPool.defaultThreads());
  }

  /** An indexer that builds documents on {@code threads} threads. */
  public Indexer(Path indexDir, int threads) {
    this.indexDir = indexDir;
    this.threads = threads;
  }

  /** Index the GDPR categories these classifications give each field ({@code pii:} search, badges). */
  public Indexer withClassifications(FieldClassifications classifications) {
    this.classifications = classifications;
    return this;
  }

  /** Crawls every source in order and replaces the catalog with what they hold. */
  public IndexSummary run(List<CatalogSource> sources, ProgressListener progress) throws IOException {
    long start = System.nanoTime();
    Files.createDirectories(indexDir);
    IndexWriterConfig config = new IndexWriterConfig(Analyzers.forIndex())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(128);
    try (FSDirectory dir = FSDirectory.open(indexDir);
        IndexWriter writer = new IndexWriter(dir, config)) {
      Run run = new Run(writer, progress, new DocumentFactory(classifications));
      try (TableWriterPool pool = new TableWriterPool(writer, threads, classifications)) {
        run.pool = pool;
        for (CatalogSource source : sources) {
          checkCancelled();
          run.source = source.spec();
          LOG.info("crawling {}", source.spec());
          try {
            source.crawl(run, progress);
          } catch (IndexCancelledException | InterruptedException e) {
            throw new IndexCancelledException();
          } catch (Exception e) {
            run.problem(new Problem(source.spec(), null, 0, describe(e)));
          }
        }
        pool.finish();
        run.closeSchemaReader();
        run.finish();
        writer.commit();
      } catch (IOException | RuntimeException e) {
        boolean interrupted = Thread.interrupted(); // Lucene's rollback waits and must not be interrupted
        writer.rollback();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        throw e;
      }
      long took = (System.nanoTime() - start) / 1_000_000;
      return new IndexSummary(run.datasets.size(), run.tables, run.pool.fields(), run.docs.size(), run.problems, took);
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static void checkCancelled() {
    if (Thread.currentThread().isInterrupted()) {
      throw new IndexCancelledException();
    }
  }

  /** The sink of one run: writes tables as they come, links docs and usage at the end. */
  private static final class Run implements CatalogSink {
    private final IndexWriter writer;
    private final ProgressListener progress;
    private final DocumentFactory factory;
    private final ObjectMapper json = CatalogJson.mapper();
    private final DocLinker linker = new DocLinker();
    private final Map<String, Dataset> datasets = new LinkedHashMap<>();
    private final Map<String, String> datasetSources = new HashMap<>();
    private final Map<String, String> tableSources = new HashMap<>();
    private final Map<String, TableUsage> usage = new HashMap<>();
    private final List<Doc> docs = new ArrayList<>();
    private final List<String> docSources = new ArrayList<>();
    private final List<Pipeline> pipelines = new ArrayList<>();
    private final List<String> pipelineSources = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private String source = "";
    private TableWriterPool pool;
    private final Map<String, Optional<List<ColumnSchema>>> schemaCache = new HashMap<>();
    private DirectoryReader schemaReader;
    private long schemaReaderTables = -1;
    private long tables;

    Run(IndexWriter writer, ProgressListener progress, DocumentFactory factory) {
      this.writer = writer;
      this.progress = progress;
      this.factory = factory;
    }

    @Override
    public void dataset(Dataset dataset) {
      checkCancelled();
      datasets.put(dataset.id(), dataset);
      datasetSources.put(dataset.id(), source);
    }

    @Override
    public void table(Table table) {
      checkCancelled();
      String id = table.id().toString();
      try {
        if (tableSources.put(id, source) == null) {
          tables++;
        }
        linker.addTable(table.id());
        pool.submit(table, datasets.get(table.id().datasetId()),
            new TableExtras(usage.get(id), null, List.of(), List.of()), source);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
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
      return this::columns;
    }

    /** Schema of a table received earlier in this run, read back from the index being written. */
    private synchronized Optional<List<ColumnSchema>> columns(String tableId) {
      String id = canonicalTableId(tableId);
      if (id == null) {
        return Optional.empty();
      }
      return schemaCache.computeIfAbsent(id, key -> {
        try {
          pool.awaitIdle();
          if (schemaReader == null) {
            schemaReader = DirectoryReader.open(writer);
          } else if (schemaReaderTables != tables) {
            DirectoryReader newer = DirectoryReader.openIfChanged(schemaReader, writer);
            if (newer != null) {
              schemaReader.close();
              schemaReader = newer;
            }
          }
          schemaReaderTables = tables;
          IndexSearcher searcher = new IndexSearcher(schemaReader);
          TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, key)), 1);
          if (top.scoreDocs.length == 0) {
            return Optional.empty();
          }
          Table table = json.readValue(searcher.storedFields().document(top.scoreDocs[0].doc).get(IndexFields.JSON), Table.class);
          return Optional.of(CatalogSchemas.columns(table.schema()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    /** The id as the catalog spells it (table ids are matched case-insensitively). */
    private String canonicalTableId(String tableId) {
      if (tableSources.containsKey(tableId)) {
        return tableId;
      }
      String lower = tableId.toLowerCase(java.util.Locale.ROOT);
      for (String id : tableSources.keySet()) {
        if (id.toLowerCase(java.util.Locale.ROOT).equals(lower)) {
          return id;
        }
      }
      return null;
    }

    void closeSchemaReader() throws IOException {
      if (schemaReader != null) {
        schemaReader.close();
      }
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

    /** Writes datasets and docs, then re-writes the tables that docs or usage add to. */
    void finish() throws IOException {
      progress.progress("tables", tables, tables);
      for (String datasetId : datasetIdsOfTables()) {
        datasets.computeIfAbsent(datasetId, id -> {
          int dot = id.indexOf('.');
          return new Dataset(id.substring(0, dot), id.substring(dot + 1), null, null, Map.of(), null, null);
        });
      }
      for (Dataset d : datasets.values()) {
        writer.updateDocument(new Term(IndexFields.ID, d.id()),
            factory.dataset(d, datasetSources.getOrDefault(d.id(), "derived")));
      }
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
      Map<String, Set<String>> upstream = new HashMap<>();
      Map<String, Set<String>> downstream = new HashMap<>();
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
      Set<String> rewrite = new TreeSet<>(docText.keySet());
      rewrite.addAll(usage.keySet());
      rewrite.addAll(upstream.keySet());
      rewrite.addAll(downstream.keySet());
      rewrite.retainAll(tableSources.keySet());
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
          Table table = json.readValue(stored.get(IndexFields.JSON), Table.class);
          StringBuilder text = docText.get(id);
          TableExtras extras = new TableExtras(usage.get(id), text == null ? null : text.toString(),
              List.copyOf(upstream.getOrDefault(id, Set.of())), List.copyOf(downstream.getOrDefault(id, Set.of())));
          List<Document> rebuilt = factory.table(table, datasets.get(table.id().datasetId()), extras, tableSources.get(id));
          writer.updateDocuments(new Term(IndexFields.TABLE, id), rebuilt);
        }
      }
    }

    private List<String> datasetIdsOfTables() {
      return tableSources.keySet().stream()
          .map(id -> id.substring(0, id.lastIndexOf('.')))
          .distinct()
          .toList();
    }

  }
}
