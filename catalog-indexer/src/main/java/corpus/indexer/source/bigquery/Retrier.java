package corpus.indexer.source.bigquery;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a BigQuery call with exponential backoff and jitter on rate limits (429 and {@code
 * rateLimitExceeded}) and server errors, on top of the client's own retries, and turns the final
 * failure into a {@link BigQueryFailure}. Sleeping is interruptible.
 */
final class Retrier {

  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

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
        return action.call();
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
}
