package corpus.indexer.source.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Problem;
import corpus.indexer.progress.ProgressListener;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AirflowSourceTest {

  private static CollectingSink sink;

  @BeforeAll
  static void crawl() throws Exception {
    sink = new CollectingSink();
    new AirflowSource(CollectingSink.fixture("airflow")).crawl(sink, ProgressListener.NONE);
  }

  @Test
  void insertJobWithInlineSqlWritesItsDestinationTable() {
    Pipeline p = sink.pipeline("airflow:dags/orders_daily.py#build_daily_orders");

    assertThat(p.kind()).isEqualTo("airflow");
    assertThat(p.file()).endsWith("orders_daily.py:18");
    assertThat(p.targets()).containsExactly("acme-prod.mart.daily_orders");
    assertThat(p.sources()).containsExactly("acme-prod.raw.orders");
    assertThat(CollectingSink.columns(p))
        .containsEntry("acme-prod.mart.daily_orders.revenue", List.of("acme-prod.raw.orders.amount"));
    assertThat(p.sql()).contains("'{{ ds }}'");
  }

  @Test
  void executeQueryWithSqlFileReadsTheFileAndRendersParams() {
    Pipeline p = sink.pipeline("airflow:dags/orders_daily.py#revenue_by_country");

    assertThat(p.file()).endsWith("dags/sql/revenue_by_country.sql");
    assertThat(p.targets()).containsExactly("acme-prod.finance.revenue_by_country");
    assertThat(p.sources()).containsExactlyInAnyOrder("acme-prod.mart.daily_orders", "acme-prod.crm.customers");
  }

  @Test
  void includedSqlFileUsesTheDefaultDataset() {
    Pipeline p = sink.pipeline("airflow:dags/marketing.py#build_audience");

    assertThat(p.targets()).containsExactly("acme-prod.marketing.audience_high_value");
    assertThat(p.sources()).containsExactly("acme-prod.mart.customer_orders");
  }

  @Test
  void operatorsKnownOnlyAtRunTimeAreReportedWithFileAndLineAndSkipped() {
    assertThat(sink.problems).extracting(p -> fileName(p) + ":" + p.line() + " " + p.reason()).containsExactlyInAnyOrder(
        "orders_daily.py:53 BigQueryInsertJobOperator task 'refresh_partition': the query is an f-string, known only"
            + " when the DAG runs; not analysed",
        "marketing.py:22 BigQueryInsertJobOperator task 'from_variable': the configuration is the variable"
            + " AUDIENCE_CONFIG, known only when the DAG runs; not analysed",
        "marketing.py:27 BigQueryInsertJobOperator task 'dynamic_sql': the query is the result of Variable.get(…),"
            + " known only when the DAG runs; not analysed");
    assertThat(sink.pipelines).extracting(Pipeline::id).containsExactlyInAnyOrder(
        "airflow:dags/orders_daily.py#build_daily_orders", "airflow:dags/orders_daily.py#revenue_by_country",
        "airflow:dags/marketing.py#build_audience");
  }

  private static String fileName(Problem p) {
    return p.file().substring(p.file().lastIndexOf('/') + 1);
  }
}
