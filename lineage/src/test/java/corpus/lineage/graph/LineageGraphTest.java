package corpus.lineage.graph;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.lineage.AnalysisContext;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LineageGraphTest {
  private static final LineageGraph GRAPH = new LineageGraph();

  @BeforeAll
  static void buildPipeline() {
    ZetaSqlAnalyzer analyzer = new ZetaSqlAnalyzer();
    AnalysisContext context = AnalysisContext.withDefaults("p", "d");
    GRAPH.addStatements("staging.sql", analyzer.analyze(
        "CREATE OR REPLACE TABLE staging.orders AS SELECT id, amount, user_id FROM raw.orders WHERE valid", context));
    GRAPH.addStatements("mart.sql", analyzer.analyze("""
        -- revenue per user
        INSERT INTO mart.revenue (user_id, revenue)
        SELECT o.user_id, SUM(o.amount) FROM staging.orders o JOIN raw.users u ON u.id = o.user_id GROUP BY 1;
        """, context));
    GRAPH.addStatements("report.sql", analyzer.analyze(
        "CREATE VIEW report.top AS SELECT user_id, revenue FROM mart.revenue ORDER BY revenue DESC LIMIT 10",
        context));
  }

  @Test
  void walksUpstreamTheRequestedNumberOfHops() {
    assertThat(GRAPH.upstream("p.report.top", 1)).extracting(LineageEdge::from)
        .contains("p.mart.revenue").doesNotContain("p.staging.orders");
    assertThat(GRAPH.upstream("p.report.top.revenue", 2)).extracting(LineageEdge::from)
        .containsExactly("p.mart.revenue.revenue", "p.staging.orders.amount");
    assertThat(GRAPH.upstream("p.report.top", 3)).extracting(LineageEdge::from)
        .contains("p.staging.orders", "p.raw.orders", "p.raw.users");
  }

  @Test
  void edgesRememberFileAndLine() {
    assertThat(GRAPH.edgesTo("p.mart.revenue.revenue")).singleElement().satisfies(e -> {
      assertThat(e.from()).isEqualTo("p.staging.orders.amount");
      assertThat(e.origin()).isEqualTo(new EdgeOrigin("mart.sql", 2, "insert"));
    });
  }

  @Test
  void impactOfAColumnListsEveryDownstreamColumnAndTable() {
    Impact impact = GRAPH.impact("p.raw.orders.amount");
    assertThat(impact.columns())
        .containsExactly("p.staging.orders.amount", "p.mart.revenue.revenue", "p.report.top.revenue");
    assertThat(impact.tables()).containsExactly("p.staging.orders", "p.mart.revenue", "p.report.top");
  }

  @Test
  void aFilterColumnImpactsTheTablesItFilters() {
    Impact impact = GRAPH.impact("p.raw.orders.valid");
    assertThat(impact.columns()).isEmpty();
    assertThat(impact.tables()).containsExactly("p.staging.orders", "p.mart.revenue", "p.report.top");
  }
}
