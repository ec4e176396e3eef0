package corpus.indexer.source.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Table;
import corpus.indexer.progress.ProgressListener;
import corpus.lineage.StatementLineage;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SqlSourceTest {

  private static final String TEMPLATE = "{project}/{dataset}/{table}/query.sql";
  private static CollectingSink sink;

  @BeforeAll
  static void crawl() throws Exception {
    sink = new CollectingSink();
    new SqlSource(CollectingSink.fixture("sqlrepo"), TEMPLATE).crawl(sink, ProgressListener.NONE);
  }

  @Test
  void plainSelectWritesTheTableItsPathNamesAndResolvesNamesAgainstThePathsDataset() {
    Pipeline p = sink.pipeline("sql:acme-prod/mart/daily_orders/query.sql");

    assertThat(p.targets()).containsExactly("acme-prod.mart.daily_orders");
    assertThat(p.sources()).containsExactly("acme-prod.raw.orders");
    assertThat(CollectingSink.columns(p))
        .containsEntry("acme-prod.mart.daily_orders.revenue", java.util.List.of("acme-prod.raw.orders.amount"))
        .containsEntry("acme-prod.mart.daily_orders.order_date", java.util.List.of("acme-prod.raw.orders.created_at"));
    assertThat(p.statements().getFirst().line()).isEqualTo(2);
  }

  @Test
  void metadataBesideTheFileGivesTitleDescriptionAndOwners() {
    Pipeline p = sink.pipeline("sql:acme-prod/mart/daily_orders/query.sql");

    assertThat(p.title()).isEqualTo("Daily orders (acme-prod/mart/daily_orders/query.sql)");
    assertThat(p.description()).startsWith("Orders and revenue per customer and day")
        .endsWith("Owners: orders-team@acme.example");
    assertThat(p.kind()).isEqualTo("sql");
    assertThat(p.file()).endsWith("daily_orders/query.sql");
  }

  @Test
  void documentedSchemasBecomeTablesSoSelectStarExpandsExactly() {
    Table documented = sink.table("acme-prod.mart.daily_orders").orElseThrow();
    assertThat(documented.friendlyName()).isEqualTo("Daily orders");
    assertThat(documented.labels()).containsEntry("owner", "orders-team");
    assertThat(documented.schema()).extracting(f -> f.name()).containsExactly("order_date", "customer_id", "orders", "revenue");
    assertThat(sink.table("acme-prod.raw.orders")).as("schema.yaml beside init.sql").isPresent();

    Pipeline p = sink.pipeline("sql:acme-prod/mart/customer_orders/query.sql");
    assertThat(CollectingSink.columns(p)).containsOnlyKeys(
        "acme-prod.mart.customer_orders.order_date", "acme-prod.mart.customer_orders.customer_id",
        "acme-prod.mart.customer_orders.orders", "acme-prod.mart.customer_orders.revenue",
        "acme-prod.mart.customer_orders.country");
    assertThat(p.statements()).allSatisfy(s -> assertThat(s.unresolved()).isEmpty());
  }

  @Test
  void statementsNamingTheirOwnTargetKeepItWhateverTheFileIsCalled() {
    assertThat(sink.pipeline("sql:acme-prod/raw/orders/init.sql").targets()).containsExactly("acme-prod.raw.orders");
  }

  @Test
  void brokenStatementIsReportedWithFileAndLineAndTheOthersStillCount() {
    Pipeline p = sink.pipeline("sql:acme-prod/mart/order_facts/merge.sql");

    assertThat(p.statements()).filteredOn(s -> !s.ok()).extracting(StatementLineage::line).containsExactly(3);
    assertThat(p.targets()).containsExactly("acme-prod.mart.order_facts");
    assertThat(p.sources()).containsExactly("acme-prod.raw.orders");
    assertThat(sink.problemPlaces()).contains("merge.sql:3");
  }

  @Test
  void malformedMetadataIsReportedAndTheSqlIsStillRead() {
    assertThat(sink.problems).filteredOn(p -> p.file().endsWith("bad_meta/metadata.yaml"))
        .singleElement()
        .satisfies(p -> assertThat(p.line()).isGreaterThan(0))
        .satisfies(p -> assertThat(p.reason()).startsWith("malformed YAML"));
    assertThat(sink.pipeline("sql:acme-prod/mart/bad_meta/query.sql").targets()).containsExactly("acme-prod.mart.bad_meta");
  }

  @Test
  void withoutTemplatePlainSelectsOnlyRead() throws Exception {
    CollectingSink plain = new CollectingSink();
    new SqlSource(CollectingSink.fixture("sqlrepo"), null).crawl(plain, ProgressListener.NONE);

    assertThat(plain.pipeline("sql:acme-prod/mart/daily_orders/query.sql").targets()).isEmpty();
    assertThat(plain.pipeline("sql:acme-prod/mart/order_facts/merge.sql").targets()).containsExactly("acme-prod.mart.order_facts");
  }

  @Test
  void specSplitsFolderAndTemplate() {
    assertThat(SqlSource.fromSpec("/repo/sql@" + TEMPLATE).spec()).isEqualTo("sql:/repo/sql@" + TEMPLATE);
    assertThat(SqlSource.fromSpec("/repo/at@home").spec()).isEqualTo("sql:/repo/at@home");
  }

  @Test
  void missingFolderFailsTheSourceWithItsName() {
    assertThatThrownBy(() -> new SqlSource(Path.of("/no/such/repo"), TEMPLATE).crawl(new CollectingSink(), ProgressListener.NONE))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("/no/such/repo");
  }
}
