package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.AcmeProject.PROJECT;
import static corpus.indexer.source.bigquery.BigQuerySourceTest.fields;
import static corpus.indexer.source.bigquery.FakeResources.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.warehouse.BigQueryWarehouseAdapter;
import corpus.indexer.warehouse.Estimate;
import corpus.indexer.warehouse.Pricing;
import corpus.indexer.warehouse.QueryEstimator;
import corpus.indexer.warehouse.QueryResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The workbench's BigQuery warehouse ({@link BigQueryWarehouseAdapter}) against the fake BigQuery REST server: the
 * dry run beside the rules-based estimate, the read-only guard, the byte limit on the job and paging (cancel is
 * covered on the client below it, BigQueryWarehouseTest).
 */
@Tag("bigquery")
class BigQueryWarehouseAdapterTest {

  private static final TableId PLAYS = TableId.parse("acme-analytics.published_core.plays");
  private static final String SQL =
      "SELECT country, COUNT(*) AS plays FROM `acme-analytics.published_core.plays` GROUP BY 1";
  private static final long DRY_RUN_BYTES = 52_428_800L;

  private FakeBigQueryServer server;
  private BigQueryWarehouseAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    server = FakeBigQueryServer.start();
    AcmeProject.load(server);
    BigQueryConnection connection = server.connection(PROJECT);
    adapter = new BigQueryWarehouseAdapter(new BigQueryWarehouse(connection.open(), connection), PROJECT);
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
    server.onQuery("GROUP BY 1").bytes(DRY_RUN_BYTES).references(PLAYS.toString())
        .returns(fields(field("country", "STRING", "NULLABLE", null), field("plays", "INTEGER", "NULLABLE", null)), values);
  }

  @Test
  void theEstimateShowsTheDryRunBesideTheRulesBasedFigureWhenTheyDiffer() throws Exception {
    stubPlays(3);
    // metadata says 1,000,000 rows of 8 bytes per country (STRING) and nothing else: the rules give 8,000,000 bytes
    Table plays = Table.builder(PLAYS).location("EU").numRows(1_000_000L).numBytes(8_000_000L)
        .schema(List.of(new Field("country", "STRING", "NULLABLE", null, null, null))).build();
    QueryEstimator estimator = new QueryEstimator(id -> id.equals(PLAYS) ? Optional.of(plays) : Optional.empty(),
        adapter, Pricing.DEFAULT, "EU", null);

    Estimate e = estimator.estimate(SQL);

    assertThat(e.problems()).isEmpty();
    assertThat(e.cost().dryRunBytes()).isEqualTo(DRY_RUN_BYTES);
    assertThat(e.cost().bytesProcessed()).isEqualTo(8_000_000L).isNotEqualTo(DRY_RUN_BYTES);
    assertThat(e.cost().exact()).isFalse();
    assertThat(e.summary()).startsWith("This query will process 7.6 MB")
        .contains("estimate from catalog metadata").endsWith("BigQuery's dry run says 50 MB");
    assertThat(server.bodies()).allSatisfy(b -> assertThat(b.path("configuration").path("dryRun").asBoolean()).isTrue());
  }

  @Test
  void runPassesTheMaximumBytesBilledAndPagesThroughTheResults() throws Exception {
    stubPlays(2500);

    QueryResult r = adapter.run(SQL, 100_000_000L, 2200);

    assertThat(r.rows()).hasSize(2200);
    assertThat(r.rows().get(1500)).containsExactly("C1500", "2500");
    assertThat(r.rows().getLast()).containsExactly("C2199", "3199");
    assertThat(r.totalRows()).isEqualTo(2500);
    assertThat(r.bytesBilled()).isEqualTo(DRY_RUN_BYTES);
    JsonNode job = server.bodies().stream().filter(b -> !b.path("configuration").path("dryRun").asBoolean())
        .findFirst().orElseThrow();
    assertThat(job.path("configuration").path("query").path("maximumBytesBilled").asLong()).isEqualTo(100_000_000L);
  }

  @Test
  void aStatementThatWritesIsRefusedFromItsDryRunStatementType() {
    server.onQuery("DELETE FROM").statementType("DELETE");

    assertThatThrownBy(() -> adapter.run("DELETE FROM `acme-analytics.published_core.plays` WHERE TRUE", 1L << 40, 10))
        .isInstanceOf(IOException.class)
        .hasMessage("Only read-only queries can run from Corpus; this is a DELETE statement.");
    assertThat(server.bodies()).allSatisfy(b -> assertThat(b.path("configuration").path("dryRun").asBoolean()).isTrue());
  }
}
