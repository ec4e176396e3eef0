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
import org.junit.jupiter.params.provider.CsvSource;

class ZetaSqlAnalyzerTest {
  private static final ZetaSqlAnalyzer ANALYZER = new ZetaSqlAnalyzer();
  private static final AnalysisContext DEFAULTS = AnalysisContext.withDefaults("proj", "sales");

  private static List<StatementLineage> analyze(String sql) {
    return ANALYZER.analyze(sql, DEFAULTS);
  }

  private static ColumnLineage column(StatementLineage s, String target) {
    return s.columns().stream().filter(c -> c.target().equals(target)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      SELECT a FROM t                                  | select          | proj.sales.t
      SELECT a FROM ds.t                               | select          | proj.ds.t
      SELECT a FROM `other.ds.t`                       | select          | other.ds.t
      SELECT a FROM `other.ds.events_*`                | select          | other.ds.events_*
      INSERT INTO out SELECT a FROM t                  | insert          | proj.sales.t
      CREATE OR REPLACE TABLE out AS SELECT a FROM t   | create_table_as | proj.sales.t
      CREATE VIEW v AS SELECT a FROM t                 | create_view     | proj.sales.t
      """)
  void resolvesUnqualifiedTablesAgainstTheDefaults(String sql, String kind, String source) {
    StatementLineage s = analyze(sql).getFirst();
    assertThat(s.kind()).isEqualTo(kind);
    assertThat(s.sources()).containsExactly(source);
    assertThat(s.error()).isNull();
  }

  @Test
  void oneBrokenStatementDoesNotHideTheOthers() {
    List<StatementLineage> result = analyze("""
        INSERT INTO a SELECT x FROM b;
        SELEC oops FROM nowhere;
        INSERT INTO c SELECT y FROM d;
        """);
    assertThat(result).extracting(StatementLineage::kind).containsExactly("insert", "selec", "insert");
    assertThat(result.get(1).error()).contains("Syntax error").contains("line 2");
    assertThat(result.get(1).line()).isEqualTo(2);
    assertThat(result.get(2).targets()).containsExactly("proj.sales.c");
    assertThat(result.get(2).line()).isEqualTo(3);
  }

  @Test
  void reportsTheStartLineOfEveryStatement() {
    List<StatementLineage> result = analyze("-- header\n\nSELECT 1;\n\n  SELECT\n  2;\n");
    assertThat(result).extracting(StatementLineage::line).containsExactly(3, 5);
  }

  @Test
  void followsTempTablesToTheirRealSources() {
    List<StatementLineage> result = analyze("""
        CREATE TEMP TABLE tmp AS SELECT id, amount FROM raw.orders;
        INSERT INTO mart.totals (id, total) SELECT id, SUM(amount) FROM tmp GROUP BY id;
        """);
    StatementLineage insert = result.get(1);
    assertThat(insert.sources()).containsExactly("proj.raw.orders");
    assertThat(insert.targets()).containsExactly("proj.mart.totals");
    assertThat(column(insert, "proj.mart.totals.total").sources()).containsExactly("proj.raw.orders.amount");
    assertThat(column(insert, "proj.mart.totals.total").derivation()).isEqualTo(Derivation.AGGREGATION);
    assertThat(column(insert, "proj.mart.totals.id").derivation()).isEqualTo(Derivation.IDENTITY);
    assertThat(result.getFirst().targets()).isEmpty();
  }

  @Test
  void reportsSelectStarAsUnresolvedWithoutASchema() {
    StatementLineage s = analyze("CREATE TABLE out AS SELECT * FROM src").getFirst();
    assertThat(s.columns()).isEmpty();
    assertThat(s.unresolved()).containsExactly("proj.sales.src.*");
  }

  @Test
  void expandsSelectStarExceptAndReplaceWithASchema() {
    SchemaProvider schemas = SchemaProvider.of(Map.of("proj.sales.src", List.of(
        ColumnSchema.of("id", "INT64"), ColumnSchema.of("email", "STRING"), ColumnSchema.of("ts", "TIMESTAMP"))));
    StatementLineage s = ANALYZER.analyze("CREATE TABLE out AS SELECT * EXCEPT (ts) REPLACE (LOWER(email) AS email) "
        + "FROM src", DEFAULTS.withSchemas(schemas)).getFirst();
    assertThat(s.columns()).extracting(ColumnLineage::target)
        .containsExactly("proj.sales.out.id", "proj.sales.out.email");
    assertThat(column(s, "proj.sales.out.email").derivation()).isEqualTo(Derivation.TRANSFORMATION);
    assertThat(s.unresolved()).isEmpty();
  }

  @Test
  void keepsNestedPathsThroughUnnest() {
    StatementLineage s = analyze("SELECT o.id, i.sku FROM orders o, UNNEST(o.items) AS i WHERE i.qty > 0")
        .getFirst();
    assertThat(s.sources()).containsExactly("proj.sales.orders");
    assertThat(column(s, "sku").sources()).containsExactly("proj.sales.orders.items.sku");
    assertThat(s.filters()).containsExactly("proj.sales.orders.items.qty");
  }

  @Test
  void marksExternalQueryAsExternalNotATable() {
    StatementLineage s = analyze("SELECT id FROM EXTERNAL_QUERY('eu.crm', 'SELECT id FROM c')").getFirst();
    assertThat(s.sources()).isEmpty();
    assertThat(s.external()).containsExactly("EXTERNAL_QUERY(eu.crm)");
    assertThat(column(s, "id").sources()).containsExactly("id");
  }

  @Test
  void reportsAmbiguousColumnsAsUnresolvedBareNames() {
    StatementLineage s = analyze("SELECT x FROM a JOIN b ON a.id = b.id").getFirst();
    assertThat(column(s, "x").sources()).containsExactly("x");
    assertThat(s.unresolved()).containsExactly("x");
    assertThat(s.filters()).containsExactly("proj.sales.a.id", "proj.sales.b.id");
  }

  @Test
  void reportsTemplatedFilesUnlessParametersAreGiven() {
    String sql = "SELECT a\nFROM {{ ref('orders') }} WHERE d = '{{ ds }}'";
    List<StatementLineage> templated = analyze(sql);
    assertThat(templated).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo("templated");
      assertThat(s.line()).isEqualTo(2);
      assertThat(s.error()).contains("templated");
    });
    List<StatementLineage> rendered = ANALYZER.analyze(sql, DEFAULTS.withTemplateParameters(Map.of("ds", "2024")));
    assertThat(rendered.getFirst().sources()).containsExactly("proj.sales.orders");
  }

  @Test
  void renameHasTheOldNameAsSourceAndTheNewAsTarget() {
    StatementLineage s = analyze("ALTER TABLE ds.old_name RENAME TO new_name").getFirst();
    assertThat(s.kind()).isEqualTo("rename");
    assertThat(s.sources()).containsExactly("proj.ds.old_name");
    assertThat(s.targets()).containsExactly("proj.ds.new_name");
  }

  @Test
  void isSafeToUseFromSeveralThreads() throws Exception {
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.Queue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
    for (int t = 0; t < 4; t++) {
      int n = t;
      threads.add(Thread.ofPlatform().start(() -> {
        for (int i = 0; i < 20; i++) {
          List<StatementLineage> r = analyze("INSERT INTO out" + n + " SELECT a FROM in" + n);
          if (!r.getFirst().targets().equals(List.of("proj.sales.out" + n))) {
            failures.add(r.toString());
          }
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
  }
}
