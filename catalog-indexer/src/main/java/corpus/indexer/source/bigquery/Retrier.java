package corpus.indexer.source.bigquery;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a BigQuery call with exponential backoff and jitter on rate limits (429 and {@code
 * rateLimitExceeded}) and server errors, on top of the client's own retries, and turns the final
 * failure into a {@link BigQueryFailure}. Sleeping and waiting for a call are interruptible: each call
 * runs on a thread of its own while the caller waits, because the BigQuery client can lose an interrupt
 * that arrives during its HTTP exchange (a cancelled query then went on polling, and billing, until done).
 */
final class Retrier {

  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
  private static final ExecutorService CALLS = Executors.newCachedThreadPool(
      Thread.ofPlatform().daemon().name("corpus-bigquery-call-", 0).factory());

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  Retrier(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    this.maxAttempts = Math.max(1, maxAttempts);
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
  }

  static Retrier of(BigQueryConnection connection) {
    return new Retrier(connection.maxAttempts(), connection.initialBackoff(), connection.maxBackoff());
  }

  /** Runs {@code action}; {@code what} completes "while …" in messages, e.g. "listing datasets of p". */
  <T> T call(String what, Callable<T> action) throws InterruptedException {
    long delay = initialBackoff.toMillis();
    for (int attempt = 1; ; attempt++) {
      try {
        return interruptibly(action);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        if (Thread.currentThread().isInterrupted() || BigQueryErrors.isInterrupt(e)) {
          throw new InterruptedException("interrupted while " + what);
        }
        if (attempt >= maxAttempts || !BigQueryErrors.isRetryable(e)) {
          throw BigQueryErrors.translate(e, what);
        }
        long sleep = Math.min(delay, maxBackoff.toMillis());
        sleep = sleep / 2 + ThreadLocalRandom.current().nextLong(sleep / 2 + 1);
        LOG.debug("retrying in {} ms after attempt {} failed while {}", sleep, attempt, what);
        Thread.sleep(sleep);
        delay = Math.min(delay * 2, maxBackoff.toMillis());
      }
    }
  }

  /** Runs {@code action} on a thread of its own; an interrupt of the caller stops the wait and interrupts it. */
  private static <T> T interruptibly(Callable<T> action) throws Exception {
    Future<T> call = CALLS.submit(action);
    try {
      return call.get();
    } catch (InterruptedException e) {
      call.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
