package corpus.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.catalog.LuceneCatalogLoader;
import corpus.app.connect.ConnectViewModel.Outcome;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.ManualExecutor;
import corpus.app.testing.SmallCatalog;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.TableId;
import corpus.indexer.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection dialog's logic, without a toolkit, against a local BigQuery test server and a real catalog. */
class ConnectViewModelTest {

  @TempDir Path dir;

  private FakeBigQuery server;
  private Path indexDir;
  private ConnectionStore store;
  private final AtomicInteger catalogUpdates = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    server = FakeBigQuery.acme();
    indexDir = dir.resolve("index"); // a crawl builds it when missing
    store = new ConnectionStore(dir.resolve("settings/bigquery-connections.json"), Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  static BigQueryConnector quickConnector() {
    return new BigQueryConnector(c -> c
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15))
        .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(50)));
  }

  static CredentialsProbe noCredentials(Path home) {
    return new CredentialsProbe(name -> null, home, false);
  }

  private ConnectViewModel viewModel(TaskExecutor executor) {
    LuceneCatalogLoader catalog = SmallCatalog.loader(indexDir);
    return new ConnectViewModel(quickConnector(), noCredentials(dir), store, catalog,
        catalogUpdates::incrementAndGet, executor);
  }

  private ConnectViewModel pointedAtServer() {
    ConnectViewModel vm = viewModel(TaskExecutor.currentThread());
    vm.projectsProperty().set(FakeBigQuery.PROJECT);
    vm.endpointProperty().set(server.endpoint().toString());
    // the app's small test server speaks no queries: crawl through the API (catalog-indexer's
    // InformationSchemaCrawlTest covers the region-level queries against the full test server)
    vm.informationSchemaProperty().set(false);
    return vm;
  }

  @Test
  void testConnectionCountsTheVisibleDatasetsWithoutSendingCredentials() {
    ConnectViewModel vm = pointedAtServer();

    vm.testConnection();

    assertThat(vm.statusProperty().get()).isEqualTo("Connected: 3 datasets visible.");
    assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.SUCCESS);
    assertThat(vm.runningProperty().get()).isFalse();
    assertThat(vm.credentialsNoteProperty().get()).isEqualTo("No credentials are sent to a custom endpoint.");
    assertThat(server.authorizations()).isEmpty();
    assertThat(server.requests()).containsExactly("GET /projects/acme-analytics/datasets");
  }

  @Test
  void testConnectionSaysPermissionDeniedInOneSentence() {
    server.fail("/projects/acme-analytics/datasets", 403, "accessDenied",
        "Access Denied: Project acme-analytics: User does not have bigquery.datasets.list permission in project"
            + " acme-analytics.\nsome detail on a second line");
    ConnectViewModel vm = pointedAtServer();

    vm.testConnection();

    assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.ERROR);
    assertThat(vm.statusProperty().get())
        .startsWith("Permission denied on project acme-analytics: Access Denied: Project acme-analytics:")
        .endsWith("Ask for BigQuery Metadata Viewer (roles/bigquery.metadataViewer) there.")
        .doesNotContain("\n", "Exception", "second line");
  }

  @Test
  void testConnectionSaysCredentialsWereRejected() {
    server.fail("/projects/acme-analytics/datasets", 401, "authError", "Request had invalid authentication credentials.");
    ConnectViewModel vm = pointedAtServer();

    vm.testConnection();

    assertThat(vm.statusProperty().get()).isEqualTo("BigQuery rejected the credentials: run 'gcloud auth"
        + " application-default login' or choose a service-account key file.");
  }

  @Test
  void testConnectionSaysAnUnknownProjectWasNotFound() {
    ConnectViewModel vm = pointedAtServer();
    vm.projectsProperty().set("acme-analytcs");

    vm.testConnection();

    assertThat(vm.statusProperty().get()).isEqualTo(
        "Project acme-analytcs was not found, or these credentials cannot see it: check the project id.");
  }

  @Test
  void testConnectionSaysWhenTheEndpointCannotBeReached() {
    ConnectViewModel vm = pointedAtServer();
    server.close();

    vm.testConnection();

    assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.ERROR);
    assertThat(vm.statusProperty().get()).startsWith("Cannot reach BigQuery: ")
        .endsWith("Check the network, a proxy, or the endpoint under Advanced.");
  }

  @Test
  void testConnectionWithAMissingKeyFileSaysSoWithoutConnecting() {
    ConnectViewModel vm = viewModel(TaskExecutor.currentThread());
    vm.projectsProperty().set(FakeBigQuery.PROJECT);
    vm.chooseKeyFile(dir.resolve("no-such-key.json"));

    vm.testConnection();

    assertThat(vm.statusProperty().get()).isEqualTo("The key file " + dir.resolve("no-such-key.json") + " does not exist.");
    assertThat(vm.useKeyFileProperty().get()).isTrue();
  }

  @Test
  void inputThatCannotBeUsedIsExplainedAndBlocksTestAndCrawl() {
    ConnectViewModel vm = viewModel(TaskExecutor.currentThread());
    assertThat(vm.validationProperty().get()).isEqualTo("Enter the id of the BigQuery project to connect to.");
    assertThat(vm.canTestProperty().get()).isFalse();

    vm.projectsProperty().set("Acme Analytics");
    assertThat(vm.validationProperty().get()).startsWith("'Acme' is not a project id");

    vm.projectsProperty().set("acme-analytics");
    vm.useKeyFileProperty().set(true);
    assertThat(vm.validationProperty().get()).startsWith("Choose the service-account key file");

    vm.useKeyFileProperty().set(false);
    vm.endpointProperty().set("127.0.0.1:9050");
    assertThat(vm.validationProperty().get()).startsWith("The endpoint must be an http or https URL");

    vm.endpointProperty().set("http://127.0.0.1:9050/");
    assertThat(vm.validationProperty().get()).isEmpty();
    assertThat(vm.canTestProperty().get()).isTrue();
    vm.catalogReadyProperty().set(false);
    assertThat(vm.canCrawlProperty().get()).isFalse();
  }

  @Test
  void crawlIndexesTheProjectListsTheDeniedDatasetAndRemembersTheConnection() throws Exception {
    ConnectViewModel vm = pointedAtServer();
    vm.jobHistoryDaysProperty().set(0);

    vm.crawl();

    assertThat(vm.problems()).singleElement().asString()
        .startsWith("Permission denied while listing the tables of dataset acme-analytics.restricted_hr: Access Denied");
    assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.WARNING);
    assertThat(vm.statusProperty().get()).matches(
        "Crawled in \\d+\\.\\d s: the catalog now holds 8 tables and views\\. 1 dataset or table could not be read:");
    assertThat(catalogUpdates).hasValue(1);
    try (CatalogReader catalog = LuceneCatalog.open(indexDir)) {
      assertThat(catalog.table(TableId.parse("acme-analytics.marketing.campaign_clicks"))).isPresent();
      assertThat(catalog.table(SmallCatalog.CREATOR_METRICS)).as("the catalog's own tables stay").isPresent();
      assertThat(catalog.search(SearchRequest.of("campaign clicks", 5)).hits())
          .extracting(h -> h.id()).first().isEqualTo("acme-analytics.marketing.campaign_clicks");
    }
    assertThat(store.load()).singleElement().satisfies(saved -> {
      assertThat(saved.projects()).containsExactly(FakeBigQuery.PROJECT);
      assertThat(saved.endpoint()).isEqualTo(server.endpoint());
      assertThat(saved.jobHistoryDays()).isZero();
    });
  }

  @Test
  void regionThatCannotAnswerInformationSchemaQueriesIsCrawledThroughTheApiAndTheSettingsAreKept() throws Exception {
    ConnectViewModel vm = pointedAtServer();
    vm.informationSchemaProperty().set(true);
    vm.jobHistoryDaysProperty().set(0);
    vm.jobHistoryRegionProperty().set("europe-west1");

    vm.crawl();

    assertThat(vm.problems()).anySatisfy(p -> assertThat(p).startsWith("acme-analytics.region-eu.INFORMATION_SCHEMA.*:"
        + " region-level INFORMATION_SCHEMA not readable, crawled through the API instead:"));
    assertThat(vm.problems()).anySatisfy(p -> assertThat(p).startsWith(
        "Permission denied while listing the tables of dataset acme-analytics.restricted_hr"));
    try (CatalogReader catalog = LuceneCatalog.open(indexDir)) {
      assertThat(catalog.table(TableId.parse("acme-analytics.marketing.campaign_clicks"))).isPresent();
    }
    assertThat(store.load()).singleElement().satisfies(saved -> {
      assertThat(saved.informationSchema()).isTrue();
      assertThat(saved.jobHistoryRegion()).isEqualTo("europe-west1");
    });
  }

  @Test
  void aJobHistoryRegionThatIsNoLocationIsRefusedBeforeAnythingRuns() {
    ConnectViewModel vm = pointedAtServer();

    vm.jobHistoryRegionProperty().set("region-eu; DROP");

    assertThat(vm.validationProperty().get()).startsWith("'region-eu; DROP' is not a BigQuery location");
    assertThat(vm.canTestProperty().get()).isFalse();
  }

  @Test
  void crawlThatCannotConnectLeavesTheCatalogAndSettingsAlone() throws Exception {
    SmallCatalog.build(indexDir).close();
    server.fail("/projects/acme-analytics/datasets", 403, "accessDenied", "Access Denied: Project acme-analytics.");
    ConnectViewModel vm = pointedAtServer();

    vm.crawl();

    assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.ERROR);
    assertThat(vm.statusProperty().get()).startsWith("Permission denied on project acme-analytics")
        .endsWith("The catalog was not changed.");
    assertThat(catalogUpdates).hasValue(0);
    assertThat(Files.exists(store.file())).isFalse();
    try (CatalogReader catalog = LuceneCatalog.open(indexDir)) {
      assertThat(catalog.tableCount()).isEqualTo(4);
    }
  }

  @Test
  void cancelledCrawlSaysTheCatalogIsAsItWas() {
    ManualExecutor background = new ManualExecutor();
    ConnectViewModel vm = viewModel(new TaskExecutor(background, Runnable::run));
    vm.projectsProperty().set(FakeBigQuery.PROJECT);
    vm.endpointProperty().set(server.endpoint().toString());

    vm.crawl();
    assertThat(vm.crawlingProperty().get()).isTrue();
    assertThat(vm.canCrawlProperty().get()).isFalse();
    vm.cancel();
    background.runAll();

    assertThat(vm.statusProperty().get()).isEqualTo("Crawl cancelled: the catalog is as it was.");
    assertThat(vm.crawlingProperty().get()).isFalse();
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void opensFilledInWithTheLastCrawledConnectionAndTheCredentialsFound() throws Exception {
    store.save(new ConnectionSettings(List.of("acme-analytics", "acme-lake"), dir.resolve("key.json"), null, 7));
    Path adc = dir.resolve(".config/gcloud/application_default_credentials.json");
    Files.createDirectories(adc.getParent());
    Files.writeString(adc, "{\"type\": \"authorized_user\", \"client_id\": \"x\", \"refresh_token\": \"secret\"}");
    ConnectViewModel vm = new ConnectViewModel(quickConnector(), new CredentialsProbe(Map.<String, String>of()::get, dir, false),
        store, SmallCatalog.loader(indexDir), () -> {}, TaskExecutor.currentThread());

    vm.start();

    assertThat(vm.projectsProperty().get()).isEqualTo("acme-analytics, acme-lake");
    assertThat(vm.useKeyFileProperty().get()).isTrue();
    assertThat(vm.keyFileProperty().get()).isEqualTo(dir.resolve("key.json").toString());
    assertThat(vm.jobHistoryDaysProperty().get()).isEqualTo(7);
    assertThat(vm.applicationDefaultProperty().get())
        .isEqualTo("Your Google account (gcloud auth application-default login) (" + adc + ").")
        .doesNotContain("secret");
    assertThat(vm.statusProperty().get()).isEmpty();
  }

  @Test
  void changingTheInputClearsAnOutcomeThatNoLongerApplies() {
    ConnectViewModel vm = pointedAtServer();
    vm.testConnection();
    assertThat(vm.statusProperty().get()).isNotEmpty();

    vm.projectsProperty().set("acme-lake");

    assertThat(vm.statusProperty().get()).isEmpty();
    assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.NONE);
  }
}
