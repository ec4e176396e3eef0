package corpus.indexer.source.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.TableInfo;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableUsage;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls one or more BigQuery projects ({@code bigquery:PROJECT[,PROJECT]}) into the catalog:
 * datasets, tables, views, materialized views, external tables and snapshots with their nested
 * schemas, then usage and observed lineage from the job history (observed edges reach the sink as
 * {@link ObservedPipelines pipelines} marked observed).
 *
 * <p>Usage: {@code new BigQuerySource(List.of("my-project"), BigQueryConnection.of("my-project"),
 * CrawlOptions.defaults()).crawl(sink, progress)}. Datasets are listed through the API; each
 * (project, location) of them is then read with a few region-level {@code INFORMATION_SCHEMA} queries
 * ({@link InformationSchemaCrawler}). A region whose queries fail, and a dataset the views do not
 * show, is read through the API instead ({@code datasets.get}, {@code tables.list}, {@code
 * tables.get} on a bounded pool of named threads {@code corpus-bq-NN}), with a problem saying so.
 * Every sink call happens on the calling thread. A dataset or table that cannot be read (403 is common) becomes a {@link Problem} naming
 * it and the reason, and the crawl goes on; the crawl throws only when not one project could be
 * listed. Interrupting the calling thread stops the crawl.
 */
public final class BigQuerySource implements CatalogSource {

  private static final Logger LOG = LoggerFactory.getLogger(BigQuerySource.class);

  private final List<String> projects;
  private final Supplier<BigQuery> client;
  private final BigQueryConnection connection;
  private final CrawlOptions options;
  private volatile List<ObservedEdge> observedEdges = List.of();

  /** A source for the real service (or the connection's endpoint); the client opens on crawl. */
  public BigQuerySource(List<String> projects, BigQueryConnection connection, CrawlOptions options) {
    this(projects, connection, options, connection::open);
  }

  /** A source over an existing client; {@code connection} gives its retry policy. */
  public BigQuerySource(List<String> projects, BigQuery bigquery, BigQueryConnection connection,
      CrawlOptions options) {
    this(projects, connection, options, () -> bigquery);
  }

  private BigQuerySource(List<String> projects, BigQueryConnection connection, CrawlOptions options,
      Supplier<BigQuery> client) {
    if (projects.isEmpty()) {
      throw new IllegalArgumentException("bigquery source needs at least one project");
    }
    this.projects = List.copyOf(projects);
    this.connection = Objects.requireNonNull(connection);
    this.options = Objects.requireNonNull(options);
    this.client = client;
  }

  /**
   * The source for the argument of a {@code bigquery:} spec, {@code PROJECT[,PROJECT]}; jobs are
   * billed to the first project.
   */
  public static BigQuerySource fromSpec(String spec) {
    int query = spec.indexOf('?');
    String projectList = query < 0 ? spec : spec.substring(0, query);
    List<String> projects = Arrays.stream(projectList.split(","))
        .map(String::strip).filter(p -> !p.isEmpty()).distinct().toList();
    if (projects.isEmpty()) {
      throw new IllegalArgumentException("bigquery source needs a project: bigquery:PROJECT[,PROJECT][?OPTION=VALUE&…]");
    }
    BigQueryConnection connection = BigQueryConnection.of(projects.get(0));
    CrawlOptions options = CrawlOptions.defaults();
    if (query >= 0) {
      for (String pair : spec.substring(query + 1).split("&")) {
        if (pair.isBlank()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = (eq < 0 ? pair : pair.substring(0, eq)).strip();
        String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
        switch (key) {
          case "key-file" -> connection = connection.withCredentials(java.nio.file.Path.of(value));
          case "endpoint" -> connection = connection.withEndpoint(java.net.URI.create(value));
          case "jobs-days" -> options = options.withUsageWindow(Duration.ofDays(number(key, value)));
          case "jobs-region" -> options = options.withJobHistoryRegion(value);
          case "metadata" -> options = options.withInformationSchema(switch (value) {
            case "information-schema" -> true;
            case "api" -> false;
            default -> throw new IllegalArgumentException(
                "bigquery source option metadata=" + value + ": use metadata=information-schema or metadata=api");
          });
          case "threads" -> options = options.withThreads(number(key, value));
          default -> throw new IllegalArgumentException("bigquery source option '" + key
              + "' is unknown: use key-file, endpoint, jobs-days, jobs-region, metadata or threads");
        }
      }
    }
    return new BigQuerySource(projects, connection, options);
  }

  private static int number(String key, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("bigquery source option " + key + "=" + value + ": expected a whole number");
  }

  @Override
  public String spec() {
    return "bigquery:" + String.join(",", projects);
  }

  /** The lineage edges the last crawl observed in the job history (empty before any crawl). */
  public List<ObservedEdge> observedEdges() {
    return observedEdges;
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) throws InterruptedException {
    BigQuery bigquery = client.get();
    Retrier retrier = Retrier.of(connection);
    DatasetCrawler crawler = new DatasetCrawler(bigquery, retrier, spec(), options.pageSize(),
        options.informationSchema());
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(),
        Thread.ofPlatform().name("corpus-bq-", 1).daemon(true).factory());
    try {
      List<Dataset> datasets = listDatasets(crawler, sink);
      List<Dataset> viaApi = options.informationSchema()
          ? crawlRegions(new InformationSchemaCrawler(new QueryRows(bigquery, retrier, options.pageSize())),
              datasets, sink, progress)
          : datasets;
      if (!viaApi.isEmpty()) {
        new Run(crawler, sink, progress, new ExecutorCompletionService<>(pool)).crawl(viaApi);
      }
      readJobHistory(new JobHistoryReader(bigquery, retrier), datasets, sink, progress);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Crawls each (project, location) of the datasets with region-level INFORMATION_SCHEMA queries; returns the
   * datasets left for the API: all of a region whose queries failed, and those the views did not show.
   */
  private List<Dataset> crawlRegions(InformationSchemaCrawler crawler, List<Dataset> datasets, CatalogSink sink,
      ProgressListener progress) throws InterruptedException {
    Map<List<String>, List<Dataset>> regions = new LinkedHashMap<>();
    for (Dataset d : datasets) {
      String location = d.location() == null ? "US" : d.location();
      regions.computeIfAbsent(List.of(d.project(), location), k -> new ArrayList<>()).add(d);
    }
    List<Dataset> viaApi = new ArrayList<>();
    int done = 0;
    long tables = 0;
    for (Map.Entry<List<String>, List<Dataset>> region : regions.entrySet()) {
      String project = region.getKey().get(0);
      String location = region.getKey().get(1);
      String views = InformationSchemaCrawler.regionView(project, location, "*").replace("`", "");
      try {
        InformationSchemaCrawler.RegionCatalog catalog = crawler.crawl(project, location, region.getValue());
        catalog.datasets().forEach(sink::dataset);
        for (Table t : catalog.tables()) {
          sink.table(t);
        }
        tables += catalog.tables().size();
        catalog.partitionProblems().forEach((dataset, reason) ->
            sink.problem(new Problem(spec(), dataset, 0, "partition statistics skipped: " + reason)));
        for (Dataset missing : catalog.missing()) {
          sink.problem(new Problem(spec(), missing.id(), 0, "not shown by " + views.replace("*", "SCHEMATA")
              + "; crawled through the API instead"));
          viaApi.add(missing);
        }
      } catch (BigQueryFailure e) {
        sink.problem(new Problem(spec(), views, 0,
            "region-level INFORMATION_SCHEMA not readable, crawled through the API instead: " + e.getMessage()));
        viaApi.addAll(region.getValue());
      }
      progress.progress("regions", ++done, regions.size());
      progress.progress("tables", tables, -1);
    }
    LOG.info("{}: {} regions through INFORMATION_SCHEMA, {} tables; {} datasets left for the API", spec(),
        regions.size(), tables, viaApi.size());
    return viaApi;
  }

  private List<Dataset> listDatasets(DatasetCrawler crawler, CatalogSink sink) throws InterruptedException {
    List<Dataset> datasets = new ArrayList<>();
    BigQueryFailure last = null;
    int listed = 0;
    for (String project : projects) {
      try {
        datasets.addAll(crawler.listDatasets(project));
        listed++;
      } catch (BigQueryFailure e) {
        last = e;
        sink.problem(new Problem(spec(), project, 0, e.getMessage()));
      }
    }
    if (listed == 0 && last != null) {
      throw last;
    }
    return datasets;
  }

  private void readJobHistory(JobHistoryReader reader, List<Dataset> datasets, CatalogSink sink,
      ProgressListener progress) throws InterruptedException {
    if (options.usageWindow().isZero()) {
      return;
    }
    List<ObservedEdge> edges = new ArrayList<>();
    for (String project : projects) {
      Set<String> locations = new LinkedHashSet<>();
      if (options.jobHistoryRegion() != null) {
        locations.add(options.jobHistoryRegion());
      } else {
        datasets.stream().filter(d -> d.project().equals(project) && d.location() != null)
            .forEach(d -> locations.add(d.location()));
      }
      int done = 0;
      for (String location : locations) {
        String view = JobHistoryReader.jobsView(project, location);
        try {
          JobHistory history = reader.read(project, location, options.usageWindow());
          for (TableUsage u : history.usage()) {
            sink.usage(u);
          }
          edges.addAll(history.edges());
          for (ObservedEdge edge : history.edges()) {
            sink.pipeline(ObservedPipelines.of(edge, view));
          }
        } catch (BigQueryFailure e) {
          sink.problem(new Problem(spec(), view, 0, "usage and observed lineage skipped: " + e.getMessage()));
        }
        progress.progress("job history of " + project, ++done, locations.size());
      }
    }
    observedEdges = List.copyOf(edges);
  }

  /** One crawl's scheduling: dataset tasks, then table batches, drained on the calling thread. */
  private final class Run {
    private final DatasetCrawler crawler;
    private final CatalogSink sink;
    private final ProgressListener progress;
    private final CompletionService<Object> tasks;
    private int pending;
    private long datasetsDone;
    private long tablesKnown;
    private long tablesDone;
    private int datasetsTotal;

    Run(DatasetCrawler crawler, CatalogSink sink, ProgressListener progress,
        CompletionService<Object> tasks) {
      this.crawler = crawler;
      this.sink = sink;
      this.progress = progress;
      this.tasks = tasks;
    }

    void crawl(List<Dataset> datasets) throws InterruptedException {
      datasetsTotal = datasets.size();
      progress.progress("datasets", 0, datasetsTotal);
      for (Dataset d : datasets) {
        submit(() -> crawler.describe(d));
      }
      while (pending > 0) {
        Object result = take();
        switch (result) {
          case DatasetCrawler.Listing listing -> onListing(listing);
          case DatasetCrawler.Batch batch -> onBatch(batch);
          default -> throw new IllegalStateException("unexpected crawl result " + result);
        }
      }
      LOG.info("{}: {} datasets, {} tables", spec(), datasetsDone, tablesDone);
    }

    private void onListing(DatasetCrawler.Listing listing) {
      sink.dataset(listing.dataset());
      if (listing.problem() != null) {
        sink.problem(listing.problem());
      }
      if (listing.partitionProblem() != null) {
        sink.problem(listing.partitionProblem());
      }
      List<TableInfo> tables = listing.tables();
      tablesKnown += tables.size();
      int step = options.tablesPerTask();
      for (int i = 0; i < tables.size(); i += step) {
        List<TableInfo> slice = List.copyOf(tables.subList(i, Math.min(tables.size(), i + step)));
        submit(() -> crawler.fetch(slice, listing.dataset().location(), listing.partitions()));
      }
      progress.progress("datasets", ++datasetsDone, datasetsTotal);
    }

    private void onBatch(DatasetCrawler.Batch batch) {
      for (Table t : batch.tables()) {
        sink.table(t);
      }
      batch.problems().forEach(sink::problem);
      tablesDone += batch.tables().size() + batch.problems().stream()
          .filter(p -> batch.tables().stream().noneMatch(t -> t.id().toString().equals(p.file()))).count();
      progress.progress("tables", tablesDone, datasetsDone == datasetsTotal ? tablesKnown : -1);
    }

    private void submit(Callable<Object> task) {
      tasks.submit(task);
      pending++;
    }

    private Object take() throws InterruptedException {
      try {
        Object result = tasks.take().get();
        pending--;
        return result;
      } catch (ExecutionException e) {
        pending--;
        Throwable cause = e.getCause();
        if (cause instanceof InterruptedException ie) {
          throw ie;
        }
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(cause);
      }
    }
  }
}
