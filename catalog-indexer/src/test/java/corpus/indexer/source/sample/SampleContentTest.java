package corpus.indexer.source.sample;

import static corpus.indexer.source.sample.SampleFixture.count;
import static corpus.indexer.source.sample.SampleFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableKind;
import corpus.indexer.model.TableUsage;
import corpus.indexer.source.duckdb.RecordingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sample holds everything issue 2 asks of it, as a user of the catalog would see it. */
class SampleContentTest {

  private static final Pattern TABLE_REF = Pattern.compile("soundwave-(?:prod|raw)\\.[a-z_]+\\.[a-z_0-9]+");

  @Test
  void hasSixOrMoreDatasetsInEuAndUsLocations() throws Exception {
    List<Dataset> datasets = SampleFixture.crawl().datasets;

    assertThat(datasets).hasSizeGreaterThanOrEqualTo(6);
    assertThat(datasets).extracting(Dataset::location).contains("EU", "US");
    assertThat(datasets).extracting(Dataset::project).contains("soundwave-prod", "soundwave-raw");
  }

  @Test
  void hasThirtyOrMoreTablesAndViewsWithFourHundredOrMoreFields() throws Exception {
    RecordingSink crawl = SampleFixture.crawl();

    assertThat(crawl.tables).hasSizeGreaterThanOrEqualTo(30);
    assertThat(crawl.tables).extracting(Table::kind).contains(TableKind.TABLE, TableKind.VIEW);
    assertThat(crawl.tables.stream().mapToInt(t -> t.flatFields().size()).sum()).isGreaterThanOrEqualTo(400);
    assertThat(crawl.problems).isEmpty();
  }

  @Test
  void dailyCreatorMetricsHasRepeatedRecordsNestedTwoLevelsDeep() throws Exception {
    Table metrics = SampleFixture.crawl().table("soundwave-prod.creator.daily_creator_metrics");
    Map<String, Field> fields = metrics.flatFields().stream()
        .collect(Collectors.toMap(Field.Flat::path, Field.Flat::field));

    assertThat(metrics.description()).startsWith("Daily plays, listeners and actions received per creator");
    assertThat(fields.get("actions_received").isRepeated()).isTrue();
    assertThat(fields.get("actions_received").fields()).extracting(Field::name, Field::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("is_logged_in", "BOOL"),
            org.assertj.core.groups.Tuple.tuple("metric_name", "STRING"),
            org.assertj.core.groups.Tuple.tuple("metric_value", "FLOAT64"));
    assertThat(fields.get("top_tracks.listener_countries").isRepeated()).isTrue();
    assertThat(metrics.flatFields()).anyMatch(f -> f.depth() >= 2 && f.path().equals("top_tracks.listener_countries.country"));
  }

  @Test
  void playsIsDayPartitionedClusteredWithAMillionRowsOver365Partitions() throws Exception {
    Table plays = SampleFixture.crawl().table("soundwave-prod.listening.plays");

    assertThat(plays.timePartitioning().type()).isEqualTo("DAY");
    assertThat(plays.timePartitioning().field()).isEqualTo("play_date");
    assertThat(plays.clustering()).containsExactly("track_id", "country");
    assertThat(plays.numRows()).isGreaterThanOrEqualTo(1_000_000L);
    try (Connection c = SampleFixture.connect()) {
      assertThat(count(c, "SELECT count(DISTINCT play_date) FROM listening.plays")).isGreaterThanOrEqualTo(365);
    }
  }

  @Test
  void publishedDatasetsAreDocumentedAndTheRawLakeMostlyIsNot() throws Exception {
    RecordingSink crawl = SampleFixture.crawl();
    for (Dataset d : crawl.datasets) {
      if (d.labels().get("tier").equals("gold")) {
        assertThat(d.labels()).containsKeys("owner", "freshness");
        assertThat(d.description()).contains("Freshness SLA");
      }
    }
    List<Table> gold = crawl.tables.stream().filter(t -> "gold".equals(t.labels().get("tier"))).toList();
    assertThat(gold).hasSizeGreaterThan(15);
    assertThat(gold).allSatisfy(t -> {
      assertThat(t.description()).isNotBlank();
      assertThat(t.flatFields()).allSatisfy(f -> assertThat(f.field().description()).as(t.id() + ":" + f.path()).isNotBlank());
    });
    List<Field.Flat> raw = crawl.tables.stream().filter(t -> t.id().project().equals("soundwave-raw"))
        .flatMap(t -> t.flatFields().stream()).toList();
    assertThat(raw.stream().filter(f -> f.field().description() != null).count()).isLessThan(raw.size() / 5);
  }

  @Test
  void someTablesExpireOrHaveExpiringPartitionsAndOthersKeepEverything() throws Exception {
    List<Table> tables = SampleFixture.crawl().tables;

    assertThat(tables).anyMatch(t -> t.expirationTime() != null);
    assertThat(tables).anyMatch(t -> t.timePartitioning() != null && t.timePartitioning().expirationMs() != null);
    assertThat(tables).anyMatch(t -> t.expirationTime() == null
        && (t.timePartitioning() == null || t.timePartitioning().expirationMs() == null));
  }

  @Test
  void trackMetadataHasATitleChangeAndATrackWithAGap() throws Exception {
    try (Connection c = SampleFixture.connect()) {
      assertThat(strings(c, "SELECT title FROM catalog.track_metadata WHERE track_id = 'tr_000042' ORDER BY valid_from"))
          .containsExactly("Midnight Harbor", "Midnight Harbour");
      assertThat(strings(c, """
          SELECT a.valid_to || '..' || b.valid_from FROM catalog.track_metadata a
          JOIN catalog.track_metadata b ON a.track_id = b.track_id AND b.valid_from > a.valid_to
          WHERE a.track_id = 'tr_000077'""")).containsExactly("2023-05-01..2023-08-15");
      assertThat(count(c, "SELECT count(*) FROM catalog.track_metadata WHERE valid_to = DATE '2060-01-01' AND NOT is_current")).isZero();
    }
  }

  @Test
  void userAccountsHaveDeletedEntitiesWithErasedPersonalData() throws Exception {
    try (Connection c = SampleFixture.connect()) {
      long deleted = count(c, "SELECT count(*) FROM users.user_accounts WHERE is_deleted AND is_current");
      assertThat(deleted).isPositive();
      assertThat(count(c, """
          SELECT count(*) FROM users.user_accounts
          WHERE email IS NOT NULL AND user_id IN (SELECT user_id FROM users.user_accounts WHERE is_deleted)""")).isZero();
      assertThat(count(c, "SELECT count(*) - count(DISTINCT user_id) FROM users.user_accounts WHERE is_current")).isZero();
    }
  }

  @Test
  void onlyTrackRightsholdersIsInconsistentWithAnOverlapAndTwoCurrentRows() throws Exception {
    String twoCurrent = "SELECT count(*) FROM (SELECT %s FROM %s WHERE is_current GROUP BY ALL HAVING count(*) > 1)";
    String overlaps = """
        SELECT count(*) FROM %2$s a JOIN %2$s b USING (%1$s)
        WHERE a.valid_from < b.valid_from AND b.valid_from < a.valid_to""";
    Map<String, String> keys = Map.of(
        "catalog.track_metadata", "track_id",
        "users.user_accounts", "user_id",
        "royalties.rate_cards", "territory, plan",
        "catalog.track_rightsholders", "track_id, territory, rights_type");
    try (Connection c = SampleFixture.connect()) {
      for (var e : keys.entrySet()) {
        long current = count(c, twoCurrent.formatted(e.getValue(), e.getKey()));
        long overlap = count(c, overlaps.formatted(e.getValue(), e.getKey()));
        if (e.getKey().equals("catalog.track_rightsholders")) {
          assertThat(current).as("keys with two current rows").isEqualTo(1);
          assertThat(overlap).as("overlapping versions").isEqualTo(2);
        } else {
          assertThat(current + overlap).as(e.getKey()).isZero();
        }
      }
    }
  }

  @Test
  void royaltyReportPricesPlaysWithTheRightsValidOnThePlayDate() throws Exception {
    try (Connection c = SampleFixture.connect()) {
      long masterPlays = count(c, "SELECT sum(royalty_bearing_plays) FROM royalties.royalty_report_monthly WHERE rights_type = 'master'");
      long longPlays = count(c, "SELECT count(*) FROM listening.plays WHERE ms_played >= 30000");
      assertThat(masterPlays).isBetween(longPlays * 9 / 10, longPlays + 1000);
      assertThat(count(c, """
          SELECT count(*) FROM royalties.royalty_report_monthly r
          LEFT JOIN royalties.rightsholders h USING (rightsholder_id) WHERE h.rightsholder_id IS NULL""")).isZero();
      assertThat(count(c, "SELECT count(*) FROM royalties.royalty_report_monthly WHERE royalty_eur <= 0")).isZero();
    }
  }

  @Test
  void eightOrMoreDesignDocsMentionSampleTablesByFullId() throws Exception {
    SampleLayout layout = SampleFixture.layout();
    Set<String> ids = SampleFixture.crawl().tables.stream().map(t -> t.id().toString()).collect(Collectors.toSet());
    List<Path> docs;
    try (Stream<Path> walk = Files.walk(layout.docsDir())) {
      docs = walk.filter(p -> p.toString().endsWith(".md")).toList();
    }

    assertThat(docs).hasSizeGreaterThanOrEqualTo(8);
    for (Path doc : docs) {
      List<String> mentions = mentions(Files.readString(doc));
      assertThat(mentions).as(doc.toString()).isNotEmpty();
      assertThat(ids).as(doc + " mentions only tables that exist").containsAll(mentions);
    }
    assertThat(ids).contains(layout.docsDir().resolve("soundwave-prod.creator.daily_creator_metrics.md")
        .getFileName().toString().replace(".md", ""));
  }

  @Test
  void twelveOrMorePipelinesCoverEveryStatementShapeAndReferenceSampleTables() throws Exception {
    SampleLayout layout = SampleFixture.layout();
    Set<String> ids = SampleFixture.crawl().tables.stream().map(t -> t.id().toString()).collect(Collectors.toSet());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(layout.pipelinesDir())) {
      files = walk.filter(p -> p.toString().endsWith(".sql")).toList();
    }
    StringBuilder all = new StringBuilder();
    for (Path f : files) {
      String sql = Files.readString(f);
      all.append(sql).append('\n');
      assertThat(ids).as(f + " references only sample tables").containsAll(mentions(sql));
    }

    assertThat(files).hasSizeGreaterThanOrEqualTo(12);
    assertThat(all).contains("INSERT INTO `", "CREATE OR REPLACE TABLE `", "MERGE `", "CREATE OR REPLACE VIEW `",
        "CREATE TEMP TABLE", "DECLARE ");
    assertThat(files).anyMatch(f -> f.endsWith(Path.of("soundwave-prod/listening/daily_track_streams/query.sql")));
  }

  @Test
  void queryHistoryGivesTablesClearlyDifferentPopularity() throws Exception {
    List<TableUsage> usage = SampleFixture.crawl().usage;
    Map<String, TableUsage> byTable = usage.stream().collect(Collectors.toMap(u -> u.table().toString(), u -> u));

    assertThat(byTable.get("soundwave-prod.listening.plays").queryCount())
        .isGreaterThan(10 * byTable.get("soundwave-raw.raw_partner.rights_feed").queryCount());
    assertThat(byTable.get("soundwave-prod.listening.plays").distinctUsers())
        .isGreaterThan(byTable.get("soundwave-prod.users.accessibility_profiles").distinctUsers());
    assertThat(byTable).doesNotContainKey("soundwave-prod.support.callback_requests");
    assertThat(usage.stream().map(TableUsage::queryCount).distinct().count()).isGreaterThan(20);
  }

  private static List<String> mentions(String text) {
    Matcher m = TABLE_REF.matcher(text);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
