package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.AcmeProject.PROJECT;
import static corpus.indexer.source.bigquery.FakeResources.JSON;
import static corpus.indexer.source.bigquery.FakeResources.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import corpus.indexer.model.Field;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableKind;
import corpus.indexer.model.TimePartitioning;
import corpus.indexer.progress.ProgressListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("bigquery")
class BigQuerySourceTest {

  private FakeBigQueryServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = FakeBigQueryServer.start();
    AcmeProject.load(server);
    FakeInformationSchema.install(server);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** These tests exercise the API path; InformationSchemaCrawlTest covers the region-level queries. */
  private BigQuerySource source(CrawlOptions options) {
    return new BigQuerySource(List.of(PROJECT), server.connection(PROJECT), options.withInformationSchema(false));
  }

  private CollectingSink crawl() throws Exception {
    CollectingSink sink = new CollectingSink();
    source(CrawlOptions.defaults().withUsageWindow(Duration.ZERO)).crawl(sink, ProgressListener.NONE);
    return sink;
  }

  @Test
  void crawlsDatasetsWithLocationLabelsAndDefaultExpirations() throws Exception {
    CollectingSink sink = crawl();

    assertThat(sink.datasets).extracting(d -> d.id()).containsExactlyInAnyOrder(
        "acme-analytics.published_core", "acme-analytics.raw_events", "acme-analytics.restricted_hr");
    var core = sink.dataset("acme-analytics.published_core");
    assertThat(core.location()).isEqualTo("EU");
    assertThat(core.labels()).containsEntry("tier", "gold").containsEntry("owner", "core-data");
    assertThat(core.description()).startsWith("Curated customer");
    assertThat(core.defaultTableExpirationMs()).isEqualTo(7_776_000_000L);
    assertThat(core.defaultPartitionExpirationMs()).isEqualTo(5_184_000_000L);
  }

  @Test
  void crawlsNestedSchemaWithDescriptionsAndPolicyTags() throws Exception {
    Table customers = crawl().table("acme-analytics.published_core.customers");

    assertThat(customers.kind()).isEqualTo(TableKind.TABLE);
    assertThat(customers.description()).isEqualTo("One row per customer version (SCD type 2).");
    assertThat(customers.numRows()).isEqualTo(1_250_000L);
    assertThat(customers.numBytes()).isEqualTo(734_003_200L);
    assertThat(customers.location()).isEqualTo("EU");
    assertThat(customers.creationTime()).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
    assertThat(customers.flatFields()).extracting(Field.Flat::path).containsExactly(
        "customer_id", "email", "address", "address.street", "address.city", "address.postal_code",
        "devices", "devices.device_id", "devices.first_seen", "valid_from", "valid_to", "is_current");
    Field email = customers.schema().get(1);
    assertThat(email.policyTags()).containsExactly(AcmeProject.EMAIL_TAG);
    assertThat(email.description()).isEqualTo("Contact e-mail.");
    assertThat(customers.schema().get(3).isRepeated()).isTrue();
    assertThat(customers.schema().get(3).fields().get(1).type()).isEqualTo("TIMESTAMP");
    assertThat(customers.schema().get(6).type()).isEqualTo("BOOL");
  }

  @Test
  void crawlsPartitioningClusteringViewsMaterializedViewsAndExternalTables() throws Exception {
    CollectingSink sink = crawl();

    Table plays = sink.table("acme-analytics.published_core.plays");
    assertThat(plays.timePartitioning()).isEqualTo(new TimePartitioning("DAY", "play_date", 63_072_000_000L, true));
    assertThat(plays.clustering()).containsExactly("country", "customer_id");
    assertThat(plays.numRows()).isEqualTo(98_000_000_000L);

    Table view = sink.table("acme-analytics.published_core.customers_current");
    assertThat(view.kind()).isEqualTo(TableKind.VIEW);
    assertThat(view.viewQuery()).contains("FROM `acme-analytics.published_core.customers`");

    Table mv = sink.table("acme-analytics.published_core.daily_plays");
    assertThat(mv.kind()).isEqualTo(TableKind.MATERIALIZED_VIEW);
    assertThat(mv.viewQuery()).contains("GROUP BY 1, 2");
    assertThat(mv.timePartitioning().field()).isEqualTo("play_date");

    assertThat(sink.table("acme-analytics.raw_events.clickstream_gcs").kind()).isEqualTo(TableKind.EXTERNAL);
    var range = sink.table("acme-analytics.raw_events.customer_buckets").rangePartitioning();
    assertThat(range.field()).isEqualTo("bucket");
    assertThat(range.end()).isEqualTo(100);
    assertThat(range.interval()).isEqualTo(10);
  }

  @Test
  void datasetThatDeniesPermissionBecomesAProblemAndTheCrawlGoesOn() throws Exception {
    server.fail("GET", "/projects/acme-analytics/datasets/restricted_hr/tables", 403, "accessDenied", -1);

    CollectingSink sink = crawl();

    assertThat(sink.problems).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("acme-analytics.restricted_hr");
      assertThat(p.reason()).startsWith("Permission denied while listing the tables of dataset acme-analytics.restricted_hr");
    });
    assertThat(sink.tables).hasSize(6);
    assertThat(sink.datasets).extracting(d -> d.dataset()).contains("restricted_hr");
  }

  @Test
  void rateLimitedCallsAreRetriedUntilTheySucceed() throws Exception {
    server.fail("GET", "/projects/acme-analytics/datasets/published_core/tables/customers", 429, "rateLimitExceeded", 2);
    server.fail("GET", "/projects/acme-analytics/datasets", 403, "rateLimitExceeded", 1);

    CollectingSink sink = crawl();

    assertThat(sink.problems).isEmpty();
    assertThat(sink.table("acme-analytics.published_core.customers").schema()).hasSize(7);
    assertThat(server.count("GET /projects/acme-analytics/datasets/published_core/tables/customers\\?")).isEqualTo(3);
  }

  @Test
  void serverErrorsAreRetriedAndPersistentOnesReportedPerTable() throws Exception {
    server.fail("GET", ".*/tables/plays", 503, "backendError", 2);
    server.fail("GET", ".*/tables/customer_buckets", 500, "internalError", -1);

    CollectingSink sink = crawl();

    assertThat(sink.table("acme-analytics.published_core.plays").schema()).hasSize(5);
    assertThat(sink.problems).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("acme-analytics.raw_events.customer_buckets");
      assertThat(p.reason()).contains("server error (500)").doesNotContain("Exception").doesNotContain("\n");
    });
    // listed but unreadable: still in the catalog from its listing, without schema
    assertThat(sink.table("acme-analytics.raw_events.customer_buckets").schema()).isEmpty();
  }

  @Test
  void slowResponseHitsTheReadTimeoutAndIsReportedWithoutStoppingTheCrawl() throws Exception {
    server.delay(".*/tables/plays", Duration.ofSeconds(3), -1);
    BigQueryConnection connection = server.connection(PROJECT)
        .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(3))
        .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(20));
    CollectingSink sink = new CollectingSink();
    long start = System.nanoTime();

    new BigQuerySource(List.of(PROJECT), connection,
        CrawlOptions.defaults().withUsageWindow(Duration.ZERO).withInformationSchema(false))
        .crawl(sink, ProgressListener.NONE);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(sink.problems).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("acme-analytics.published_core.plays");
      assertThat(p.reason()).isEqualTo("BigQuery did not answer in time while reading table acme-analytics.published_core.plays.");
    });
    assertThat(sink.tables).hasSize(7);
  }

  @Test
  void tableListingFollowsPageTokensAcrossManyPages() throws Exception {
    server.maxPageSize(7);
    for (int i = 0; i < 100; i++) {
      server.addTable(FakeResources.table(PROJECT, "raw_events", "events_%03d".formatted(i), "TABLE"));
    }
    CollectingSink sink = new CollectingSink();

    source(CrawlOptions.defaults().withPageSize(7).withUsageWindow(Duration.ZERO)).crawl(sink, ProgressListener.NONE);

    assertThat(sink.tables).hasSize(107);
    assertThat(sink.tables).extracting(t -> t.id().table()).contains("events_000", "events_099");
    assertThat(server.count("GET /projects/acme-analytics/datasets/raw_events/tables\\?")).isEqualTo(15);
    assertThat(sink.problems).isEmpty();
  }

  @Test
  void everySinkCallHappensOnTheCallingThreadWhileWorkersFetch() throws Exception {
    CollectingSink sink = crawl();

    assertThat(sink.threads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void reportsProgressForDatasetsAndTables() throws Exception {
    List<String> seen = new ArrayList<>();
    source(CrawlOptions.defaults().withUsageWindow(Duration.ZERO))
        .crawl(new CollectingSink(), (stage, done, total) -> seen.add(stage + " " + done + "/" + total));

    assertThat(seen).contains("datasets 3/3", "tables 7/7");
  }

  @Test
  void readsUsageAndObservedLineageFromTheJobHistory() throws Exception {
    Instant last = Instant.parse("2026-11-20T09:15:00Z");
    JobHistoryStubs.usage(server, List.of(
        List.of(PROJECT, "published_core", "plays", 412, 37, last),
        List.of(PROJECT, "published_core", "customers", 12, 3, last)));
    JobHistoryStubs.edges(server, List.of(JobHistoryStubs.edge("published_core.plays", "published_core.daily_plays",
        30, 2, 123_456_789L, last, "scheduled_query_6512,scheduled_query_6488", "INSERT")));
    BigQuerySource source = source(CrawlOptions.defaults().withUsageWindow(Duration.ofDays(7)));
    CollectingSink sink = new CollectingSink();

    source.crawl(sink, ProgressListener.NONE);

    assertThat(sink.usage).hasSize(2);
    var plays = sink.usage.stream().filter(u -> u.table().table().equals("plays")).findFirst().orElseThrow();
    assertThat(plays.queryCount()).isEqualTo(412);
    assertThat(plays.distinctUsers()).isEqualTo(37);
    assertThat(plays.lastQueried()).isEqualTo(last);
    assertThat(source.observedEdges()).containsExactly(new ObservedEdge(
        TableId.parse("acme-analytics.published_core.plays"), TableId.parse("acme-analytics.published_core.daily_plays"),
        List.of("scheduled_query_6512", "scheduled_query_6488"), 30, 2, 123_456_789L, last, "INSERT"));
    assertThat(sink.pipelines).singleElement().satisfies(p -> {
      assertThat(p.observed()).isTrue();
      assertThat(p.kind()).isEqualTo("job");
      assertThat(p.sources()).containsExactly("acme-analytics.published_core.plays");
      assertThat(p.targets()).containsExactly("acme-analytics.published_core.daily_plays");
      assertThat(p.statements().get(0).kind()).isEqualTo("insert");
      assertThat(p.statements().get(0).columns()).as("job history has no column lineage").isEmpty();
      assertThat(p.file()).isEqualTo("acme-analytics.region-eu.INFORMATION_SCHEMA.JOBS"
          + " · jobs scheduled_query_6512, scheduled_query_6488 · 30 jobs by 2 users · last seen 2026-11-20T09:15:00Z");
      assertThat(p.sql()).as("query text may hold literal values").isNull();
    });
    String sql = server.bodies().stream().map(b -> b.path("query").asText()).filter(q -> q.contains("distinct_users"))
        .findFirst().orElseThrow();
    assertThat(sql).contains("`acme-analytics`.`region-eu`.INFORMATION_SCHEMA.JOBS");
    assertThat(sink.problems).isEmpty();
  }

  @Test
  void jobHistoryRegionGivenByHandReplacesTheDatasetsRegions() throws Exception {
    JobHistoryStubs.usage(server, List.of());
    JobHistoryStubs.edges(server, List.of());

    source(CrawlOptions.defaults().withJobHistoryRegion("europe-west1")).crawl(new CollectingSink(), ProgressListener.NONE);

    assertThat(server.bodies().stream().map(b -> b.path("query").asText()).filter(q -> q.contains(".JOBS")))
        .hasSize(2).allSatisfy(q -> assertThat(q).contains("`acme-analytics`.`region-europe-west1`.INFORMATION_SCHEMA.JOBS"));
  }

  @Test
  void jobHistoryWithoutPermissionIsAProblemNotAFailure() throws Exception {
    server.fail("POST", "/projects/acme-analytics/queries", 403, "accessDenied", -1);
    CollectingSink sink = new CollectingSink();

    source(CrawlOptions.defaults()).crawl(sink, ProgressListener.NONE);

    assertThat(sink.tables).hasSize(7);
    assertThat(sink.problems).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("`acme-analytics`.`region-eu`.INFORMATION_SCHEMA.JOBS");
      assertThat(p.reason()).startsWith("usage and observed lineage skipped: Permission denied");
    });
  }

  @Test
  void projectThatCannotBeListedFailsWithOneCleanSentence() {
    server.fail("GET", "/projects/acme-analytics/datasets", 401, "authError", -1);

    assertThatThrownBy(this::crawl)
        .isInstanceOf(BigQueryFailure.class)
        .hasMessage("BigQuery rejected the credentials while listing the datasets of project acme-analytics: "
            + BigQueryErrors.LOGIN_HINT + ".")
        .satisfies(e -> assertThat(((BigQueryFailure) e).kind()).isEqualTo(BigQueryFailure.Kind.AUTH));
  }

  @Test
  void oneUnreadableProjectOfSeveralIsAProblem() throws Exception {
    server.fail("GET", "/projects/other-project/datasets", 403, "accessDenied", -1);
    CollectingSink sink = new CollectingSink();

    new BigQuerySource(List.of(PROJECT, "other-project"), server.connection(PROJECT),
        CrawlOptions.defaults().withUsageWindow(Duration.ZERO).withInformationSchema(false))
        .crawl(sink, ProgressListener.NONE);

    assertThat(sink.tables).hasSize(7);
    assertThat(sink.problems).extracting(Problem::file).containsExactly("other-project");
  }

  @Test
  void specNamesAllProjectsAndBillsTheFirst() {
    BigQuerySource source = BigQuerySource.fromSpec(" acme-analytics , acme-raw ");

    assertThat(source.spec()).isEqualTo("bigquery:acme-analytics,acme-raw");
    assertThatThrownBy(() -> BigQuerySource.fromSpec(" , ")).hasMessageContaining("bigquery:PROJECT");
  }

  static ArrayNode fields(com.fasterxml.jackson.databind.node.ObjectNode... fields) {
    ArrayNode arr = JSON.createArrayNode();
    for (var f : fields) {
      arr.add(f);
    }
    return arr;
  }

}
