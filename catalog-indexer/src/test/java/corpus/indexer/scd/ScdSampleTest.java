package corpus.indexer.scd;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Table;
import corpus.indexer.source.duckdb.RecordingSink;
import corpus.indexer.source.sample.SampleFixture;
import corpus.indexer.warehouse.DuckDbWarehouse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Recognition and health checks over the generated sample warehouse, against docs/sample-warehouse.md. */
class ScdSampleTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static RecordingSink crawl;
  private static QueryRunner runner;
  @org.junit.jupiter.api.io.TempDir static java.nio.file.Path cache;
  private static final ScdRecognizer RECOGNIZER = new ScdRecognizer(ScdNames.DEFAULTS);

  @BeforeAll
  static void sample() throws Exception {
    crawl = SampleFixture.crawl();
    Map<String, Table> tables = new java.util.HashMap<>();
    crawl.tables.forEach(t -> tables.put(t.id().toString(), t));
    runner = DuckDbQueryRunner.open(SampleFixture.layout().warehouse(), "sample",
        id -> Optional.ofNullable(tables.get(id.toString())), cache, DuckDbWarehouse.SAMPLE_TODAY, null);
  }

  @AfterAll
  static void close() throws Exception {
    runner.close();
  }

  private static Optional<ScdTable> recognise(Table t) {
    Dataset d = crawl.datasets.stream().filter(x -> x.id().equals(t.id().datasetId())).findFirst().orElse(null);
    return RECOGNIZER.recognize(t, d);
  }

  private static ScdTable scd(String id) {
    return recognise(crawl.table(id)).orElseThrow();
  }

  @Test
  void recognisesExactlyTheFourScdTablesOfTheSampleWithTheirDocumentedKeys() {
    Map<String, String> found = new TreeMap<>();
    for (Table t : crawl.tables) {
      recognise(t).ifPresent(s -> found.put(t.id().toString(), s.key().text()));
    }
    assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of(
        "soundwave-prod.catalog.track_metadata", "track_id",
        "soundwave-prod.catalog.track_rightsholders", "track_id, territory, rights_type",
        "soundwave-prod.users.user_accounts", "user_id",
        "soundwave-prod.royalties.rate_cards", "territory, plan"));
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      soundwave-prod.catalog.track_metadata,      allowed,     true,  false
      soundwave-prod.catalog.track_rightsholders, allowed,     true,  false
      soundwave-prod.users.user_accounts,         not allowed, true,  true
      soundwave-prod.royalties.rate_cards,        not declared, true, false
      """)
  void readsTheGapPolicyAndHistoryColumns(String id, String gaps, boolean current, boolean deleted) {
    ScdTable s = scd(id);
    assertThat(s.gaps().words()).isEqualTo(gaps);
    assertThat(s.columns().hasCurrentFlag()).isEqualTo(current);
    assertThat(s.columns().hasDeletedFlag()).isEqualTo(deleted);
    assertThat(s.key().source().declared()).isTrue();
  }

  @Test
  void findsEveryPlantedProblemOfTheInconsistentTableAndNothingElse() throws Exception {
    ScdReport report = new ScdHealthCheck(runner, CLOCK).run(scd("soundwave-prod.catalog.track_rightsholders"));

    assertThat(report.table().key().verified()).isTrue();
    Map<String, List<String>> findings = report.findings().stream()
        .collect(Collectors.toMap(f -> f.check().id(), CheckResult::examples));
    assertThat(findings).containsOnlyKeys("overlaps", "several_current");
    assertThat(findings.get("overlaps")).containsExactly("tr_000123 / DE / master", "tr_000321 / FR / publishing");
    assertThat(findings.get("several_current")).containsExactly("tr_000123 / DE / master");
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      soundwave-prod.catalog.track_metadata
      soundwave-prod.royalties.rate_cards
      """)
  void findsNothingOnTheCleanTables(String id) throws Exception {
    ScdReport report = new ScdHealthCheck(runner, CLOCK).run(scd(id));
    assertThat(report.findings()).isEmpty();
    assertThat(report.table().key().verified()).isTrue();
  }

  @Test
  void flagsThePlantedGapOnlyAsAllowedWhereTheTableAllowsGaps() throws Exception {
    ScdReport report = new ScdHealthCheck(runner, CLOCK).run(scd("soundwave-prod.catalog.track_metadata"));
    CheckResult gaps = report.checks().stream().filter(c -> c.check() == ScdCheck.GAPS).findFirst().orElseThrow();
    assertThat(gaps.status()).isEqualTo(CheckResult.Status.ALLOWED);
    assertThat(gaps.examples()).containsExactly("tr_000077");
  }

  @Test
  void eachCheckRunsAsBigQuerySqlWithWhatItWouldProcessOnBigQuery() throws Exception {
    ScdReport report = new ScdHealthCheck(runner, CLOCK).run(scd("soundwave-prod.catalog.track_metadata"));
    CheckResult invalid = report.checks().stream().filter(c -> c.check() == ScdCheck.INVALID_INTERVAL).findFirst()
        .orElseThrow();
    assertThat(invalid.sql()).contains("FROM `soundwave-prod.catalog.track_metadata`");
    long expected;
    try (java.sql.Connection c = SampleFixture.connect()) {
      // the check reads track_id, valid_from and valid_to of every row: STRING 2 + UTF-8 length, DATE 8, NULL 0
      expected = SampleFixture.count(c, "SELECT sum(coalesce(2 + octet_length(encode(track_id)), 0)"
          + " + (CASE WHEN valid_from IS NULL THEN 0 ELSE 8 END) + (CASE WHEN valid_to IS NULL THEN 0 ELSE 8 END))"
          + " FROM catalog.track_metadata");
    }
    assertThat(invalid.estimatedBytes()).isEqualTo(expected).isPositive();
    assertThat(report.checks()).filteredOn(r -> r.status() != CheckResult.Status.SKIPPED && !r.sql().isEmpty()
        && r.check() != ScdCheck.SENTINEL).allMatch(r -> r.estimatedBytes() > 0);
  }

  @Test
  void asOfViewIsEstimatedBeforeItRunsAndRunsAsItsDuckDbTranslation() throws Exception {
    ScdTable tracks = scd("soundwave-prod.catalog.track_metadata");
    AsOfView view = new AsOfView(runner, "2046-01-01");
    String sql = view.sql(tracks, "2024-06-01", 50);
    assertThat(sql).startsWith("SELECT * FROM `soundwave-prod.catalog.track_metadata` WHERE `valid_from` <= DATE '2024-06-01'");
    assertThat(runner.estimateBytes(sql)).hasValue(crawl.table("soundwave-prod.catalog.track_metadata").numBytes());
    QueryResult rows = view.read(tracks, "2024-06-01", 50);
    assertThat(rows.rows()).hasSize(50);
    assertThat(rows.columns()).startsWith("track_id", "valid_from", "valid_to");
  }

  @Test
  void reportsDeletedAccountsAsInformationOnTheUserTableWhereGapsAreNotAllowed() throws Exception {
    ScdReport report = new ScdHealthCheck(runner, CLOCK).run(scd("soundwave-prod.users.user_accounts"));
    assertThat(report.findings()).extracting(f -> f.check().id()).containsExactly("deleted_entities");
    CheckResult deleted = report.findings().getFirst();
    assertThat(deleted.severity()).isEqualTo(ScdCheck.Severity.INFO);
    assertThat(deleted.count()).isPositive();
    assertThat(deleted.examples()).hasSize(ScdHealthCheck.EXAMPLES).allMatch(k -> k.matches("u\\d{8}"));
    assertThat(report.healthy()).isTrue();
  }

  @Test
  void infersAndVerifiesTheSmallestUniqueLeadingKeyWhenNoneIsDeclared() throws Exception {
    Table bare = crawl.table("soundwave-prod.catalog.track_rightsholders").toBuilder()
        .description("Rights per territory").labels(Map.of()).schema(crawl.table("soundwave-prod.catalog.track_rightsholders")
            .schema().stream().map(f -> new corpus.indexer.model.Field(f.name(), f.type(), f.mode(), null, null, f.fields()))
            .toList())
        .build();
    ScdTable inferred = RECOGNIZER.recognize(bare, null).orElseThrow();
    assertThat(inferred.key().source()).isEqualTo(ScdKey.Source.INFERRED);

    ScdTable verified = new KeyVerifier(runner, "2046-01-01").verify(inferred);
    assertThat(verified.key().columns()).containsExactly("track_id", "territory", "rights_type");
    assertThat(verified.key().verified()).isTrue();
    assertThat(verified.summary()).isEqualTo("SCD type 2 · key: track_id, territory, rights_type (inferred, verified)");
  }
}
