package corpus.app.lineage;

import corpus.app.catalog.LuceneCatalogLoader;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.Field;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import corpus.lineage.ColumnLineage;
import corpus.lineage.Derivation;
import corpus.lineage.StatementLineage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A small shop warehouse with pipelines, indexed by the real {@link Indexer}:
 *
 * <pre>
 * raw.orders ──► stg.orders ──► mart.daily_orders ──► mart.customer_ltv ◄── crm.customers
 *     │                                  └──────────► reports.revenue (view)
 *     └──► audit.order_log
 * </pre>
 *
 * with column lineage along {@code amount → amount_eur → revenue → ltv / revenue}. The SQL of {@code
 * stg/daily.sql} has two statements, so the side panel has a statement to highlight.
 */
final class LineageCatalog implements CatalogSource {

  static final String P = "shop-prod";
  static final TableId RAW = TableId.parse(P + ".raw.orders");
  static final TableId STG = TableId.parse(P + ".stg.orders");
  static final TableId DAILY = TableId.parse(P + ".mart.daily_orders");
  static final TableId LTV = TableId.parse(P + ".mart.customer_ltv");
  static final TableId CUSTOMERS = TableId.parse(P + ".crm.customers");
  static final TableId REVENUE = TableId.parse(P + ".reports.revenue");
  static final TableId AUDIT = TableId.parse(P + ".audit.order_log");
  static final TableId LONELY = TableId.parse(P + ".misc.lonely");

  static final String DAILY_SQL = """
      -- stg/daily.sql
      DELETE FROM `shop-prod.mart.daily_orders` WHERE order_date = CURRENT_DATE();

      INSERT INTO `shop-prod.mart.daily_orders` (order_date, customer_id, revenue)
      SELECT DATE(created_at), customer_id, SUM(amount_eur)
      FROM `shop-prod.stg.orders`
      GROUP BY 1, 2;
      """;

  static CatalogReader build(Path dir) throws IOException {
    new Indexer(dir).run(List.of(new LineageCatalog()), ProgressListener.NONE);
    return LuceneCatalog.open(dir);
  }

  static LuceneCatalogLoader loader(Path dir) {
    return new LuceneCatalogLoader(dir, () -> List.of(new LineageCatalog()));
  }

  @Override
  public String spec() {
    return "test:lineage";
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) {
    table(sink, RAW, "order_id", "customer_id", "amount", "created_at");
    table(sink, STG, "order_id", "customer_id", "amount_eur", "created_at");
    table(sink, DAILY, "order_date", "customer_id", "revenue");
    table(sink, LTV, "customer_id", "country", "ltv");
    table(sink, CUSTOMERS, "customer_id", "country");
    table(sink, REVENUE, "order_date", "revenue");
    table(sink, AUDIT, "order_id", "seen_at");
    table(sink, LONELY, "x");

    sink.pipeline(pipeline("sql:stg/orders.sql", "stg/orders.sql", "SELECT order_id, customer_id, amount AS amount_eur,"
        + " created_at FROM `shop-prod.raw.orders`", statement("insert", 1, STG, List.of(RAW),
        column(STG, "amount_eur", Derivation.IDENTITY, RAW, "amount"),
        column(STG, "customer_id", Derivation.IDENTITY, RAW, "customer_id"),
        column(STG, "created_at", Derivation.IDENTITY, RAW, "created_at"))));
    sink.pipeline(pipeline("sql:stg/daily.sql", "stg/daily.sql", DAILY_SQL,
        new StatementLineage("delete", 2, List.of(DAILY.toString()), List.of(), List.of(), List.of(), List.of(),
            List.of(), null),
        statement("insert", 4, DAILY, List.of(STG),
            column(DAILY, "revenue", Derivation.AGGREGATION, STG, "amount_eur"),
            column(DAILY, "customer_id", Derivation.IDENTITY, STG, "customer_id"),
            column(DAILY, "order_date", Derivation.TRANSFORMATION, STG, "created_at"))));
    sink.pipeline(pipeline("dbt:model.shop.customer_ltv", "manifest.json#model.shop.customer_ltv",
        "select c.customer_id, c.country, sum(d.revenue) as ltv\nfrom daily_orders d join customers c using (customer_id)",
        statement("select", 1, LTV, List.of(DAILY, CUSTOMERS),
            column(LTV, "ltv", Derivation.AGGREGATION, DAILY, "revenue"),
            column(LTV, "country", Derivation.IDENTITY, CUSTOMERS, "country"))));
    sink.pipeline(pipeline("view:" + REVENUE, REVENUE.toString(),
        "SELECT order_date, SUM(revenue) AS revenue FROM `shop-prod.mart.daily_orders` GROUP BY 1",
        statement("select", 1, REVENUE, List.of(DAILY), column(REVENUE, "revenue", Derivation.AGGREGATION, DAILY, "revenue"))));
    sink.pipeline(pipeline("openlineage:audit/order_log", "events/audit.ndjson", null,
        statement("openlineage", 3, AUDIT, List.of(RAW), column(AUDIT, "order_id", Derivation.IDENTITY, RAW, "order_id"))));
  }

  private static void table(CatalogSink sink, TableId id, String... columns) {
    sink.table(Table.builder(id).description("The " + id.table() + " table")
        .schema(java.util.Arrays.stream(columns).map(c -> Field.of(c, "STRING")).toList()).build());
  }

  private static Pipeline pipeline(String id, String file, String sql, StatementLineage... statements) {
    return new Pipeline(id, id.substring(0, id.indexOf(':')), file, file, null, sql, List.of(statements), false);
  }

  static StatementLineage statement(String kind, int line, TableId target, List<TableId> sources,
      ColumnLineage... columns) {
    return new StatementLineage(kind, line, List.of(target.toString()), sources.stream().map(TableId::toString).toList(),
        List.of(), List.of(columns), List.of(), List.of(), null);
  }

  static ColumnLineage column(TableId target, String name, Derivation d, TableId source, String sourceName) {
    return new ColumnLineage(target + "." + name, List.of(source + "." + sourceName), d);
  }
}
