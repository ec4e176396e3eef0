package corpus.indexer.source.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import corpus.indexer.model.TableKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleSpecParserTest {

  private static final String SPEC = """
      # a comment
      dataset shop
      project: acme-prod
      location: EU
      labels: owner=sales, tier=gold
      default_partition_expiration_days: 90
      description: Orders.

      table orders
      partition: DAY order_date require_filter
      cluster: customer_id, country
      created: 2024-01-02T03:04:05Z
      popularity: 7
      - order_id VARCHAR -- Order number.
      - customer STRUCT(email VARCHAR, tags VARCHAR[]) [email] -- Who ordered.
      - customer.email [email] -- Contact address -- with a dash.
      - order_date DATE
      load: <<
      SELECT 'o1' AS order_id,
        DATE '2024-01-01' AS order_date
      >>

      view recent
      - order_id -- Order number.
      duckdb: <<
      SELECT order_id FROM shop.orders
      >>
      bigquery: <<
      SELECT order_id FROM `acme-prod.shop.orders`
      >>
      """;

  @Test
  void readsDatasetsTablesColumnsAndBlocks() {
    SampleSpec spec = SampleSpecParser.parse(List.of(Map.entry("shop.spec", SPEC)));

    DatasetSpec shop = spec.dataset("shop");
    assertThat(shop.project()).isEqualTo("acme-prod");
    assertThat(shop.labels()).containsEntry("owner", "sales").containsEntry("tier", "gold");
    TableSpec orders = spec.table("shop", "orders");
    assertThat(orders.id().toString()).isEqualTo("acme-prod.shop.orders");
    assertThat(orders.partitionType()).isEqualTo("DAY");
    assertThat(orders.partitionField()).isEqualTo("order_date");
    assertThat(orders.requirePartitionFilter()).isTrue();
    assertThat(orders.partitionExpirationMs()).as("dataset default").isEqualTo(90L * 86_400_000L);
    assertThat(orders.clustering()).containsExactly("customer_id", "country");
    assertThat(orders.creationTime()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(orders.labels()).as("inherited from the dataset").containsEntry("tier", "gold");
    assertThat(orders.columns()).extracting(ColumnSpec::path, ColumnSpec::duckDbType, ColumnSpec::category)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("order_id", "VARCHAR", null),
            org.assertj.core.groups.Tuple.tuple("customer", "STRUCT(email VARCHAR, tags VARCHAR[])", "email"),
            org.assertj.core.groups.Tuple.tuple("customer.email", null, "email"),
            org.assertj.core.groups.Tuple.tuple("order_date", "DATE", null));
    assertThat(orders.columns().get(2).description()).isEqualTo("Contact address -- with a dash.");
    assertThat(orders.loadSql()).isEqualTo("SELECT 'o1' AS order_id,\n  DATE '2024-01-01' AS order_date");
    TableSpec recent = spec.table("shop", "recent");
    assertThat(recent.kind()).isEqualTo(TableKind.VIEW);
    assertThat(recent.viewBigQuery()).contains("`acme-prod.shop.orders`");
    assertThat(recent.typedColumns()).isEmpty();
  }

  @Test
  void reportsFileAndLineOfAMalformedSpec() {
    String bad = "dataset d\nproject: p\nlocation: EU\ntable t\n- a VARCHAR\nthis line is wrong\n";

    assertThatThrownBy(() -> SampleSpecParser.parse(List.of(Map.entry("bad.spec", bad))))
        .hasMessageStartingWith("bad.spec:6:");
  }

  @Test
  void reportsAnUnclosedBlock() {
    String bad = "dataset d\nproject: p\nlocation: EU\ntable t\n- a VARCHAR\nload: <<\nSELECT 1\n";

    assertThatThrownBy(() -> SampleSpecParser.parse(List.of(Map.entry("bad.spec", bad))))
        .hasMessage("bad.spec:6: block 'load' is not closed with '>>'");
  }
}
