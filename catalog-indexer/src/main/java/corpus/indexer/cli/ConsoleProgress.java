package corpus.indexer.cli;

import corpus.indexer.progress.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints progress to stderr at most twice a second: stage, count (of total when known), and rate.
 */
final class ConsoleProgress implements ProgressListener {

  private static final long INTERVAL_NANOS = 500_000_000L;

  private final PrintWriter err;
  private final long start = System.nanoTime();
  private long lastPrint;
  private String lastStage = "";

  ConsoleProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void progress(String stage, long done, long total) {
    long now = System.nanoTime();
    boolean finished = total >= 0 && done >= total;
    if (!finished && stage.equals(lastStage) && now - lastPrint < INTERVAL_NANOS) {
      return;
    }
    lastPrint = now;
    lastStage = stage;
    double seconds = Math.max((now - start) / 1e9, 1e-3);
    String of = total >= 0 ? String.format(Locale.ROOT, "/%,d", total) : "";
    err.printf(Locale.ROOT, "%-14s %,d%s  (%,.0f/s, %.1f s)%n", stage, done, of, done / seconds, seconds);
    err.flush();
  }
}
