package corpus.indexer.index;

import corpus.indexer.model.Problem;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSource;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Lucene catalog from sources in one atomic commit: readers see the previous catalog
 * until the new one is complete, and a cancelled or failed run leaves it untouched.
 *
 * <p>{@link #run} rebuilds from scratch; {@link #update} rewrites only the tables whose content,
 * docs, usage or lineage changed, skips input files that did not change, and removes tables the
 * sources no longer have — the result is the same catalog a rebuild would give.
 *
 * <pre>{@code
 * IndexSummary s = new Indexer(indexDir).update(SourceSpecs.parse("sample", home), progress);
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
    return index(sources, progress, false);
  }

  /** Like {@link #run}, but keeps what did not change; builds from scratch when there is no catalog yet. */
  public IndexSummary update(List<CatalogSource> sources, ProgressListener progress) throws IOException {
    return index(sources, progress, LuceneCatalog.exists(indexDir));
  }

  private IndexSummary index(List<CatalogSource> sources, ProgressListener progress, boolean incremental)
      throws IOException {
    long start = System.nanoTime();
    Files.createDirectories(indexDir);
    IndexWriterConfig config = writerConfig(incremental);
    try (FSDirectory dir = FSDirectory.open(indexDir);
        IndexWriter writer = new IndexWriter(dir, config)) {
      PreviousIndex previous = PreviousIndex.EMPTY;
      if (incremental) {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
          Map<String, String> commitData = new HashMap<>();
          if (writer.getLiveCommitData() != null) {
            writer.getLiveCommitData().forEach(e -> commitData.put(e.getKey(), e.getValue()));
          }
          previous = PreviousIndex.read(reader, commitData);
        }
      }
      try (TableWriterPool pool = new TableWriterPool(writer, threads, classifications)) {
        IndexRun run = new IndexRun(writer, progress, new DocumentFactory(classifications), pool, previous,
            classifications.version());
        for (CatalogSource source : sources) {
          IndexRun.checkCancelled();
          run.startSource(source.spec());
          LOG.info("crawling {}", source.spec());
          try {
            source.crawl(run, progress);
          } catch (IndexCancelledException | InterruptedException e) {
            throw new IndexCancelledException();
          } catch (Exception e) {
            run.problem(new Problem(source.spec(), null, 0, describe(e)));
          }
        }
        run.finish();
        long fields;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
          fields = fieldCount(reader);
        }
        Map<String, String> commitData = new HashMap<>();
        if (writer.getLiveCommitData() != null) {
          writer.getLiveCommitData().forEach(e -> commitData.put(e.getKey(), e.getValue()));
        }
        commitData.put(PreviousIndex.ORIGINS_KEY, PreviousIndex.encodeOrigins(run.origins));
        commitData.put(LuceneCatalog.LAYOUT_KEY, LuceneCatalog.LAYOUT);
        writer.setLiveCommitData(commitData.entrySet());
        writer.commit();
        long took = (System.nanoTime() - start) / 1_000_000;
        return new IndexSummary(run.datasets.size(), run.tables, fields, run.docs.size(),
            run.written.size(), run.removed, run.problems, took);
      } catch (IOException | RuntimeException e) {
        boolean interrupted = Thread.interrupted(); // Lucene's rollback waits and must not be interrupted
        try {
          writer.rollback();
        } catch (IOException | RuntimeException rollbackFailure) {
          // An interrupt during I/O closes Lucene's lock channel; releasing the lock then fails.
          e.addSuppressed(rollbackFailure);
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        if (interrupted || e instanceof ClosedByInterruptException) {
          IndexCancelledException cancelled = new IndexCancelledException();
          cancelled.addSuppressed(e);
          throw cancelled;
        }
        throw e;
      }
    }
  }

  /** The fields of the catalog's live tables (each table document records how many it has). */
  static long fieldCount(IndexReader reader) throws IOException {
    long fields = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues counts = DocValues.getNumeric(leaf.reader(), IndexFields.FIELD_COUNT);
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = counts.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = counts.nextDoc()) {
        if (live == null || live.get(doc)) {
          fields += counts.longValue();
        }
      }
    }
    return fields;
  }

  /**
   * A bulk build flushes large segments as plain files (compound files only save file handles on
   * small indexes and cost a copy of every flushed segment); an update appends small segments
   * that merge into the rest.
   */
  static IndexWriterConfig writerConfig(boolean incremental) {
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setSegmentsPerTier(incremental ? 10 : 16);
    merges.setNoCFSRatio(incremental ? 0.1 : 0.0);
    return new IndexWriterConfig(Analyzers.forIndex())
        .setOpenMode(incremental ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(incremental ? 64 : 256)
        .setUseCompoundFile(incremental)
        .setMergePolicy(merges);
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
