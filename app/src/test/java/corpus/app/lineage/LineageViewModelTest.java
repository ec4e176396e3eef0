package corpus.app.lineage;

import static corpus.app.lineage.LineageCatalog.AUDIT;
import static corpus.app.lineage.LineageCatalog.CUSTOMERS;
import static corpus.app.lineage.LineageCatalog.DAILY;
import static corpus.app.lineage.LineageCatalog.LTV;
import static corpus.app.lineage.LineageCatalog.RAW;
import static corpus.app.lineage.LineageCatalog.REVENUE;
import static corpus.app.lineage.LineageCatalog.STG;
import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.Navigator;
import corpus.app.Place;
import corpus.app.lineage.LineageDrawing.DrawnNode;
import corpus.app.lineage.LineageSubgraph.Direction;
import corpus.app.lineage.LineageViewModel.State;
import corpus.app.task.TaskExecutor;
import corpus.indexer.catalog.CatalogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageViewModelTest {

  @TempDir static Path indexDir;
  private static CatalogReader catalog;

  private final Navigator navigator = new Navigator();
  private final LineageViewModel viewModel =
      new LineageViewModel(TaskExecutor.currentThread(), navigator, new ElkGraphLayout());

  @BeforeAll
  static void buildCatalog() throws Exception {
    catalog = LineageCatalog.build(indexDir);
  }

  @AfterAll
  static void closeCatalog() throws Exception {
    catalog.close();
  }

  @BeforeEach
  void open() {
    viewModel.catalogProperty().set(catalog);
  }

  @Test
  void readsNothingUntilTheViewIsShown() {
    viewModel.show(STG);

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.EMPTY);
    viewModel.setActive(true);
    assertThat(viewModel.stateProperty().get()).isEqualTo(State.READY);
  }

  @Test
  void startsWithOneHopEachWayAndCountsTheHiddenNeighbours() {
    showActive(STG);

    assertThat(shown()).containsOnlyKeys(STG.toString(), RAW.toString(), DAILY.toString());
    assertThat(shown().get(STG.toString()).focus()).isTrue();
    assertThat(shown().get(DAILY.toString()).hiddenDownstream()).isEqualTo(2);
    assertThat(shown().get(RAW.toString()).hiddenDownstream()).as("audit.order_log").isEqualTo(1);
    assertThat(x(RAW)).isLessThan(x(STG));
    assertThat(x(STG)).isLessThan(x(DAILY));
    assertThat(viewModel.messageProperty().get()).isEqualTo("3 tables shown · click +N on a node to show more");
  }

  @Test
  void expandingANodeShowsItsHiddenNeighboursToTheRight() {
    showActive(STG);

    viewModel.expand(DAILY.toString(), Direction.DOWNSTREAM);

    assertThat(shown()).containsKeys(LTV.toString(), REVENUE.toString());
    assertThat(shown().get(DAILY.toString()).hiddenDownstream()).isZero();
    assertThat(shown().get(LTV.toString()).hiddenUpstream()).as("crm.customers").isEqualTo(1);
    assertThat(x(LTV)).isGreaterThan(x(DAILY));
    assertThat(viewModel.drawingProperty().get().links()).extracting(l -> l.link().from() + ">" + l.link().to())
        .contains(DAILY + ">" + LTV, DAILY + ">" + REVENUE);
  }

  @Test
  void moreHopsShowMoreAtOnce() {
    viewModel.hopsProperty().set(3);
    showActive(STG);

    assertThat(shown()).containsOnlyKeys(STG.toString(), RAW.toString(), DAILY.toString(), LTV.toString(),
        REVENUE.toString());
  }

  @Test
  void columnModeFollowsOneFieldUpAndDownstream() {
    viewModel.hopsProperty().set(3);
    showActive(STG);
    assertThat(viewModel.columns()).contains("amount_eur", "customer_id");

    viewModel.selectColumn("amount_eur");

    assertThat(shown()).containsOnlyKeys(STG + ".amount_eur", RAW + ".amount", DAILY + ".revenue", LTV + ".ltv",
        REVENUE + ".revenue");
    assertThat(shown().get(DAILY + ".revenue").title()).isEqualTo("revenue");
    assertThat(shown().get(DAILY + ".revenue").subtitle()).isEqualTo(DAILY.toString());
    assertThat(viewModel.impactProperty().get().rows()).extracting(ImpactReport.Row::id)
        .contains(DAILY + ".revenue", LTV + ".ltv", REVENUE + ".revenue", LTV.toString());
  }

  @Test
  void clickingANodeOpensItsTablePageAndAColumnNodeItsTable() {
    showActive(STG);

    viewModel.open(DAILY.toString());
    assertThat(navigator.current()).isEqualTo(new Place.Table(DAILY));

    viewModel.selectColumn("amount_eur");
    viewModel.open(RAW + ".amount");
    assertThat(navigator.current()).isEqualTo(new Place.Table(RAW));
  }

  @Test
  void anEdgeShowsTheSqlOfItsStatementWithItsLinesHighlighted() {
    showActive(STG);
    LineageSubgraph.Link link = link(STG, DAILY);

    viewModel.selectLink(link);

    EdgeSql sql = viewModel.edgeSqlProperty().get();
    assertThat(sql.title()).isEqualTo("stg/daily.sql");
    assertThat(sql.origin()).isEqualTo("stg/daily.sql:4");
    assertThat(sql.kind()).isEqualTo("sql · insert");
    assertThat(sql.firstHighlighted()).isEqualTo(4);
    assertThat(sql.lastHighlighted()).isEqualTo(7);
    assertThat(sql.lines().get(3)).startsWith("INSERT INTO");
    assertThat(sql.highlighted(2)).as("the DELETE before it").isFalse();
  }

  @Test
  void anEdgeWithoutSqlSaysWhereItCameFrom() {
    showActive(RAW);

    viewModel.selectLink(link(RAW, AUDIT));

    assertThat(viewModel.edgeSqlProperty().get().lines()).isEmpty();
    assertThat(viewModel.edgeSqlProperty().get().origin()).isEqualTo("events/audit.ndjson:3");
  }

  @Test
  void impactListsEveryDownstreamTableAndColumnNearestFirstAndExportsAsCsv(@TempDir Path out) throws Exception {
    showActive(STG);

    ImpactReport impact = viewModel.impactProperty().get();
    assertThat(impact.rows()).filteredOn(r -> r.kind().equals("table")).extracting(ImpactReport.Row::id)
        .containsExactly(DAILY.toString(), LTV.toString(), REVENUE.toString());
    assertThat(impact.rows()).filteredOn(r -> r.id().equals(LTV + ".ltv")).singleElement()
        .satisfies(r -> assertThat(r.hops()).isEqualTo(2))
        .satisfies(r -> assertThat(r.via()).isEqualTo("manifest.json#model.shop.customer_ltv:1"));
    assertThat(impact.rows()).extracting(ImpactReport.Row::id).doesNotContain(CUSTOMERS.toString(), RAW.toString());

    Path csv = out.resolve("impact.csv");
    viewModel.exportImpact(csv);

    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.getFirst()).isEqualTo("changed,kind,id,table,hops,via");
    assertThat(lines).hasSize(impact.rows().size() + 1)
        .contains("shop-prod.stg.orders,table,shop-prod.mart.daily_orders,shop-prod.mart.daily_orders,1,stg/daily.sql:4");
    assertThat(viewModel.messageProperty().get()).isEqualTo("Exported " + impact.rows().size() + " rows to impact.csv");
  }

  @Test
  void aTableNoPipelineTouchesSaysSo() {
    showActive(LineageCatalog.LONELY);

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.NO_LINEAGE);
    assertThat(viewModel.messageProperty().get()).startsWith("No pipeline in the catalog reads or writes this table.");
  }

  @Test
  void withoutCatalogTheViewSaysWhy() {
    viewModel.catalogProperty().set(null);
    showActive(STG);

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.FAILED);
    assertThat(viewModel.messageProperty().get()).isEqualTo("The catalog is not open yet.");
  }

  private void showActive(corpus.indexer.model.TableId id) {
    viewModel.setActive(true);
    viewModel.show(id);
  }

  private Map<String, DrawnNode> shown() {
    return viewModel.drawingProperty().get().nodes().stream()
        .collect(Collectors.toMap(DrawnNode::id, n -> n));
  }

  private double x(corpus.indexer.model.TableId id) {
    return shown().get(id.toString()).box().x();
  }

  private LineageSubgraph.Link link(corpus.indexer.model.TableId from, corpus.indexer.model.TableId to) {
    return viewModel.drawingProperty().get().links().stream().map(LineageDrawing.DrawnLink::link)
        .filter(l -> l.from().equals(from.toString()) && l.to().equals(to.toString())).findFirst().orElseThrow();
  }
}
