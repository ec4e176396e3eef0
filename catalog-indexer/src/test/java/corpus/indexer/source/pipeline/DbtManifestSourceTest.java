package corpus.indexer.source.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableTraits;
import corpus.indexer.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbtManifestSourceTest {

  private static CollectingSink sink;

  @BeforeAll
  static void crawl() throws Exception {
    sink = new CollectingSink();
    new DbtManifestSource(CollectingSink.fixture("dbt/manifest.json")).crawl(sink, ProgressListener.NONE);
  }

  @Test
  void modelWritesItsRelationWithColumnLineageFromTheCompiledSql() {
    Pipeline stg = sink.pipeline("dbt:model.shop.stg_orders");

    assertThat(stg.kind()).isEqualTo("dbt");
    assertThat(stg.title()).isEqualTo("stg_orders (dbt model)");
    assertThat(stg.file()).endsWith("manifest.json#model.shop.stg_orders");
    assertThat(stg.targets()).containsExactly("acme-analytics.staging.stg_orders");
    assertThat(stg.sources()).containsExactly("acme-raw.shop.orders");
    assertThat(CollectingSink.columns(stg))
        .containsEntry("acme-analytics.staging.stg_orders.amount_eur", List.of("acme-raw.shop.orders.amount"));
  }

  @Test
  void ephemeralModelsAreInlinedNotTables() {
    Pipeline customers = sink.pipeline("dbt:model.shop.customers");

    assertThat(customers.sources()).containsExactlyInAnyOrder("acme-raw.crm.customers", "acme-analytics.staging.stg_orders");
    assertThat(CollectingSink.columns(customers))
        .containsEntry("acme-analytics.marts.customers.lifetime_value_eur", List.of("acme-analytics.staging.stg_orders.amount_eur"));
    assertThat(sink.pipelines).extracting(Pipeline::id).doesNotContain("dbt:model.shop.int_order_totals");
  }

  @Test
  void uncompiledModelGetsTableLineageFromDependsOnThroughEphemeralModels() {
    Pipeline p = sink.pipeline("dbt:model.shop.orders_by_country");

    assertThat(p.statements()).singleElement().satisfies(s -> assertThat(s.kind()).isEqualTo("dbt_depends_on"));
    assertThat(p.sources()).containsExactly("acme-analytics.marts.customers", "acme-analytics.staging.stg_orders");
  }

  @Test
  void snapshotIsAnScd2TableWhoseValidityColumnsComeFromUpdatedAt() {
    Pipeline snapshot = sink.pipeline("dbt:snapshot.shop.orders_snapshot");
    assertThat(snapshot.targets()).containsExactly("acme-analytics.snapshots.orders_snapshot");
    assertThat(CollectingSink.columns(snapshot))
        .containsEntry("acme-analytics.snapshots.orders_snapshot.dbt_valid_from", List.of("acme-analytics.staging.stg_orders.updated_at"))
        .containsEntry("acme-analytics.snapshots.orders_snapshot.order_id", List.of("acme-analytics.staging.stg_orders.order_id"));

    Table table = sink.table("acme-analytics.snapshots.orders_snapshot").orElseThrow();
    assertThat(TableTraits.isScd2(table)).isTrue();
    assertThat(table.labels()).containsEntry("dbt", "snapshot");
  }

  @Test
  void documentedSourcesSeedsAndModelsBecomeTablesWithColumnDescriptions() {
    assertThat(sink.tables).extracting(t -> t.id().toString()).containsExactlyInAnyOrder(
        "acme-raw.shop.orders", "acme-analytics.staging.stg_orders", "acme-analytics.marts.customers",
        "acme-analytics.snapshots.orders_snapshot", "acme-analytics.seeds.country_codes");
    Table source = sink.table("acme-raw.shop.orders").orElseThrow();
    assertThat(source.description()).isEqualTo("Orders as exported nightly by the shop.");
    assertThat(source.labels()).containsEntry("owner", "shop-team");
    assertThat(source.schema()).filteredOn(f -> f.name().equals("amount")).singleElement()
        .satisfies(f -> assertThat(f.description()).isEqualTo("Order total in EUR."))
        .satisfies(f -> assertThat(f.type()).isEqualTo("NUMERIC"));
  }

  @Test
  void seedIsLoadedFromItsCsvAndTestsAreIgnored() {
    Pipeline seed = sink.pipeline("dbt:seed.shop.country_codes");
    assertThat(seed.statements()).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo("load_data");
      assertThat(s.external()).containsExactly("seeds/country_codes.csv");
    });
    assertThat(sink.pipelines).extracting(Pipeline::id).noneMatch(id -> id.startsWith("dbt:test."));
    assertThat(sink.problems).isEmpty();
  }

  @Test
  void aFileThatIsNotAManifestFailsWithItsName(@TempDir Path dir) throws Exception {
    Path bogus = Files.writeString(dir.resolve("manifest.json"), "{\"nodes\": [1, 2");
    assertThatThrownBy(() -> new DbtManifestSource(bogus).crawl(new CollectingSink(), ProgressListener.NONE))
        .hasMessageContaining("manifest.json").hasMessageContaining("not a dbt manifest");
  }
}
