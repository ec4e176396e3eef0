package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.AcmeProject.PROJECT;
import static corpus.indexer.source.bigquery.BigQuerySourceTest.fields;
import static corpus.indexer.source.bigquery.FakeResources.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import corpus.indexer.model.TableId;
import corpus.indexer.source.bigquery.BigQueryFailure.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("bigquery")
class BigQueryWarehouseTest {

  private static final String PLAYS_SQL =
      "SELECT country, COUNT(*) AS plays FROM `acme-analytics.published_core.plays` WHERE play_date = '2026-11-01' GROUP BY 1";

  private FakeBigQueryServer server;
  private BigQueryWarehouse warehouse;

  @BeforeEach
  void start() throws Exception {
    server = FakeBigQueryServer.start();
    AcmeProject.load(server);
    BigQueryConnection connection = server.connection(PROJECT);
    warehouse = new BigQueryWarehouse(connection.open(), connection);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void stubPlays(int rows) {
    List<List<?>> values = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      values.add(List.of("C" + i, 1000 + i));
    }
    server.onQuery("GROUP BY 1").bytes(52_428_800L).references("acme-analytics.published_core.plays")
        .returns(fields(field("country", "STRING", "NULLABLE", null), field("plays", "INTEGER", "NULLABLE", null)), values);
  }

  @Test
  void dryRunGivesExactBytesReferencedTablesAndStatementType() throws Exception {
    stubPlays(3);

    DryRun dry = warehouse.dryRun(PLAYS_SQL);

    assertThat(dry.bytesProcessed()).isEqualTo(52_428_800L);
    assertThat(dry.referencedTables()).containsExactly(TableId.parse("acme-analytics.published_core.plays"));
    assertThat(dry.statementType()).isEqualTo("SELECT");
    assertThat(dry.isReadOnly()).isTrue();
    assertThat(dry.schema()).extracting(f -> f.name()).containsExactly("country", "plays");
    assertThat(server.bodies()).singleElement()
        .satisfies(b -> assertThat(b.path("configuration").path("dryRun").asBoolean()).isTrue());
  }

  @Test
  void runReturnsResultsPageByPageWithTheByteLimitOnTheJob() throws Exception {
    stubPlays(25);

    ResultPage first = warehouse.run(PLAYS_SQL, 100_000_000L, 10);
    ResultPage second = warehouse.nextPage(first, 10);
    ResultPage third = warehouse.nextPage(second, 10);

    assertThat(first.columns()).containsExactly("country", "plays");
    assertThat(first.rows()).hasSize(10).first().isEqualTo(List.of("C0", "1000"));
    assertThat(first.totalRows()).isEqualTo(25);
    assertThat(first.bytesProcessed()).isEqualTo(52_428_800L);
    assertThat(first.bytesBilled()).isEqualTo(52_428_800L);
    assertThat(second.rows()).first().isEqualTo(List.of("C10", "1010"));
    assertThat(third.rows()).hasSize(5);
    assertThat(third.hasNextPage()).isFalse();
    JsonNode job = server.bodies().stream().filter(b -> !b.path("configuration").path("dryRun").asBoolean())
        .findFirst().orElseThrow();
    assertThat(job.path("configuration").path("query").path("maximumBytesBilled").asLong()).isEqualTo(100_000_000L);
    assertThat(job.path("configuration").path("query").path("useLegacySql").asBoolean()).isFalse();
  }

  @Test
  void statementsThatWriteAreRefusedBeforeAnyJobRuns() {
    server.onQuery("DELETE FROM").statementType("DELETE");

    assertThatThrownBy(() -> warehouse.run("DELETE FROM `acme-analytics.published_core.plays` WHERE TRUE", 1L << 40, 10))
        .isInstanceOf(BigQueryFailure.class)
        .hasMessage("Only read-only queries can run from Corpus; this is a DELETE statement.");
    assertThat(server.bodies()).allSatisfy(b -> assertThat(b.path("configuration").path("dryRun").asBoolean()).isTrue());
  }

  @Test
  void queryOverTheByteLimitIsRefusedAfterTheFreeDryRun() {
    stubPlays(3);

    assertThatThrownBy(() -> warehouse.run(PLAYS_SQL, 10_000_000L, 10))
        .isInstanceOf(BigQueryFailure.class)
        .hasMessage("The query would process 52428800 bytes, more than the maximum of 10000000 bytes billed; it was not run.")
        .satisfies(e -> assertThat(((BigQueryFailure) e).kind()).isEqualTo(Kind.BYTES_LIMIT));
    assertThat(server.count("POST /projects/acme-analytics/jobs")).isEqualTo(1);
  }

  @Test
  void byteLimitEnforcedByBigQueryIsReportedWithoutBilling() {
    server.onQuery("GROUP BY 1").bytes(52_428_800L).dryRunBytes(1_000L);

    assertThatThrownBy(() -> warehouse.run(PLAYS_SQL.replace("2026-11-01", "2026-11-02"), 20_000_000L, 10))
        .isInstanceOf(BigQueryFailure.class)
        .hasMessageStartingWith("The query would bill more than the maximum bytes billed, so it was not run and nothing was billed")
        .satisfies(e -> assertThat(((BigQueryFailure) e).kind()).isEqualTo(Kind.BYTES_LIMIT));
  }

  @Test
  void interruptingARunningQueryCancelsTheJobInBigQuery() throws Exception {
    server.onQuery("long_running").slow();
    AtomicReference<Thread> worker = new AtomicReference<>();
    CompletableFuture<ResultPage> run = CompletableFuture.supplyAsync(() -> {
      worker.set(Thread.currentThread());
      try {
        return warehouse.run("SELECT * FROM long_running", 1L << 30, 10);
      } catch (InterruptedException e) {
        throw new IllegalStateException("cancelled", e);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.count("GET /projects/acme-analytics/jobs/corpus_") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    worker.get().interrupt();

    assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasRootCauseInstanceOf(InterruptedException.class);
    assertThat(server.count("POST /projects/acme-analytics/jobs/corpus_[0-9a-f]+/cancel")).isEqualTo(1);
  }

  @Test
  void previewReadsRowsFreeThroughTableDataWithoutAJob() throws Exception {
    Instant seen = Instant.parse("2026-10-01T12:00:00Z");
    server.addRows("acme-analytics.published_core.customers", List.of(
        List.of("c-1", "ana@example.com", List.of("Main St 1", "Lisbon", "1100"),
            List.of(List.of("d-9", seen)), "2024-01-01", "2060-01-01", true),
        List.of("c-2", "bo@example.com", List.of("Kai 2", "Oslo", "0150"), List.of(), "2024-02-01", "2060-01-01", true),
        List.of("c-3", "cy@example.com", List.of("Rua 3", "Porto", "4000"), List.of(), "2024-03-01", "2060-01-01", true)));

    ResultPage page = warehouse.preview(TableId.parse("acme-analytics.published_core.customers"), 2);

    assertThat(page.rows()).hasSize(2);
    assertThat(page.rows().get(0)).containsExactly("c-1", "ana@example.com",
        "{street: Main St 1, city: Lisbon, postal_code: 1100}",
        "[{device_id: d-9, first_seen: 2026-10-01T12:00:00Z}]", "2024-01-01", "2060-01-01", "true");
    assertThat(page.totalRows()).isEqualTo(3);
    assertThat(page.bytesBilled()).isZero();
    assertThat(server.count("/jobs|/queries")).isZero();
  }

  @Test
  void previewOfAViewIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> warehouse.preview(TableId.parse("acme-analytics.published_core.customers_current"), 10))
        .hasMessage("acme-analytics.published_core.customers_current is a view, which cannot be previewed for free;"
            + " run a query on it instead.");
  }

  @Test
  void sampleUsesTableSampleAndAByteLimitAndGivesValuesPerColumn() throws Exception {
    server.onQuery("TABLESAMPLE SYSTEM").bytes(2_000_000L).returns(
        fields(field("c0", "STRING", "NULLABLE", null), field("c1", "STRING", "REPEATED", null)),
        List.of(List.of("ana@example.com", List.of("d-1", "d-2")), java.util.Arrays.asList(null, List.of("d-3"))));

    List<ColumnSample> samples = warehouse.sample(TableId.parse("acme-analytics.published_core.customers"),
        List.of("email", "devices.device_id"), 100, 50_000_000L);

    assertThat(samples).containsExactly(new ColumnSample("email", List.of("ana@example.com")),
        new ColumnSample("devices.device_id", List.of("d-1", "d-2", "d-3")));
    assertThat(samples.get(0).toString()).doesNotContain("ana@");
    String sql = server.bodies().get(0).path("configuration").path("query").path("query").asText();
    assertThat(sql).isEqualTo("SELECT CAST(t.`email` AS STRING) AS c0, ARRAY(SELECT CAST(u0.`device_id` AS STRING)"
        + " FROM UNNEST(t.`devices`) AS u0 WHERE u0.`device_id` IS NOT NULL LIMIT 100) AS c1"
        + " FROM `acme-analytics.published_core.customers` AS t TABLESAMPLE SYSTEM (1 PERCENT) LIMIT 100");
    assertThat(server.bodies().get(1).path("configuration").path("query").path("maximumBytesBilled").asLong())
        .isEqualTo(50_000_000L);
  }

  @Test
  void samplingAColumnThatDoesNotExistSaysWhich() {
    assertThatThrownBy(() -> warehouse.sample(TableId.parse("acme-analytics.published_core.customers"),
        List.of("phone"), 10, 1_000_000L))
        .hasMessage("Cannot sample acme-analytics.published_core.customers: no field phone in this table.");
  }

  @Test
  void rejectedCredentialsGiveOneSentenceWithTheFix() {
    server.fail("POST", "/projects/acme-analytics/jobs", 401, "authError", -1);

    assertThatThrownBy(() -> warehouse.dryRun(PLAYS_SQL))
        .isInstanceOf(BigQueryFailure.class)
        .hasMessage("BigQuery rejected the credentials while dry-running the query: run 'gcloud auth"
            + " application-default login' or set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file.")
        .hasNoSuppressedExceptions();
  }

  @Test
  void unknownTableIsNotFound() {
    assertThatThrownBy(() -> warehouse.preview(TableId.parse("acme-analytics.published_core.nope"), 5))
        .isInstanceOf(BigQueryFailure.class)
        .satisfies(e -> assertThat(((BigQueryFailure) e).kind()).isEqualTo(Kind.NOT_FOUND));
  }

}
