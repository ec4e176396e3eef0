package corpus.indexer.source.bigquery;

import java.time.Duration;

/**
 * How a {@link BigQuerySource} crawls: worker threads, tables fetched per task, page size of the
 * list calls, and the job-history window for usage and observed lineage ({@link Duration#ZERO}
 * turns usage off).
 */
public record CrawlOptions(int threads, int tablesPerTask, int pageSize, Duration usageWindow) {

  public CrawlOptions {
    if (threads < 1 || tablesPerTask < 1 || pageSize < 1) {
      throw new IllegalArgumentException("threads, tablesPerTask and pageSize must be positive");
    }
    if (usageWindow == null || usageWindow.isNegative()) {
      throw new IllegalArgumentException("usage window must be zero or positive");
    }
  }

  /** 8 threads, 25 tables per task, pages of 1000, 30 days of job history. */
  public static CrawlOptions defaults() {
    return new CrawlOptions(8, 25, 1000, Duration.ofDays(30));
  }

  public CrawlOptions withThreads(int n) {
    return new CrawlOptions(n, tablesPerTask, pageSize, usageWindow);
  }

  public CrawlOptions withPageSize(int n) {
    return new CrawlOptions(threads, tablesPerTask, n, usageWindow);
  }

  public CrawlOptions withUsageWindow(Duration window) {
    return new CrawlOptions(threads, tablesPerTask, pageSize, window);
  }
}
