package corpus.indexer.source.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.index.IndexSummary;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.search.SearchHit;
import corpus.indexer.search.SearchRequest;
import corpus.indexer.source.CatalogSource;
import corpus.lineage.graph.LineageEdge;
import corpus.lineage.graph.LineageGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline sources through the real indexer and catalog: search filters, pipelines of a table, the graph. */
class PipelineIndexingTest {

  @TempDir static Path index;
  private static IndexSummary summary;

  @BeforeAll
  static void build() throws Exception {
    List<CatalogSource> sources = new ArrayList<>(ViewPipelines.addTo(List.of(ViewPipelinesTest.warehouse())));
    sources.add(new SqlSource(CollectingSink.fixture("sqlrepo"), "{project}/{dataset}/{table}/query.sql"));
    sources.add(new DbtManifestSource(CollectingSink.fixture("dbt/manifest.json")));
    sources.add(new OpenLineageSource(CollectingSink.fixture("openlineage")));
    sources.add(new AirflowSource(CollectingSink.fixture("airflow")));
    summary = new Indexer(index).run(sources, ProgressListener.NONE);
  }

  @Test
  void upstreamFilterListsWhatATableIsBuiltFrom() throws Exception {
    try (LuceneCatalog catalog = LuceneCatalog.open(index)) {
      assertThat(ids(catalog, "upstream:acme-prod.finance.revenue_by_country kind:table"))
          .contains("acme-prod.raw.orders", "acme-prod.crm.customers", "acme-prod.mart.daily_orders");
    }
  }

  @Test
  void downstreamFilterListsWhatReadsATable() throws Exception {
    try (LuceneCatalog catalog = LuceneCatalog.open(index)) {
      assertThat(ids(catalog, "downstream:acme-prod.mart.daily_orders kind:table"))
          .contains("acme-prod.finance.revenue_by_country");
      assertThat(ids(catalog, "downstream:acme-prod.mart.daily_orders kind:view"))
          .as("a view over the table is downstream of it")
          .containsExactly("acme-prod.mart.big_spenders");
      assertThat(ids(catalog, "downstream:acme-prod.raw.orders"))
          .as("pipelines that read it are listed too")
          .contains("pipeline:sql:acme-prod/mart/daily_orders/query.sql");
    }
  }

  @Test
  void everyPipelineThatTouchesATableIsOnItsPage() throws Exception {
    try (LuceneCatalog catalog = LuceneCatalog.open(index)) {
      assertThat(catalog.pipelinesFor(TableId.parse("acme-prod.mart.daily_orders"))).extracting(Pipeline::id)
          .contains("sql:acme-prod/mart/daily_orders/query.sql", "airflow:dags/orders_daily.py#build_daily_orders",
              "airflow:dags/orders_daily.py#revenue_by_country", "view:acme-prod.mart.big_spenders");
      assertThat(catalog.pipelinesFor(TableId.parse("acme-analytics.snapshots.orders_snapshot"))).extracting(Pipeline::id)
          .containsExactly("dbt:snapshot.shop.orders_snapshot");
    }
  }

  @Test
  void lineageGraphFollowsEdgesAcrossSourcesWithTheirOrigin() throws Exception {
    try (LuceneCatalog catalog = LuceneCatalog.open(index)) {
      LineageGraph graph = catalog.lineageGraph();
      Set<LineageEdge> up = graph.upstream("acme-prod.mart.big_spenders", 2);

      assertThat(up).extracting(LineageEdge::from).contains("acme-prod.mart.daily_orders", "acme-prod.raw.orders");
      assertThat(up).filteredOn(e -> e.from().equals("acme-prod.mart.daily_orders") && e.kind() == LineageEdge.Kind.TABLE)
          .extracting(e -> e.origin().source()).containsExactly("acme-prod.mart.big_spenders");
      assertThat(graph.impact("acme-raw.shop.orders.updated_at").columns())
          .contains("acme-analytics.staging.stg_orders.updated_at", "acme-analytics.snapshots.orders_snapshot.dbt_valid_from");
    }
  }

  @Test
  void problemsOfEverySourceAreCollectedNotFatal() {
    assertThat(summary.problems()).extracting(p -> p.source().substring(0, p.source().indexOf(':')))
        .contains("sql", "openlineage", "airflow", "duckdb");
    assertThat(summary.tables()).isGreaterThanOrEqualTo(10);
  }

  private static List<String> ids(LuceneCatalog catalog, String query) throws Exception {
    return catalog.search(SearchRequest.of(query, 50)).hits().stream().map(SearchHit::id).toList();
  }
}
