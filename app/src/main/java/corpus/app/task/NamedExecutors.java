package corpus.app.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the app's thread pools with readable thread names, so a thread dump tells who is who. */
public final class NamedExecutors {

  private static final Logger LOG = LoggerFactory.getLogger(NamedExecutors.class);

  private NamedExecutors() {}

  /**
   * A pool of daemon threads named by {@code pattern}, e.g. {@code "corpus-bg-%02d"}; idle threads
   * go away after a minute.
   */
  public static ExecutorService cachedDaemonPool(String pattern) {
    return Executors.newCachedThreadPool(daemonThreads(pattern));
  }

  /** A thread factory for daemon threads named {@code String.format(pattern, n)}, n from 1. */
  public static ThreadFactory daemonThreads(String pattern) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, String.format(pattern, counter.incrementAndGet()));
      thread.setDaemon(true);
      thread.setUncaughtExceptionHandler(
          (t, e) -> LOG.error("Uncaught exception in {}", t.getName(), e));
      return thread;
    };
  }
}
