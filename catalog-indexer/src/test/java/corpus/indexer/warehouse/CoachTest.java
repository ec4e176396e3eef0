package corpus.indexer.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.source.sample.SampleFixture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coach's hints on the generated sample, from an EU workflow: each saving it reports is what the estimate of
 * the rewritten query (or the free table preview) bills less than the original.
 */
class CoachTest {
  private static final long MIB = 1L << 20;
  private static final String PLAYS = "`soundwave-prod.listening.plays`";

  @TempDir static Path cache;
  private static DuckDbWarehouse warehouse;
  private static QueryEstimator estimator;
  private static Map<String, Table> tables;

  @BeforeAll
  static void sample() throws Exception {
    tables = new HashMap<>();
    SampleFixture.crawl().tables.forEach(t -> tables.put(t.id().toString(), t));
    warehouse = DuckDbWarehouse.open(SampleFixture.layout().warehouse(), cache, DuckDbWarehouse.SAMPLE_TODAY,
        "sample");
    estimator = new QueryEstimator(id -> Optional.ofNullable(tables.get(id.toString())), warehouse, Pricing.DEFAULT,
        "EU", null);
  }

  @AfterAll
  static void close() throws Exception {
    warehouse.close();
  }

  private static Hint hint(Estimate e, Hint.Kind kind) {
    return e.hints().stream().filter(h -> h.kind() == kind).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " hint among " + e.hints() + ", problems " + e.problems()));
  }

  private static long billed(String sql) throws Exception {
    Estimate e = estimator.estimate(sql);
    assertThat(e.problems()).as("problems of %s", sql).isEmpty();
    return e.cost().bytesBilled();
  }

  @Test
  void aMissingPartitionFilterSavesWhatTheQueryWithTheLastSevenDaysBillsLess() throws Exception {
    String sql = "SELECT user_id, track_id, country FROM " + PLAYS;
    Estimate original = estimator.estimate(sql);
    Hint hint = hint(original, Hint.Kind.NO_PARTITION_FILTER);

    String rewritten = hint.apply(sql);
    assertThat(rewritten).startsWith(sql + "\nWHERE ")
        .endsWith("play_date >= DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY)");
    long saved = original.cost().bytesBilled() - billed(rewritten);
    assertThat(saved).isGreaterThan(10 * MIB);
    assertThat(hint.savedBytes()).isEqualTo(saved);
  }

  @Test
  void aPartitionFilterJoinsAnExistingWhereClauseAndStillSavesExactlyTheDifference() throws Exception {
    String sql = "SELECT p.user_id, p.track_id FROM " + PLAYS + " AS p WHERE p.country = 'DE' OR p.country = 'FR'";
    Estimate original = estimator.estimate(sql);
    Hint hint = hint(original, Hint.Kind.NO_PARTITION_FILTER);

    String rewritten = hint.apply(sql);
    assertThat(rewritten).endsWith("WHERE p.play_date >= DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY) AND "
        + "(p.country = 'DE' OR p.country = 'FR')");
    assertThat(hint.savedBytes()).isEqualTo(original.cost().bytesBilled() - billed(rewritten)).isPositive();
  }

  @Test
  void selectStarSavesWhatTheQueryWithoutItsThreeWidestColumnsBillsLess() throws Exception {
    String sql = "SELECT * FROM " + PLAYS + " WHERE play_date BETWEEN '2024-01-01' AND '2024-03-31'";
    Estimate original = estimator.estimate(sql);
    Hint hint = hint(original, Hint.Kind.SELECT_STAR);

    Matcher widest = Pattern.compile("the widest are (\\w+) \\([^)]*\\), (\\w+) \\([^)]*\\), (\\w+) \\(")
        .matcher(hint.message());
    assertThat(widest.find()).as(hint.message()).isTrue();
    List<String> left = List.of(widest.group(1), widest.group(2), widest.group(3));
    List<String> rest = tables.get("soundwave-prod.listening.plays").schema().stream().map(Field::name)
        .filter(n -> !left.contains(n)).toList();
    assertThat(rest).hasSize(14);
    String rewritten = "SELECT " + String.join(", ", rest) + " FROM " + PLAYS
        + " WHERE play_date BETWEEN '2024-01-01' AND '2024-03-31'";

    long saved = original.cost().bytesBilled() - billed(rewritten);
    assertThat(saved).isPositive();
    assertThat(hint.savedBytes()).isEqualTo(saved);
    assertThat(hint.apply(sql)).as("the edit names every column, to be cut down by the user")
        .startsWith("SELECT play_id,\n  play_date,\n  played_at");
  }

  @Test
  void limitOnATableAloneSavesTheWholeBillBecauseThePreviewIsFree() throws Exception {
    String sql = "SELECT * FROM `soundwave-prod.catalog.genres` LIMIT 10";
    Estimate original = estimator.estimate(sql);
    Hint hint = hint(original, Hint.Kind.LIMIT_DOES_NOT_REDUCE);

    assertThat(original.cost().bytesBilled()).isEqualTo(billed("SELECT * FROM `soundwave-prod.catalog.genres`"))
        .isEqualTo(10 * MIB);
    assertThat(hint.savedBytes()).as("the preview bills nothing").isEqualTo(original.cost().bytesBilled());
  }

  @Test
  void limitWithAFilterSavesNothingBecauseTheQueryWithoutItBillsTheSame() throws Exception {
    String sql = "SELECT country FROM " + PLAYS + " WHERE play_date = '2024-06-01' LIMIT 10";
    Estimate original = estimator.estimate(sql);
    Hint hint = hint(original, Hint.Kind.LIMIT_DOES_NOT_REDUCE);

    assertThat(hint.savedBytes()).isZero()
        .isEqualTo(original.cost().bytesBilled() - billed(sql.replace(" LIMIT 10", "")));
  }

  @Test
  void usDataFromAnEuWorkflowIsARiskNotASaving() throws Exception {
    Estimate original = estimator.estimate("SELECT campaign_id, name FROM `soundwave-prod.marketing.campaigns`");
    Hint hint = hint(original, Hint.Kind.CROSS_LOCATION);

    assertThat(hint.table()).isEqualTo("soundwave-prod.marketing.campaigns");
    assertThat(hint.message()).contains("stored in US but this workflow runs in EU");
    assertThat(hint.savedBytes()).isZero();
    assertThat(hint.edits()).isEmpty();
  }

  @Test
  void repeatedScansOfALargeTableAreBilledOnceSoOnePassSavesSlotTimeNotBytes() throws Exception {
    String sql = "SELECT 'first' AS half, COUNT(DISTINCT user_id) AS users FROM " + PLAYS
        + " WHERE play_date BETWEEN '2024-01-01' AND '2024-06-30'\nUNION ALL\nSELECT 'second', COUNT(DISTINCT user_id) FROM "
        + PLAYS + " WHERE play_date BETWEEN '2024-07-01' AND '2024-12-31'";
    Estimate original = estimator.estimate(sql);
    Hint hint = hint(original, Hint.Kind.REPEATED_SCAN);
    String onePass = "SELECT COUNT(DISTINCT IF(play_date <= '2024-06-30', user_id, NULL)) AS first_half, "
        + "COUNT(DISTINCT IF(play_date >= '2024-07-01', user_id, NULL)) AS second_half FROM " + PLAYS
        + " WHERE play_date BETWEEN '2024-01-01' AND '2024-12-31'";

    assertThat(hint.message()).contains("is read 2 times");
    assertThat(original.cost().bytesBilled()).isGreaterThan(10 * MIB);
    assertThat(hint.savedBytes()).isZero().isEqualTo(original.cost().bytesBilled() - billed(onePass));
  }
}
