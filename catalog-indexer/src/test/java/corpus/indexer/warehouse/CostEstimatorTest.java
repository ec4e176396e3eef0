package corpus.indexer.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TimePartitioning;
import corpus.indexer.source.duckdb.DuckDbSource;
import corpus.indexer.source.duckdb.RecordingSink;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exact bytes on a tiny warehouse whose sizes are computed by hand from BigQuery's data-size rules (INT64/DATE
 * 8, BOOL 1, NUMERIC 16, STRING 2 + length, STRUCT the sum of its fields, ARRAY the sum of its elements,
 * NULL 0). Per column and partition (20240101 | 20240102 | 20240201):
 * event_date 16|8|8, user_id 5|4|7, amount 16|8|0, ok 2|0|1, price 16|16|16, meta.kind 4|0|3, meta.n 8|8|0,
 * tags 7|3|0, items.sku 9|3|0, items.qty 16|0|0; users.user_id 5.
 */
class CostEstimatorTest {
  private static final long MIB = 1 << 20;

  @TempDir static Path dir;
  private static DuckDbWarehouse warehouse;
  private static QueryEstimator estimator;

  @BeforeAll
  static void createWarehouse() throws Exception {
    Path file = dir.resolve("p.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA ds");
      s.execute("CREATE TABLE ds.events(event_date DATE, user_id VARCHAR, amount BIGINT, ok BOOLEAN, "
          + "price DECIMAL(18,2), meta STRUCT(kind VARCHAR, n BIGINT), tags VARCHAR[], "
          + "items STRUCT(sku VARCHAR, qty BIGINT)[])");
      s.execute("""
          INSERT INTO ds.events VALUES
          ('2024-01-01', 'abc', 10, true, 1.50, {'kind': 'ab', 'n': 1}, ['x', 'yz'],
           [{'sku': 's1', 'qty': 1}, {'sku': 's22', 'qty': 2}]),
          ('2024-01-01', NULL, 20, false, NULL, NULL, [], []),
          ('2024-01-02', 'de', 30, NULL, 2.00, {'kind': NULL, 'n': 5}, ['q'], [{'sku': 'a', 'qty': NULL}]),
          ('2024-02-01', 'fghij', NULL, true, 3.00, {'kind': 'k', 'n': NULL}, NULL, NULL)""");
      s.execute("CREATE TABLE ds.users(user_id VARCHAR)");
      s.execute("INSERT INTO ds.users VALUES ('abc')");
    }
    RecordingSink sink = new RecordingSink();
    new DuckDbSource(file).crawl(sink, (stage, done, total) -> { });
    Map<String, Table> tables = new HashMap<>();
    for (Table t : sink.tables) {
      Table table = t.id().table().equals("events")
          ? t.toBuilder().timePartitioning(new TimePartitioning("DAY", "event_date", null, true)).location("EU").build()
          : t.toBuilder().location("EU").build();
      tables.put(table.id().toString(), table);
    }
    warehouse = DuckDbWarehouse.open(file, dir.resolve("cache"), DuckDbWarehouse.SAMPLE_TODAY, "test");
    estimator = new QueryEstimator(id -> Optional.ofNullable(tables.get(id.toString())), warehouse,
        Pricing.DEFAULT, "EU", "p");
  }

  @AfterAll
  static void close() throws Exception {
    warehouse.close();
  }

  @ParameterizedTest(name = "{0} -> {1} bytes")
  @CsvSource(delimiter = '|', textBlock = """
      SELECT user_id FROM ds.events WHERE event_date > '2000-01-01'                           | 48
      SELECT user_id, amount FROM ds.events WHERE event_date = '2024-01-01'                   | 37
      SELECT amount FROM ds.events WHERE event_date BETWEEN '2024-01-01' AND '2024-01-31'     | 48
      SELECT amount FROM ds.events WHERE event_date >= DATE_SUB(DATE '2024-02-01', INTERVAL 0 DAY) | 8
      SELECT meta.kind FROM ds.events WHERE event_date > '2023-12-31'                         | 39
      SELECT meta FROM ds.events WHERE event_date < '2024-01-02'                              | 28
      SELECT i.sku FROM ds.events, UNNEST(items) AS i WHERE event_date IN ('2024-01-01', '2024-01-02') | 36
      SELECT * FROM ds.events WHERE event_date <= '2024-12-31'                                | 184
      SELECT * FROM ds.events WHERE event_date <= '2024-12-31' LIMIT 1                        | 184
      SELECT COUNT(*) FROM ds.events WHERE event_date = '2024-02-01'                          | 8
      SELECT ok, price, tags FROM ds.events WHERE event_date = '2024-01-02'                   | 27
      """)
  void computesBytesProcessedByBigQueryRules(String sql, long expected) throws Exception {
    Estimate e = estimator.estimate(sql);
    assertThat(e.problems()).isEmpty();
    assertThat(e.cost().bytesProcessed()).isEqualTo(expected);
    assertThat(e.cost().bytesBilled()).isEqualTo(10 * MIB);
    assertThat(e.cost().exact()).isTrue();
  }

  @Test
  void billsTheMinimumPerTableAndPerQuery() throws Exception {
    Estimate e = estimator.estimate(
        "SELECT e.amount, u.user_id FROM ds.events e JOIN ds.users u USING (user_id) WHERE e.event_date = '2024-01-02'");
    assertThat(e.cost().table("p.ds.events").bytes()).isEqualTo(8 + 4 + 8);
    assertThat(e.cost().table("p.ds.users").bytes()).isEqualTo(5);
    assertThat(e.cost().bytesProcessed()).isEqualTo(25);
    assertThat(e.cost().bytesBilled()).isEqualTo(20 * MIB);
    assertThat(e.cost().costUsd()).isEqualTo(20.0 * MIB * 6.25 / (1L << 40));
  }

  @Test
  void reportsPartitionsScannedOfTotal() throws Exception {
    TableCost t = estimator.estimate("SELECT amount FROM ds.events WHERE event_date < '2024-01-15'")
        .cost().table("p.ds.events");
    assertThat(t.partitionsScanned()).isEqualTo(2);
    assertThat(t.partitionsTotal()).isEqualTo(3);
    assertThat(t.columns()).containsExactlyInAnyOrder("amount", "event_date");
  }

  @Test
  void refusesATableThatRequiresAPartitionFilterWithoutOne() throws Exception {
    Estimate e = estimator.estimate("SELECT amount FROM ds.events");
    assertThat(e.cost().bytesProcessed()).isEqualTo(24);
    assertThat(e.runnable()).isFalse();
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("requires a filter on event_date");
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.column()).isEqualTo(20);
    });
    assertThat(e.hints()).anySatisfy(h -> {
      assertThat(h.kind()).isEqualTo(Hint.Kind.NO_PARTITION_FILTER);
      assertThat(h.applicable()).isTrue();
      assertThat(h.apply(e.sql())).isEqualTo(
          "SELECT amount FROM ds.events\nWHERE events.event_date >= DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY)");
    });
  }

  @Test
  void pointsAtSyntaxErrorsAndUnknownNames() throws Exception {
    Estimate broken = estimator.estimate("SELECT amount\nFROM ds.events\nWHERE event_date = ");
    assertThat(broken.cost()).isNull();
    assertThat(broken.problems().getFirst().line()).isEqualTo(3);
    Estimate unknown = estimator.estimate("SELECT amout FROM ds.nope, ds.events WHERE event_date = '2024-01-01'");
    assertThat(unknown.problems()).extracting(Problem::message)
        .contains("Table p.ds.nope is not in the catalog");
  }
}
