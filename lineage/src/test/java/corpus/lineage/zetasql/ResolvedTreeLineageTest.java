package corpus.lineage.zetasql;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.lineage.AnalysisContext;
import corpus.lineage.ColumnLineage;
import corpus.lineage.ColumnSchema;
import corpus.lineage.Derivation;
import corpus.lineage.SchemaProvider;
import corpus.lineage.StatementLineage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResolvedTreeLineageTest {
  private static final List<ColumnSchema> ITEMS = List.of(new ColumnSchema("items", "RECORD", true, List.of(
      new ColumnSchema("sku", "STRING", false, List.of()),
      new ColumnSchema("qty", "INT64", false, List.of()))));

  private static final AnalysisContext CONTEXT = context(List.of());

  /** As {@link #CONTEXT}, with a STRUCT column. */
  private static final AnalysisContext CONTEXT2 = context(List.of(new ColumnSchema("receipt", "RECORD", false, List.of(
      new ColumnSchema("total", "NUMERIC", false, List.of()),
      new ColumnSchema("tax", "NUMERIC", false, List.of())))));

  /** Orders (with {@code extra} columns before {@code items}) and users in {@code proj.sales}. */
  private static AnalysisContext context(List<ColumnSchema> extra) {
    List<ColumnSchema> orders = new java.util.ArrayList<>(List.of(
        new ColumnSchema("order_id", "STRING", false, List.of()),
        new ColumnSchema("user_id", "STRING", false, List.of()),
        new ColumnSchema("amount", "NUMERIC", false, List.of())));
    orders.addAll(extra);
    orders.addAll(ITEMS);
    return AnalysisContext.withDefaults("proj", "sales").withSchemas(SchemaProvider.of(Map.of(
        "proj.sales.orders", orders,
        "proj.sales.users", List.of(
            new ColumnSchema("user_id", "STRING", false, List.of()),
            new ColumnSchema("email", "STRING", false, List.of()),
            new ColumnSchema("country", "STRING", false, List.of())))));
  }

  private static ColumnLineage column(StatementLineage s, String target) {
    return s.columns().stream().filter(c -> c.target().equals(target)).findFirst().orElseThrow();
  }

  @Test
  void takesColumnLineageFromTheResolvedTreeWhenEveryTableHasASchema() {
    ZetaSqlAnalyzer analyzer = new ZetaSqlAnalyzer(true);
    List<StatementLineage> result = analyzer.analyze("""
        CREATE TABLE mart.order_facts AS
        WITH o AS (SELECT * EXCEPT (items), ARRAY_LENGTH(items) AS lines,
                     (SELECT SUM(i.qty) FROM UNNEST(items) AS i) AS qty FROM orders)
        SELECT u.country, STRUCT(o.order_id AS id, o.lines AS lines) AS ref, o.qty
        FROM o JOIN users AS u USING (user_id)
        WHERE @day IS NOT NULL;
        SELECT country, SUM(amount) AS total FROM orders JOIN users USING (user_id) GROUP BY country;
        """, CONTEXT);

    assertThat(analyzer.resolvedPassStatistics().accepted()).isEqualTo(2);
    StatementLineage s = result.getFirst();
    assertThat(s.targets()).containsExactly("proj.mart.order_facts");
    assertThat(column(s, "proj.mart.order_facts.country").sources()).containsExactly("proj.sales.users.country");
    assertThat(column(s, "proj.mart.order_facts.country").derivation()).isEqualTo(Derivation.IDENTITY);
    assertThat(column(s, "proj.mart.order_facts.ref.id").sources()).containsExactly("proj.sales.orders.order_id");
    assertThat(column(s, "proj.mart.order_facts.ref.lines").sources()).containsExactly("proj.sales.orders.items");
    assertThat(column(s, "proj.mart.order_facts.qty").sources()).containsExactly("proj.sales.orders.items.qty");
    StatementLineage total = result.get(1);
    assertThat(column(total, "total").sources()).containsExactly("proj.sales.orders.amount");
    assertThat(column(total, "total").derivation()).isEqualTo(Derivation.AGGREGATION);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT receipt.* FROM orders",
      "SELECT o.receipt.* EXCEPT (tax) FROM orders AS o",
      "SELECT orders FROM orders",
      "SELECT u FROM users AS u",
      "SELECT i.* FROM orders, UNNEST(items) AS i",
      "SELECT s.* FROM (SELECT receipt AS s FROM orders)",
      "SELECT * FROM orders JOIN users USING (user_id)",
      "SELECT ARRAY(SELECT AS STRUCT * FROM UNNEST(items)) AS a FROM orders",
      "SELECT * REPLACE (UPPER(email) AS email) FROM users",
      "SELECT order_id, SUM(amount) OVER (PARTITION BY user_id) AS share,"
          + " ROW_NUMBER() OVER (ORDER BY amount) AS n FROM orders",
      "SELECT t.s.total FROM (SELECT receipt AS s FROM orders) AS t",
      "SELECT user_id FROM orders JOIN users USING (user_id)",
      "SELECT items.order_id FROM orders AS items",
      "SELECT TO_JSON(STRUCT(ARRAY_AGG(STRUCT(order_id AS id, amount AS a)) AS x)) AS j FROM orders",
      "SELECT ARRAY(SELECT AS STRUCT IFNULL(sku, 'none') AS sku, qty FROM UNNEST(items)) AS lines FROM orders",
      "SELECT user_id, ARRAY_AGG(STRUCT(order_id AS id, amount AS a) ORDER BY amount DESC LIMIT 1)[OFFSET(0)] AS top"
          + " FROM orders GROUP BY user_id",
      "WITH t AS (SELECT user_id, ARRAY_AGG(STRUCT(order_id AS id, amount AS a))[OFFSET(0)] AS top FROM orders"
          + " GROUP BY user_id) SELECT top.id FROM t",
      "SELECT ARRAY_AGG(t ORDER BY amount LIMIT 1)[OFFSET(0)] AS top FROM orders AS t GROUP BY user_id"})
  void givesWhatTheAnalyzerGivesWhenItAsksItOnlyWhereTheParseTreeIsIncompleteOrApproximate(String sql) {
    try (ZetaSqlAnalyzer whenNeeded = new ZetaSqlAnalyzer();
        ZetaSqlAnalyzer always = new ZetaSqlAnalyzer(ZetaSqlAnalyzer.ResolvedPass.ALWAYS)) {
      StatementLineage product = whenNeeded.analyze(sql, CONTEXT2).getFirst();
      StatementLineage reference = always.analyze(sql, CONTEXT2).getFirst();

      assertThat(always.resolvedPassStatistics().accepted()).isEqualTo(1);
      assertThat(product).isEqualTo(reference);
    }
  }

  @Test
  void doesNotAskTheAnalyzerAboutAStatementCallingAFunctionItDoesNotKnow() {
    String sql = "SELECT receipt.*, mozfun.norm.truncate_version(order_id, 'major') AS v FROM orders";
    try (ZetaSqlAnalyzer whenNeeded = new ZetaSqlAnalyzer();
        ZetaSqlAnalyzer always = new ZetaSqlAnalyzer(ZetaSqlAnalyzer.ResolvedPass.ALWAYS)) {
      StatementLineage product = whenNeeded.analyze(sql, CONTEXT2).getFirst();
      StatementLineage reference = always.analyze(sql, CONTEXT2).getFirst();

      assertThat(whenNeeded.resolvedPassStatistics().unknownFunctions()).isEqualTo(1);
      assertThat(whenNeeded.resolvedPassStatistics().tried()).isZero();
      assertThat(always.resolvedPassStatistics().rejected()).as("Function not found").isEqualTo(1);
      assertThat(product).isEqualTo(reference);
      assertThat(product.unresolved()).containsExactly("proj.sales.orders.receipt.*");
    }
  }

  @Test
  void doesNotAskTheAnalyzerWhenTheParseTreeLineageIsComplete() {
    try (ZetaSqlAnalyzer analyzer = new ZetaSqlAnalyzer()) {
      analyzer.analyze("SELECT country, SUM(amount) AS total FROM orders JOIN users USING (user_id) GROUP BY country;"
          + " SELECT * FROM orders JOIN users USING (user_id)", CONTEXT);

      assertThat(analyzer.resolvedPassStatistics().skipped()).isEqualTo(1);
      assertThat(analyzer.resolvedPassStatistics().tried()).isEqualTo(1);
      assertThat(analyzer.resolvedPassStatistics().accepted()).isEqualTo(1);
    }
  }

  @Test
  void aWindowedAggregateAggregatesAndARowNumberTransformsInTheResolvedTree() {
    ZetaSqlAnalyzer analyzer = new ZetaSqlAnalyzer(true);
    StatementLineage s = analyzer.analyze("SELECT SUM(amount) OVER (PARTITION BY user_id) AS share,"
        + " ROW_NUMBER() OVER (ORDER BY amount) AS n FROM orders", CONTEXT).getFirst();

    assertThat(analyzer.resolvedPassStatistics().accepted()).isEqualTo(1);
    assertThat(column(s, "share").derivation()).isEqualTo(Derivation.AGGREGATION);
    assertThat(column(s, "share").sources()).containsExactly("proj.sales.orders.amount", "proj.sales.orders.user_id");
    assertThat(column(s, "n").derivation()).isEqualTo(Derivation.TRANSFORMATION);
  }

  @Test
  void keepsTheParseTreeLineageWhenTheAnalyzerRejectsTheStatement() {
    ZetaSqlAnalyzer analyzer = new ZetaSqlAnalyzer(true);
    List<StatementLineage> result = analyzer.analyze("""
        CREATE TEMP FUNCTION masked(e STRING) AS (SHA256(e));
        SELECT masked(email) AS email_hash FROM users;
        SELECT email FROM users, unknown_table;
        """, CONTEXT);

    assertThat(analyzer.resolvedPassStatistics().tried()).isEqualTo(1);
    assertThat(analyzer.resolvedPassStatistics().rejected()).isEqualTo(1);
    assertThat(column(result.get(1), "email_hash").sources()).containsExactly("proj.sales.users.email");
    assertThat(column(result.get(2), "email").sources()).containsExactly("proj.sales.users.email");
  }

  @Test
  void registersOneCatalogAndGrowsItOnlyForTablesNotSeenBefore() {
    try (ZetaSqlAnalyzer analyzer = new ZetaSqlAnalyzer(true)) {
      analyzer.analyze("SELECT email FROM users;", CONTEXT);
      analyzer.analyze("SELECT country AS c FROM users; SELECT user_id FROM sales.users;", CONTEXT);
      assertThat(analyzer.resolvedPassStatistics().catalogsRegistered()).isEqualTo(1);

      List<StatementLineage> joined = analyzer.analyze(
          "SELECT u.email, o.amount FROM orders AS o JOIN users AS u USING (user_id);", CONTEXT);
      analyzer.analyze("SELECT email FROM users; SELECT amount FROM orders;", CONTEXT);

      assertThat(analyzer.resolvedPassStatistics().catalogsRegistered()).isEqualTo(2);
      assertThat(analyzer.resolvedPassStatistics().accepted()).isEqualTo(6);
      assertThat(column(joined.getFirst(), "amount").sources()).containsExactly("proj.sales.orders.amount");
    }
  }

  @Test
  void resolvesAShortNameToTheDefaultProjectsTableEvenWhenAnotherProjectsTableClaimedItFirst() {
    List<ColumnSchema> columns = List.of(new ColumnSchema("email", "STRING", false, List.of()));
    AnalysisContext context = AnalysisContext.withDefaults("proj", "sales").withSchemas(SchemaProvider.of(Map.of(
        "other.sales.users", columns, "proj.sales.users", columns)));
    try (ZetaSqlAnalyzer analyzer = new ZetaSqlAnalyzer(true)) {
      StatementLineage first = analyzer.analyze("SELECT email FROM other.sales.users;", context).getFirst();
      StatementLineage second = analyzer.analyze("SELECT email FROM sales.users;", context).getFirst();

      assertThat(column(first, "email").sources()).containsExactly("other.sales.users.email");
      assertThat(column(second, "email").sources()).containsExactly("proj.sales.users.email");
      assertThat(analyzer.resolvedPassStatistics().accepted()).isEqualTo(2);
    }
  }

  @Test
  void followsASchemaThatChangedSinceTheCatalogWasRegistered() {
    try (ZetaSqlAnalyzer analyzer = new ZetaSqlAnalyzer(true)) {
      analyzer.analyze("SELECT * FROM users;", CONTEXT);
      AnalysisContext widened = AnalysisContext.withDefaults("proj", "sales").withSchemas(SchemaProvider.of(Map.of(
          "proj.sales.users", List.of(
              new ColumnSchema("user_id", "STRING", false, List.of()),
              new ColumnSchema("phone", "STRING", false, List.of())))));

      StatementLineage s = analyzer.analyze("SELECT * FROM users;", widened).getFirst();

      assertThat(s.columns()).extracting(ColumnLineage::target).containsExactly("user_id", "phone");
      assertThat(column(s, "phone").sources()).containsExactly("proj.sales.users.phone");
      assertThat(analyzer.resolvedPassStatistics().catalogsRegistered()).isEqualTo(2);
    }
  }

  @Test
  void givesTheSameLineageWhenSeveralThreadsShareTheAnalyser() throws Exception {
    List<String> scripts = List.of(
        "SELECT country, SUM(amount) AS total FROM orders JOIN users USING (user_id) GROUP BY country;",
        "SELECT email FROM users;",
        "SELECT order_id, (SELECT SUM(i.qty) FROM UNNEST(items) AS i) AS qty FROM orders;");
    List<List<StatementLineage>> expected;
    try (ZetaSqlAnalyzer alone = new ZetaSqlAnalyzer(true)) {
      expected = scripts.stream().map(sql -> alone.analyze(sql, CONTEXT)).toList();
    }
    try (ZetaSqlAnalyzer shared = new ZetaSqlAnalyzer(true);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> {
          for (int i = 0; i < 20; i++) {
            for (int k = 0; k < scripts.size(); k++) {
              if (!shared.analyze(scripts.get(k), CONTEXT).equals(expected.get(k))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (var run : runs) {
        assertThat(run.get()).isTrue();
      }
      assertThat(shared.resolvedPassStatistics().accepted()).isEqualTo(8 * 20 * 3);
    }
  }
}
