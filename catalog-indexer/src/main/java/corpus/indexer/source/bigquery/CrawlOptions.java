package corpus.indexer.source.bigquery;

import java.time.Duration;

/**
 * How a {@link BigQuerySource} crawls: worker threads, tables fetched per task, page size of the
 * list calls and query results, the job-history window for usage and observed lineage ({@link
 * Duration#ZERO} turns usage off), the region of the job history (null: each region that holds a
 * crawled dataset), and whether metadata is read with region-level {@code INFORMATION_SCHEMA}
 * queries (falling back to the API per region or dataset) or through the API only.
 */
public record CrawlOptions(int threads, int tablesPerTask, int pageSize, Duration usageWindow,
    String jobHistoryRegion, boolean informationSchema) {

  public CrawlOptions {
    if (threads < 1 || tablesPerTask < 1 || pageSize < 1) {
      throw new IllegalArgumentException("threads, tablesPerTask and pageSize must be positive");
    }
    if (usageWindow == null || usageWindow.isNegative()) {
      throw new IllegalArgumentException("usage window must be zero or positive");
    }
    jobHistoryRegion = jobHistoryRegion == null || jobHistoryRegion.isBlank() ? null : jobHistoryRegion.strip();
  }

  /** 8 threads, 25 tables per task, pages of 1000, 30 days of job history, INFORMATION_SCHEMA first. */
  public static CrawlOptions defaults() {
    return new CrawlOptions(8, 25, 1000, Duration.ofDays(30), null, true);
  }

  public CrawlOptions withThreads(int n) {
    return new CrawlOptions(n, tablesPerTask, pageSize, usageWindow, jobHistoryRegion, informationSchema);
  }

  public CrawlOptions withPageSize(int n) {
    return new CrawlOptions(threads, tablesPerTask, n, usageWindow, jobHistoryRegion, informationSchema);
  }

  public CrawlOptions withUsageWindow(Duration window) {
    return new CrawlOptions(threads, tablesPerTask, pageSize, window, jobHistoryRegion, informationSchema);
  }

  /** Reads the job history of this region only ({@code EU}, {@code europe-west1}); null or blank: the datasets' regions. */
  public CrawlOptions withJobHistoryRegion(String region) {
    return new CrawlOptions(threads, tablesPerTask, pageSize, usageWindow, region, informationSchema);
  }

  /** Whether to read metadata with region-level INFORMATION_SCHEMA queries first (true) or the API only. */
  public CrawlOptions withInformationSchema(boolean on) {
    return new CrawlOptions(threads, tablesPerTask, pageSize, usageWindow, jobHistoryRegion, on);
  }
}
