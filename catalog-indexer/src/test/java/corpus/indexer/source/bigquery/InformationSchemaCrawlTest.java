package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.AcmeProject.PROJECT;
import static corpus.indexer.source.bigquery.FakeResources.field;
import static corpus.indexer.source.bigquery.FakeResources.record;
import static corpus.indexer.source.bigquery.FakeResources.withFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.PartitionStats;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableKind;
import corpus.indexer.progress.ProgressListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The region-level INFORMATION_SCHEMA crawl against the fake server, compared with the API crawl. */
@Tag("bigquery")
class InformationSchemaCrawlTest {

  static final Instant MODIFIED = Instant.parse("2026-11-21T02:00:00Z");

  private FakeBigQueryServer server;
  private FakeInformationSchema views;

  @BeforeEach
  void startServer() throws Exception {
    server = FakeBigQueryServer.start();
    AcmeProject.load(server);
    views = FakeInformationSchema.install(server);
    server.addDataset(FakeResources.dataset(PROJECT, "us_marketing", "US"));
    ObjectNode campaigns = FakeResources.table(PROJECT, "us_marketing", "campaign_events", "TABLE");
    campaigns.put("friendlyName", "Campaign events");
    campaigns.put("expirationTime", Long.toString(Instant.parse("2027-06-30T00:00:00Z").toEpochMilli()));
    campaigns.put("numRows", "4200");
    campaigns.put("numBytes", "880000");
    campaigns.putObject("timePartitioning").put("type", "HOUR").put("field", "event_ts");
    withFields(campaigns, field("event_ts", "TIMESTAMP", "REQUIRED", "When it happened."),
        field("campaign", "STRING", "NULLABLE", "Campaign name, \"quoted\" and\nmultiline."),
        record("utm", "NULLABLE", null, field("source", "STRING", "REQUIRED", null),
            field("medium", "STRING", "NULLABLE", null)),
        field("cost", "NUMERIC", "NULLABLE", null), field("tags", "STRING", "REPEATED", null));
    server.addTable(campaigns);
    views.addPartition(PROJECT + ".published_core.plays", "20261119", 10_000_000_000L, 1_000L, MODIFIED);
    views.addPartition(PROJECT + ".published_core.plays", "20261120", 30_000_000_000L, 3_000L, MODIFIED);
    views.addPartition(PROJECT + ".published_core.plays", "20261121", 58_000_000_000L, 6_000L, MODIFIED);
    views.addPartition(PROJECT + ".us_marketing.campaign_events", "2026112101", 4_200L, 880_000L, MODIFIED);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private CollectingSink crawl(boolean informationSchema) throws Exception {
    CollectingSink sink = new CollectingSink();
    new BigQuerySource(List.of(PROJECT), server.connection(PROJECT), CrawlOptions.defaults()
        .withUsageWindow(Duration.ZERO).withPageSize(50).withInformationSchema(informationSchema))
        .crawl(sink, ProgressListener.NONE);
    return sink;
  }

  @Test
  void regionQueriesGiveTheSameCatalogAsTheApiWithoutReadingTablesOneByOne() throws Exception {
    CollectingSink api = crawl(false);
    long apiTableGets = server.count("GET /projects/acme-analytics/datasets/\\w+/tables/\\w+\\?");
    assertThat(server.count("POST /projects/acme-analytics/queries")).as("the API-only crawl runs no query").isZero();
    CollectingSink views = crawl(true);

    assertThat(apiTableGets).isEqualTo(8);
    assertThat(server.count("GET /projects/acme-analytics/datasets/\\w+/tables/\\w+\\?")).isEqualTo(apiTableGets);
    assertThat(sameCatalog(views)).isEqualTo(sameCatalog(api));
    assertThat(sorted(views.datasets)).isEqualTo(sorted(api.datasets));
    assertThat(views.problems).isEmpty();
    assertThat(api.problems).isEmpty();

    Table campaigns = views.table("acme-analytics.us_marketing.campaign_events");
    assertThat(campaigns.timePartitioning().type()).isEqualTo("HOUR");
    assertThat(campaigns.schema().get(2).fields().get(0).mode()).isEqualTo("REQUIRED");
    assertThat(campaigns.schema().get(1).description()).isEqualTo("Campaign name, \"quoted\" and\nmultiline.");
    assertThat(campaigns.expirationTime()).isEqualTo(Instant.parse("2027-06-30T00:00:00Z"));
    assertThat(views.table("acme-analytics.published_core.customers").schema().get(1).policyTags())
        .containsExactly(AcmeProject.EMAIL_TAG);
    assertThat(views.table("acme-analytics.published_core.plays").partitions()).containsExactly(
        new PartitionStats("20261119", 10_000_000_000L, 1_000L, MODIFIED),
        new PartitionStats("20261120", 30_000_000_000L, 3_000L, MODIFIED),
        new PartitionStats("20261121", 58_000_000_000L, 6_000L, MODIFIED));
    assertThat(views.dataset("acme-analytics.published_core").defaultTableExpirationMs()).isEqualTo(7_776_000_000L);
  }

  @Test
  void queryResultsArePagedAcrossManyPages() throws Exception {
    server.maxPageSize(3);
    CollectingSink sink = crawl(true);

    // the first page comes with jobs.query; the client library reads the next ones from the
    // query's (anonymous) destination table with tabledata.list
    assertThat(server.count("GET /projects/acme-analytics/datasets/_fake_anon/tables/anon_\\w+/data\\?.*pageToken="))
        .isGreaterThan(10);
    assertThat(sink.tables).hasSize(8);
    assertThat(sink.table("acme-analytics.published_core.customers").flatFields()).hasSize(12);
    assertThat(sink.problems).isEmpty();
  }

  @Test
  void regionThatDeniesTheViewsIsCrawledThroughTheApiAndSaysSo() throws Exception {
    CollectingSink reference = crawl(false);
    views.denyRegion(PROJECT, "US");

    CollectingSink sink = crawl(true);

    assertThat(sink.problems).extracting(Problem::file).containsExactly(
        "acme-analytics.region-us.INFORMATION_SCHEMA.*", "acme-analytics.us_marketing");
    assertThat(sink.problems.get(0).reason()).startsWith(
        "region-level INFORMATION_SCHEMA not readable, crawled through the API instead: Permission denied");
    assertThat(sink.problems.get(1).reason()).startsWith("partition statistics skipped: Permission denied");
    Table campaigns = sink.table("acme-analytics.us_marketing.campaign_events");
    assertThat(campaigns.schema()).isEqualTo(reference.table("acme-analytics.us_marketing.campaign_events").schema());
    assertThat(campaigns.partitions()).isEmpty();
    assertThat(sink.tables).hasSize(8);
    assertThat(sink.datasets).hasSize(4);
  }

  @Test
  void datasetTheViewsDoNotShowIsCrawledThroughTheApi() throws Exception {
    views.hideDataset(PROJECT, "restricted_hr");

    CollectingSink sink = crawl(true);

    assertThat(sink.problems).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("acme-analytics.restricted_hr");
      assertThat(p.reason()).isEqualTo(
          "not shown by acme-analytics.region-eu.INFORMATION_SCHEMA.SCHEMATA; crawled through the API instead");
    });
    assertThat(sink.table("acme-analytics.restricted_hr.salaries").schema()).hasSize(1);
    assertThat(server.count("GET /projects/acme-analytics/datasets/restricted_hr/tables/salaries\\?")).isEqualTo(1);
  }

  @Test
  void partitionStatisticsOfMoreThanAThousandTablesAreReadInChunksOfAThousand() throws Exception {
    server.addDataset(FakeResources.dataset(PROJECT, "wide", "EU"));
    for (int i = 0; i < 1001; i++) {
      ObjectNode t = FakeResources.table(PROJECT, "wide", "events_%04d".formatted(i), "TABLE");
      t.putObject("timePartitioning").put("type", "DAY").put("field", "day");
      withFields(t, field("day", "DATE", "NULLABLE", null));
      server.addTable(t);
      views.addPartition(PROJECT + ".wide.events_%04d".formatted(i), "20261121", i, 8L * i, MODIFIED);
    }

    CollectingSink sink = crawl(true);

    assertThat(sink.problems).isEmpty();
    assertThat(sink.table("acme-analytics.wide.events_1000").partitions())
        .containsExactly(new PartitionStats("20261121", 1000L, 8000L, MODIFIED));
    assertThat(sink.table("acme-analytics.wide.events_0000").partitions()).hasSize(1);
    assertThat(server.bodies().stream().filter(b -> b.path("query").asText().contains("`wide`.INFORMATION_SCHEMA.PARTITIONS")))
        .hasSize(2);
  }

  /**
   * The catalog as both paths must give it. Known differences: views and external tables have no storage,
   * so TABLE_STORAGE gives no last-modified time for them; partition statistics come from
   * INFORMATION_SCHEMA.PARTITIONS, which the API-only crawl does not query (asserted on their own).
   */
  private static List<Table> sameCatalog(CollectingSink sink) {
    return sink.tables.stream()
        .map(t -> t.kind() == TableKind.VIEW || t.kind() == TableKind.EXTERNAL
            ? t.toBuilder().lastModifiedTime(null).build() : t)
        .map(t -> t.toBuilder().partitions(List.of()).build())
        .sorted(Comparator.comparing(t -> t.id().toString()))
        .toList();
  }

  private static List<Dataset> sorted(List<Dataset> datasets) {
    return datasets.stream().sorted(Comparator.comparing(Dataset::id)).toList();
  }

}
