package corpus.indexer.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import corpus.indexer.model.Table;
import corpus.indexer.source.duckdb.DuckDbSource;
import corpus.indexer.source.duckdb.RecordingSink;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs typical analyst BigQuery SQL on an embedded DuckDB warehouse (project {@code acme-prod}). */
class DuckDbWarehouseTest {
  @TempDir static Path dir;
  private static DuckDbWarehouse warehouse;
  private static QueryRunner runner;

  @BeforeAll
  static void createWarehouse() throws Exception {
    Path file = dir.resolve("acme-prod.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA listening");
      s.execute("CREATE TABLE listening.plays(play_date DATE, user_id VARCHAR, ms BIGINT, "
          + "actions STRUCT(name VARCHAR, value BIGINT)[])");
      s.execute("""
          INSERT INTO listening.plays VALUES
          ('2024-12-29', 'u1', 1000, [{'name': 'like', 'value': 1}, {'name': 'share', 'value': 2}]),
          ('2024-12-30', 'u1', 3000, []),
          ('2024-12-31', 'u2', 2000, [{'name': 'like', 'value': 5}]),
          ('2024-06-01', 'u3', 500, NULL)""");
    }
    RecordingSink sink = new RecordingSink();
    new DuckDbSource(file).crawl(sink, (stage, done, total) -> { });
    Map<String, Table> tables = new HashMap<>();
    sink.tables.forEach(t -> tables.put(t.id().toString(), t));
    warehouse = DuckDbWarehouse.open(file, dir.resolve("cache"), LocalDate.of(2025, 1, 1), "test");
    QueryEstimator estimator = new QueryEstimator(id -> Optional.ofNullable(tables.get(id.toString())), warehouse,
        Pricing.DEFAULT, "EU", null);
    runner = new QueryRunner(estimator, null);
  }

  @AfterAll
  static void close() throws Exception {
    warehouse.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      SELECT COUNT(*) FROM `acme-prod.listening.plays`                                                   | [[4]]
      SELECT COUNT(*) FROM `acme-prod`.listening.plays WHERE play_date >= DATE_SUB(CURRENT_DATE(), INTERVAL 2 DAY) | [[2]]
      SELECT user_id FROM acme-prod.listening.plays WHERE EXTRACT(DAYOFWEEK FROM play_date) = 1 ORDER BY 1 | [[u1]]
      SELECT a.name, SUM(a.value) AS v FROM `acme-prod.listening.plays` p, UNNEST(p.actions) AS a GROUP BY a.name ORDER BY v DESC | [[like, 6], [share, 2]]
      SELECT user_id, ms FROM `acme-prod.listening.plays` WHERE true QUALIFY ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ms DESC) = 1 ORDER BY user_id | [[u1, 3000], [u2, 2000], [u3, 500]]
      SELECT DATE_TRUNC(play_date, MONTH) AS m, COUNTIF(ms > 900) AS n FROM `acme-prod.listening.plays` GROUP BY m ORDER BY m | [[2024-06-01, 0], [2024-12-01, 3]]
      SELECT DATE_DIFF(MAX(play_date), MIN(play_date), DAY), SAFE_DIVIDE(SUM(ms), 0) FROM `acme-prod.listening.plays` | [[213, null]]
      SELECT * EXCEPT (actions, ms) FROM `acme-prod.listening.plays` WHERE user_id = "u2"             | [[2024-12-31, u2]]
      """)
  void runsTypicalAnalystQueries(String sql, String expected) throws Exception {
    QueryResult r = runner.run(sql, QueryRunner.Options.DEFAULT);
    assertThat(r.rows().toString()).isEqualTo(expected);
  }

  @Test
  void returnsTypedAndNestedValues() throws Exception {
    QueryResult r = runner.run("SELECT play_date, ms, actions FROM `acme-prod.listening.plays` "
        + "WHERE play_date = '2024-12-29'", QueryRunner.Options.DEFAULT);
    assertThat(r.columns()).extracting(QueryResult.Column::type).containsExactly("DATE", "INT64", "ARRAY<STRUCT>");
    assertThat(r.rows().getFirst().get(0)).isEqualTo(LocalDate.of(2024, 12, 29));
    assertThat(r.rows().getFirst().get(1)).isEqualTo(1000L);
    assertThat(r.rows().getFirst().get(2)).isEqualTo(List.of(Map.of("name", "like", "value", 1L),
        Map.of("name", "share", "value", 2L)));
    assertThat(r.bytesBilled()).isEqualTo(10L << 20);
  }

  @Test
  void namesTheUnsupportedConstruct() {
    assertThatThrownBy(() -> runner.run("SELECT FARM_FINGERPRINT(user_id) FROM `acme-prod.listening.plays`",
        QueryRunner.Options.DEFAULT))
        .hasMessageContaining("cannot run FARM_FINGERPRINT() (line 1)");
    assertThatThrownBy(() -> runner.run("SELECT user_id\nFROM `acme-prod.listening.plays`\nWHERE play_date = @day",
        QueryRunner.Options.DEFAULT))
        .hasMessageContaining("query parameters (@day)").hasMessageContaining("line 3");
  }

  @Test
  void refusesWritesUnlessWritingIsOnAndQueriesOverBudget() {
    assertThatThrownBy(() -> runner.run("DELETE FROM `acme-prod.listening.plays` WHERE user_id = 'u1'",
        QueryRunner.Options.DEFAULT))
        .isInstanceOf(QueryRefusedException.class).hasMessageContaining("This statement writes (DELETE");
    assertThatThrownBy(() -> runner.run("SELECT user_id FROM `acme-prod.listening.plays`",
        new QueryRunner.Options(false, 1 << 20, 100)))
        .isInstanceOf(QueryRefusedException.class).hasMessageContaining("over the budget of 1 MB");
  }
}
