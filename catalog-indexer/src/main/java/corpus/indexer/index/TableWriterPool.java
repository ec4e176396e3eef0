package corpus.indexer.index;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Table;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Turns tables into Lucene documents and writes them on several threads: building documents and
 * inverting them is most of the cost of indexing, and IndexWriter is made for concurrent adds. A
 * table always goes to the same worker (by id), so a later copy of a table replaces an earlier one.
 */
final class TableWriterPool implements AutoCloseable {

  private record Job(Table table, Dataset dataset, TableExtras extras, String source, PreviousIndex.TableState state,
      String json) {}

  private static final Job STOP = new Job(null, null, null, null, null, null);

  private final IndexWriter writer;
  private final List<BlockingQueue<Job>> queues = new ArrayList<>();
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicLong fields = new AtomicLong();
  /** Tables submitted and not yet written (or skipped after a failure). */
  private final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private final FieldClassifications classifications;

  TableWriterPool(IndexWriter writer, int threads, FieldClassifications classifications) {
    this.writer = writer;
    this.classifications = classifications;
    for (int i = 0; i < threads; i++) {
      BlockingQueue<Job> queue = new ArrayBlockingQueue<>(64);
      queues.add(queue);
      Thread t = Thread.ofPlatform().name(String.format(java.util.Locale.ROOT, "corpus-index-%02d", i)).daemon()
          .unstarted(() -> work(queue));
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
      String json) throws IOException {
    rethrow();
    int worker = Math.floorMod(table.id().toString().hashCode(), queues.size());
    busy.incrementAndGet();
    try {
      queues.get(worker).put(new Job(table, dataset, extras, source, state, json));
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
    for (BlockingQueue<Job> q : queues) {
      try {
        q.put(STOP);
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

  private void work(BlockingQueue<Job> queue) {
    DocumentFactory factory = new DocumentFactory(classifications);
    try {
      while (true) {
        Job job = queue.take();
        if (job == STOP) {
          return;
        }
        try {
          if (failure.get() != null) {
            continue;
          }
          Document doc = factory.table(job.table(), job.dataset(), job.extras(), job.source(), job.state(), job.json());
          writer.updateDocument(new Term(IndexFields.TABLE, job.table().id().toString()), doc);
          fields.addAndGet(doc.getField(IndexFields.FIELD_COUNT).numericValue().longValue());
        } finally {
          busy.decrementAndGet();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      failure.compareAndSet(null, e);
      drainUntilStop(queue);
    }
  }

  /** Discards this worker's queued tables (the run has failed) until {@link #finish()} stops it. */
  private void drainUntilStop(BlockingQueue<Job> queue) {
    try {
      while (queue.take() != STOP) {
        busy.decrementAndGet();
      }
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
