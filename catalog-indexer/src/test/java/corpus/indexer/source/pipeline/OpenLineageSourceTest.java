package corpus.indexer.source.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.Pipeline;
import corpus.indexer.progress.ProgressListener;
import corpus.lineage.ColumnLineage;
import corpus.lineage.Derivation;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenLineageSourceTest {

  private static CollectingSink sink;

  @BeforeAll
  static void crawl() throws Exception {
    sink = new CollectingSink();
    new OpenLineageSource(CollectingSink.fixture("openlineage")).crawl(sink, ProgressListener.NONE);
  }

  @Test
  void startAndCompleteEventsOfAJobMergeIntoOnePipeline() {
    Pipeline p = sink.pipeline("openlineage:airflow-prod/revenue_daily.build_revenue_by_country");

    assertThat(p.kind()).isEqualTo("openlineage");
    assertThat(p.title()).isEqualTo("revenue_daily.build_revenue_by_country");
    assertThat(p.file()).endsWith("revenue.ndjson");
    assertThat(p.sql()).startsWith("INSERT INTO `acme-prod.finance.revenue_by_country`");
    assertThat(p.targets()).containsExactly("acme-prod.finance.revenue_by_country");
    assertThat(p.sources()).containsExactly("acme-prod.raw.orders", "acme-prod.crm.customers");
    assertThat(p.statements()).singleElement().satisfies(s -> assertThat(s.line()).isEqualTo(1));
  }

  @Test
  void columnLineageFacetGivesColumnEdgesWithDerivationAndIndirectInputsAsFilters() {
    var s = sink.pipeline("openlineage:airflow-prod/revenue_daily.build_revenue_by_country").statements().getFirst();

    assertThat(s.columns()).containsExactlyInAnyOrder(
        new ColumnLineage("acme-prod.finance.revenue_by_country.country", List.of("acme-prod.crm.customers.country"),
            Derivation.IDENTITY),
        new ColumnLineage("acme-prod.finance.revenue_by_country.revenue_eur", List.of("acme-prod.raw.orders.amount"),
            Derivation.AGGREGATION));
    assertThat(s.filters()).containsExactlyInAnyOrder("acme-prod.crm.customers.country", "acme-prod.raw.orders.amount",
        "acme-prod.raw.orders.customer_id", "acme-prod.crm.customers.customer_id");
  }

  @Test
  void datasetsOutsideBigQueryAreExternalNotTables() {
    Pipeline export = sink.pipeline("openlineage:spark/export_revenue_to_gcs");
    assertThat(export.targets()).isEmpty();
    assertThat(export.sources()).containsExactly("acme-prod.finance.revenue_by_country");
    assertThat(export.statements().getFirst().external()).containsExactly("gs://acme-exports//revenue/2024-11-02.csv");
  }

  @Test
  void schemaFacetsBecomeTables() {
    assertThat(sink.table("acme-prod.raw.orders").orElseThrow().schema())
        .extracting(f -> f.name() + ":" + f.type()).containsExactly("order_id:STRING", "customer_id:STRING", "amount:NUMERIC");
    assertThat(sink.table("acme-prod.finance.revenue_by_country")).isPresent();
  }

  @Test
  void badEventsAreReportedWithFileAndLine() {
    assertThat(sink.problemPlaces()).containsExactlyInAnyOrder("revenue.ndjson:2", "revenue.ndjson:4");
    assertThat(sink.problems).anySatisfy(p -> assertThat(p.reason()).contains("no job.name"));
  }
}
