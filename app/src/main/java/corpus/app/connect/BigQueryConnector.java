package corpus.app.connect;

import com.google.api.gax.paging.Page;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQuery.DatasetListOption;
import com.google.cloud.bigquery.Dataset;
import corpus.indexer.model.Problem;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import corpus.indexer.source.bigquery.BigQueryConnection;
import corpus.indexer.source.bigquery.BigQueryFailure;
import corpus.indexer.source.bigquery.BigQuerySource;
import corpus.indexer.source.bigquery.CrawlOptions;
import corpus.indexer.source.pipeline.ViewPipelines;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's way into the BigQuery connector engine: builds a client for {@link
 * ConnectionSettings} (Application Default Credentials, a service-account key file, or no
 * credentials at all for another endpoint), tests a connection by listing each project's
 * datasets, and makes the {@link CatalogSource} that crawls it. Every method that talks to
 * BigQuery blocks and is cancelled by interrupting the calling thread: call them off the UI
 * thread.
 */
public final class BigQueryConnector {

  private static final Logger LOG = LoggerFactory.getLogger(BigQueryConnector.class);

  private final UnaryOperator<BigQueryConnection> tuning;

  /** A connector with the engine's timeouts and retries. */
  public BigQueryConnector() {
    this(UnaryOperator.identity());
  }

  /** @param tuning adjusts every connection, e.g. shorter timeouts in tests */
  public BigQueryConnector(UnaryOperator<BigQueryConnection> tuning) {
    this.tuning = tuning;
  }

  /** The engine's connection for these settings: billing project and endpoint. */
  BigQueryConnection connection(ConnectionSettings settings) {
    return tuning.apply(base(settings));
  }

  private static BigQueryConnection base(ConnectionSettings settings) {
    BigQueryConnection c = BigQueryConnection.of(settings.billingProject());
    return settings.endpoint() == null ? c : c.withEndpoint(settings.endpoint());
  }

  /**
   * Builds the client. A custom endpoint gets no credentials; otherwise the key file, when given,
   * or Application Default Credentials.
   */
  BigQuery open(ConnectionSettings settings, BigQueryConnection connection) throws ConnectFailure {
    boolean keyFile = settings.endpoint() == null && settings.keyFile() != null;
    try {
      return keyFile ? connection.withCredentials(settings.keyFile()).open() : connection.open();
    } catch (BigQueryFailure e) {
      if (keyFile) {
        LOG.warn("Could not use the key file {}: {}", settings.keyFile(), e.getMessage());
        throw new ConnectFailure(e.getMessage(), e);
      }
      throw ConnectionErrors.whileListing(e, settings.billingProject());
    } catch (RuntimeException e) {
      throw ConnectionErrors.whileListing(e, settings.billingProject());
    }
  }

  /**
   * Lists the datasets of every project, all pages, and counts them. Throws the first failure as
   * one sentence naming the project.
   */
  public ConnectionCheck test(ConnectionSettings settings) throws ConnectFailure, InterruptedException {
    // a person is waiting: fewer retries and shorter timeouts than a crawl's
    BigQueryConnection connection = tuning.apply(base(settings)
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60))
        .withRetries(3, Duration.ofMillis(500), Duration.ofSeconds(4)));
    BigQuery bigquery = open(settings, connection);
    List<ConnectionCheck.ProjectDatasets> counts = new ArrayList<>();
    for (String project : settings.projects()) {
      counts.add(new ConnectionCheck.ProjectDatasets(project, countDatasets(bigquery, project)));
    }
    LOG.info("Tested the connection to {}: {} datasets", settings.spec(),
        counts.stream().mapToInt(ConnectionCheck.ProjectDatasets::count).sum());
    return new ConnectionCheck(counts);
  }

  private static int countDatasets(BigQuery bigquery, String project)
      throws ConnectFailure, InterruptedException {
    try {
      int count = 0;
      Page<Dataset> page = bigquery.listDatasets(project, DatasetListOption.pageSize(1000));
      while (page != null) {
        for (Dataset ignored : page.getValues()) {
          count++;
        }
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        page = page.hasNextPage() ? page.getNextPage() : null;
      }
      return count;
    } catch (RuntimeException e) {
      if (ConnectionErrors.isInterrupt(e) || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      throw ConnectionErrors.whileListing(e, project);
    }
  }

  /** The crawl of these settings as the indexer runs it, views' SQL included for lineage. */
  public CatalogSource source(ConnectionSettings settings) {
    return ViewPipelines.addTo(List.of(new Crawl(settings))).getFirst();
  }

  /** The sources of saved connections, for the catalog's rebuilds. */
  public List<CatalogSource> sources(List<ConnectionSettings> saved) {
    return saved.isEmpty() ? List.of() : ViewPipelines.addTo(saved.stream().<CatalogSource>map(Crawl::new).toList());
  }

  /** A crawl that builds its client when it starts, so a bad key file is a problem, not a crash. */
  private final class Crawl implements CatalogSource {
    private final ConnectionSettings settings;

    Crawl(ConnectionSettings settings) {
      this.settings = settings;
    }

    @Override
    public String spec() {
      return settings.spec();
    }

    @Override
    public void crawl(CatalogSink sink, ProgressListener progress) throws Exception {
      BigQueryConnection connection = connection(settings);
      CrawlOptions options = CrawlOptions.defaults()
          .withUsageWindow(Duration.ofDays(settings.jobHistoryDays()))
          .withJobHistoryRegion(settings.jobHistoryRegion())
          .withInformationSchema(settings.informationSchema());
      BigQuery bigquery;
      try {
        bigquery = open(settings, connection);
      } catch (ConnectFailure e) {
        sink.problem(new Problem(spec(), null, 0, e.getMessage()));
        return;
      }
      new BigQuerySource(settings.projects(), bigquery, connection, options).crawl(sink, progress);
    }
  }
}
