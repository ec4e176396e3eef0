package corpus.indexer.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.Table;
import corpus.indexer.source.sample.SampleFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact bytes processed and billed for analyst queries on the generated sample warehouse. Each expectation is
 * computed here, independently of the estimator, by a plain DuckDB query over the sample data that applies
 * BigQuery's data-size rules to the columns BigQuery would read (the selected ones and those in WHERE, JOIN and
 * GROUP BY; a nested field alone when only it is referenced) in the partitions it would scan: INT64, FLOAT64,
 * DATE and TIMESTAMP 8 bytes, BOOL 1, STRING 2 + UTF-8 length, NULL 0. Billing rounds each table up to a MiB
 * with at least 10 MiB per table and per query; LIMIT changes nothing.
 */
class SampleEstimateTest {
  private static final long MIB = 1L << 20;
  private static final String PLAYS = "`soundwave-prod.listening.plays`";
  private static final String METRICS = "`soundwave-prod.creator.daily_creator_metrics`";

  @TempDir static Path cache;
  private static DuckDbWarehouse warehouse;
  private static QueryEstimator estimator;
  private static Connection data;

  @BeforeAll
  static void sample() throws Exception {
    Map<String, Table> tables = new HashMap<>();
    SampleFixture.crawl().tables.forEach(t -> tables.put(t.id().toString(), t));
    warehouse = DuckDbWarehouse.open(SampleFixture.layout().warehouse(), cache, DuckDbWarehouse.SAMPLE_TODAY,
        "sample");
    estimator = new QueryEstimator(id -> Optional.ofNullable(tables.get(id.toString())), warehouse, Pricing.DEFAULT,
        "EU", "soundwave-prod");
    data = SampleFixture.connect();
  }

  @AfterAll
  static void close() throws Exception {
    data.close();
    warehouse.close();
  }

  /** BigQuery's size of a STRING value: 2 + its UTF-8 length, 0 for NULL. */
  private static String str(String expr) {
    return "coalesce(2 + octet_length(encode(" + expr + ")), 0)";
  }

  /** BigQuery's size of a fixed-width value ({@code bytes} each), 0 for NULL. */
  private static String fixed(String expr, int bytes) {
    return "(CASE WHEN " + expr + " IS NULL THEN 0 ELSE " + bytes + " END)";
  }

  static Stream<Arguments> queries() {
    String oneDay = "play_date = DATE '2024-06-01'";
    return Stream.of(
        Arguments.of("one column, one day",
            "SELECT ms_played FROM " + PLAYS + " WHERE play_date = '2024-06-01'",
            List.of("SELECT sum(" + fixed("ms_played", 8) + " + " + fixed("play_date", 8)
                + ") FROM listening.plays WHERE " + oneDay)),
        Arguments.of("several columns over six months of days, above the minimum",
            "SELECT play_id, user_id, device_id, track_id, country FROM " + PLAYS
                + " WHERE play_date BETWEEN '2024-03-01' AND '2024-08-31'",
            List.of("SELECT sum(" + str("play_id") + " + " + str("user_id") + " + " + str("device_id") + " + "
                + str("track_id") + " + " + str("country") + " + " + fixed("play_date", 8)
                + ") FROM listening.plays WHERE play_date >= DATE '2024-03-01' AND play_date < DATE '2024-09-01'")),
        Arguments.of("a nested STRUCT field alone",
            "SELECT source.type, COUNT(*) AS n FROM " + PLAYS + " WHERE play_date = '2024-06-01' GROUP BY 1",
            List.of("SELECT sum(" + str("source.type") + " + " + fixed("play_date", 8)
                + ") FROM listening.plays WHERE " + oneDay)),
        Arguments.of("fields of a repeated record through UNNEST, one month of partitions",
            "SELECT a.metric_name, SUM(a.metric_value) AS v FROM " + METRICS + " AS m, UNNEST(m.actions_received) AS a"
                + " WHERE m.metric_date >= '2024-12-01' GROUP BY 1",
            List.of("SELECT (SELECT sum(" + str("a.metric_name") + " + " + fixed("a.metric_value", 8) + ") FROM ("
                + "SELECT unnest(actions_received) AS a FROM creator.daily_creator_metrics"
                + " WHERE metric_date >= DATE '2024-12-01'))"
                + " + (SELECT sum(" + fixed("metric_date", 8) + ") FROM creator.daily_creator_metrics"
                + " WHERE metric_date >= DATE '2024-12-01')")),
        Arguments.of("no partition filter scans every partition",
            "SELECT creator_id, SUM(plays) AS plays FROM " + METRICS + " GROUP BY creator_id",
            List.of("SELECT sum(" + str("creator_id") + " + " + fixed("plays", 8)
                + ") FROM creator.daily_creator_metrics")),
        Arguments.of("a small table under the 10 MiB minimum",
            "SELECT genre_id, name, is_active FROM `soundwave-prod.catalog.genres`",
            List.of("SELECT sum(" + str("genre_id") + " + " + str("name") + " + " + fixed("is_active", 1)
                + ") FROM catalog.genres")),
        Arguments.of("a JOIN of two tables, minimum per table",
            "SELECT t.title, al.title AS album FROM `soundwave-prod.catalog.track_metadata` AS t"
                + " JOIN `soundwave-prod.catalog.albums` AS al ON al.album_id = t.album_id WHERE t.is_current",
            List.of("SELECT sum(" + str("title") + " + " + str("album_id") + " + " + fixed("is_current", 1)
                    + ") FROM catalog.track_metadata",
                "SELECT sum(" + str("title") + " + " + str("album_id") + ") FROM catalog.albums")),
        Arguments.of("one table scanned twice, each half of the year: billed once over both halves",
            "SELECT 'first' AS half, COUNT(DISTINCT user_id) AS users FROM " + PLAYS
                + " WHERE play_date BETWEEN '2024-01-01' AND '2024-06-30'\nUNION ALL\n"
                + "SELECT 'second', COUNT(DISTINCT user_id) FROM " + PLAYS
                + " WHERE play_date BETWEEN '2024-07-01' AND '2024-12-31'",
            List.of("SELECT sum(" + str("user_id") + " + " + fixed("play_date", 8) + ") FROM listening.plays")),
        Arguments.of("LIMIT does not reduce the bytes",
            "SELECT country FROM " + PLAYS + " WHERE play_date = '2024-06-01' LIMIT 10",
            List.of("SELECT sum(" + str("country") + " + " + fixed("play_date", 8)
                + ") FROM listening.plays WHERE " + oneDay)),
        Arguments.of("DELETE bills the columns of its WHERE plus the whole table (DML q + t)",
            "DELETE FROM `soundwave-prod.catalog.genres` WHERE name = @subject_id",
            List.of("SELECT sum(" + str("name") + ") + sum(" + str("genre_id") + " + " + str("name") + " + "
                + str("parent_genre_id") + " + " + str("description") + " + " + fixed("is_active", 1) + " + "
                + fixed("display_order", 8) + ") FROM catalog.genres")),
        Arguments.of("SELECT * reads every column, nested ones whole",
            "SELECT * FROM `soundwave-prod.catalog.genres`",
            List.of("SELECT sum(" + str("genre_id") + " + " + str("name") + " + " + str("parent_genre_id") + " + "
                + str("description") + " + " + fixed("is_active", 1) + " + " + fixed("display_order", 8)
                + ") FROM catalog.genres")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void estimatesTheBytesBigQueryWouldProcessAndBill(String name, String sql, List<String> perTable)
      throws Exception {
    List<Long> expectedPerTable = new ArrayList<>();
    for (String q : perTable) {
      expectedPerTable.add(SampleFixture.count(data, q));
    }
    long processed = expectedPerTable.stream().mapToLong(Long::longValue).sum();
    long billed = 0;
    for (long b : expectedPerTable) {
      billed += Math.max(10 * MIB, (b + MIB - 1) / MIB * MIB);
    }
    billed = Math.max(10 * MIB, billed);

    Estimate e = estimator.estimate(sql);

    assertThat(e.problems()).as("problems of %s", sql).isEmpty();
    assertThat(expectedPerTable).as("expectations of %s", name).allMatch(b -> b > 0);
    assertThat(e.cost().bytesProcessed()).as("bytes processed by %s", sql).isEqualTo(processed);
    assertThat(e.cost().bytesBilled()).as("bytes billed by %s", sql).isEqualTo(billed);
    assertThat(e.cost().tables()).extracting(TableCost::bytes).containsExactlyElementsOf(expectedPerTable);
  }
}
