package corpus.indexer.source.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.Field;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableKind;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ViewPipelinesTest {

  /** A warehouse with a table and a view over it, the view reported before the table (as crawls may). */
  static CatalogSource warehouse() {
    return source("duckdb:test", sink -> {
      sink.table(Table.builder(TableId.parse("acme-prod.mart.big_spenders")).kind(TableKind.VIEW)
          .description("Customers who spent more than 1,000 EUR.")
          .viewQuery("SELECT * FROM mart.daily_orders\nWHERE revenue > 1000").build());
      sink.table(Table.builder(TableId.parse("acme-prod.mart.daily_orders"))
          .schema(List.of(Field.of("order_date", "DATE"), Field.of("customer_id", "STRING"), Field.of("revenue", "NUMERIC")))
          .build());
      sink.table(Table.builder(TableId.parse("acme-prod.mart.broken_view")).kind(TableKind.VIEW)
          .viewQuery("SELECT FROM WHERE").build());
    });
  }

  @Test
  void everyViewsSqlBecomesAViewPipelineAnalysedWithTheSchemasOfTheWholeCrawl() throws Exception {
    CollectingSink sink = new CollectingSink();
    for (CatalogSource s : ViewPipelines.addTo(List.of(warehouse()))) {
      s.crawl(sink, ProgressListener.NONE);
    }

    Pipeline view = sink.pipeline("view:acme-prod.mart.big_spenders");
    assertThat(view.kind()).isEqualTo("view");
    assertThat(view.title()).isEqualTo("big_spenders (view)");
    assertThat(view.description()).isEqualTo("Customers who spent more than 1,000 EUR.");
    assertThat(view.targets()).containsExactly("acme-prod.mart.big_spenders");
    assertThat(view.sources()).containsExactly("acme-prod.mart.daily_orders");
    assertThat(CollectingSink.columns(view)).containsOnlyKeys("acme-prod.mart.big_spenders.order_date",
        "acme-prod.mart.big_spenders.customer_id", "acme-prod.mart.big_spenders.revenue");
    assertThat(sink.tables).hasSize(3);
  }

  @Test
  void aViewThatCannotBeAnalysedIsReportedWithTheViewAsFile() throws Exception {
    CollectingSink sink = new CollectingSink();
    ViewPipelines.addTo(List.of(warehouse())).getFirst().crawl(sink, ProgressListener.NONE);

    assertThat(sink.problems).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("acme-prod.mart.broken_view");
      assertThat(p.line()).isEqualTo(1);
    });
  }

  @Test
  void pipelineSourcesAreNotWrapped() {
    CatalogSource sql = new SqlSource(CollectingSink.fixture("sqlrepo"), null);
    assertThat(ViewPipelines.addTo(List.of(sql))).containsExactly(sql);
    assertThat(ViewPipelines.addTo(List.of(warehouse())).getFirst().spec()).isEqualTo("duckdb:test");
  }

  static CatalogSource source(String spec, Consumer<CatalogSink> crawl) {
    return new CatalogSource() {
      @Override
      public String spec() {
        return spec;
      }

      @Override
      public void crawl(CatalogSink sink, ProgressListener progress) {
        crawl.accept(sink);
      }
    };
  }
}
