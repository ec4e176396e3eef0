package corpus.indexer.index;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Table;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;

/**
 * Turns tables into Lucene documents and writes them on several threads: building documents and
 * inverting them is most of the cost of indexing, and IndexWriter is made for concurrent adds.
 *
 * <p>The workers share one queue, so a worker that is busy flushing a segment holds up no one. A
 * later copy of a table replaces an earlier one: it is queued only once the earlier copy is
 * written. When the crawl ends, each worker flushes in-memory segments to disk, so the final flush
 * runs on every worker rather than on the thread that commits.
 */
final class TableWriterPool implements AutoCloseable {

  /** A table to write; {@code replace}: the index may hold a document of it already, which it replaces. */
  private record Job(Table table, Dataset dataset, TableExtras extras, String source, PreviousIndex.TableState state,
      byte[] json, boolean replace) {}

  private static final Job STOP = new Job(null, null, null, null, null, null, false);

  private final IndexWriter writer;
  private final BlockingQueue<Job> queue;
  /** Tables queued in this run, to hold back a second copy until the first is written. */
  private final Set<String> queued = new HashSet<>();
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicLong fields = new AtomicLong();
  /** Tables submitted and not yet written (or skipped after a failure). */
  private final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  /** Counts down as each worker takes its STOP: flushing starts once no worker holds a buffer. */
  private final CountDownLatch indexed;

  private final FieldClassifications classifications;
  /**
   * The writer started from an empty index (a full build): a table's first copy in this run is
   * added, not updated. An update by id costs a delete term per table, which Lucene resolves
   * against every segment when it flushes and opens a reader: 100,000 lookups that find nothing.
   */
  private final boolean startsEmpty;

  TableWriterPool(IndexWriter writer, int threads, FieldClassifications classifications) {
    this.writer = writer;
    this.startsEmpty = writer.getConfig().getOpenMode() == IndexWriterConfig.OpenMode.CREATE;
    this.classifications = classifications;
    this.queue = new ArrayBlockingQueue<>(64 * threads);
    this.indexed = new CountDownLatch(threads);
    for (int i = 0; i < threads; i++) {
      Thread t = Thread.ofPlatform().name(String.format(java.util.Locale.ROOT, "corpus-index-%02d", i)).daemon()
          .unstarted(this::work);
      workers.add(t);
      t.start();
    }
  }

  /** The number of threads that suits this machine: one per core, at most four. */
  static int defaultThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  /** Queues a table (replacing any earlier copy); blocks while the workers are busy. */
  void submit(Table table, Dataset dataset, TableExtras extras, String source, PreviousIndex.TableState state)
      throws IOException {
    submit(table, dataset, extras, source, state, null);
  }

  /** As above, with the table's JSON already serialised (null: the worker serialises it). */
  void submit(Table table, Dataset dataset, TableExtras extras, String source, PreviousIndex.TableState state,
      byte[] json) throws IOException {
    rethrow();
    boolean again = !queued.add(table.id().toString());
    if (again) {
      awaitIdle(); // the earlier copy must reach the writer first
    }
    busy.incrementAndGet();
    try {
      queue.put(new Job(table, dataset, extras, source, state, json, again || !startsEmpty));
    } catch (InterruptedException e) {
      busy.decrementAndGet();
      Thread.currentThread().interrupt();
      throw new IndexCancelledException();
    }
  }

  /** Waits until every table queued so far has been handed to the index writer. */
  void awaitIdle() throws IOException {
    while (busy.get() > 0) {
      rethrow();
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IndexCancelledException();
      }
    }
  }

  /** Fields (of the tables) written so far. */
  long fields() {
    return fields.get();
  }

  /** Waits until every queued table is written; rethrows a worker's failure. */
  void finish() throws IOException {
    for (int i = 0; i < workers.size(); i++) {
      try {
        queue.put(STOP);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while finishing the index");
      }
    }
    for (Thread t : workers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while finishing the index");
      }
    }
    rethrow();
  }

  private void work() {
    DocumentFactory factory = new DocumentFactory(classifications);
    try {
      while (true) {
        Job job = queue.take();
        if (job == STOP) {
          indexed.countDown();
          indexed.await(); // a buffer still in use by another worker could not be taken
          flushBuffers();
          return;
        }
        try {
          if (failure.get() != null) {
            continue;
          }
          Document doc = factory.table(job.table(), job.dataset(), job.extras(), job.source(), job.state(), job.json());
          if (job.replace()) {
            writer.updateDocument(new Term(IndexFields.TABLE, job.table().id().toString()), doc);
          } else {
            writer.addDocument(doc);
          }
          fields.addAndGet(doc.getField(IndexFields.FIELD_COUNT).numericValue().longValue());
        } finally {
          busy.decrementAndGet();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      failure.compareAndSet(null, e);
      drainUntilStop();
    }
  }

  /**
   * Writes in-memory segments to disk once every worker has indexed its last table, each worker
   * taking one segment at a time: otherwise one thread (the one that commits) would flush them all,
   * one after another.
   */
  private void flushBuffers() {
    try {
      // flushNextBuffer() is false when no buffer is left, and also when another worker took the
      // buffer this one chose: both choose the largest, and the one that locks it second gets
      // nothing. Looking again finds the next buffer; without it one worker flushed every segment,
      // one after the other, while the others had stopped.
      int misses = 0;
      while (failure.get() == null && misses < workers.size()) {
        misses = writer.flushNextBuffer() ? 0 : misses + 1;
      }
    } catch (IOException | RuntimeException e) {
      failure.compareAndSet(null, e); // this worker's STOP is taken: it must not wait for another
    }
  }

  /** Discards queued tables (the run has failed) until {@link #finish()} stops this worker. */
  private void drainUntilStop() {
    try {
      while (queue.take() != STOP) {
        busy.decrementAndGet();
      }
      indexed.countDown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void rethrow() throws IOException {
    Throwable t = failure.get();
    if (t instanceof IOException io) {
      throw io;
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
  }

  /** Stops the workers without waiting for queued work (after a cancel or failure). */
  @Override
  public void close() {
    for (Thread t : workers) {
      t.interrupt();
    }
  }
}
