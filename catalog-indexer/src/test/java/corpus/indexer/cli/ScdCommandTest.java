package corpus.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.source.sample.SampleFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code corpus scd} over a catalog of the sample warehouse, crawled by the real {@code corpus index}. */
class ScdCommandTest {

  private static final String RIGHTS = "soundwave-prod.catalog.track_rightsholders";
  private static Path dir;
  private static Path index;
  private static String previousHome;

  @BeforeAll
  static void catalog() throws Exception {
    dir = Files.createTempDirectory("corpus-scd-cli-");
    index = dir.resolve("index");
    previousHome = System.getProperty("corpus.home");
    System.setProperty("corpus.home", dir.resolve("home").toString());
    Run run = corpus("index", "--index-dir", index.toString(), "--source", "duckdb:" + SampleFixture.layout().warehouse());
    assertThat(run.code()).as(run.err()).isZero();
  }

  @AfterAll
  static void restore() {
    if (previousHome == null) {
      System.clearProperty("corpus.home");
    } else {
      System.setProperty("corpus.home", previousHome);
    }
  }

  private record Run(int code, String out, String err) {}

  private static Run corpus(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = CorpusCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void checkPrintsTheJsonContractWithTheInconsistentTablesFindings() throws Exception {
    Run run = corpus("scd", "check", "--index-dir", index.toString(), RIGHTS, "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("table").asText()).isEqualTo(RIGHTS);
    assertThat(strings(json.get("key"))).containsExactly("track_id", "territory", "rights_type");
    assertThat(json.get("keyVerified").asBoolean()).isTrue();
    JsonNode findings = json.get("findings");
    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).get("check").asText()).isEqualTo("overlaps");
    assertThat(findings.get(0).get("count").asLong()).isEqualTo(2);
    assertThat(strings(findings.get(0).get("examples"))).containsExactly("tr_000123 / DE / master", "tr_000321 / FR / publishing");
    assertThat(findings.get(1).get("check").asText()).isEqualTo("several_current");
    assertThat(findings.get(1).get("count").asLong()).isEqualTo(1);
    assertThat(findings.get(1).get("sql").asText()).contains("`soundwave-prod.catalog.track_rightsholders`")
        .contains("HAVING");
    json.get("checks").forEach(c -> assertThat(c.path("estimatedBytes").asLong()).as(c.toString()).isPositive());
  }

  @Test
  void checkWithSqlOnlyShowsEachQueryAndWhatItWouldProcessWithoutRunningIt() {
    Run run = corpus("scd", "check", "--index-dir", index.toString(), RIGHTS, "--sql-only");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("-- overlaps: would process [0-9,]+ bytes by BigQuery's on-demand rules")
        .contains("FROM `soundwave-prod.catalog.track_rightsholders`").doesNotContain("problem(s) found");
  }

  @Test
  void checkFailsOnFindingsOnlyWhenAskedAndPassesACleanTable() {
    assertThat(corpus("scd", "check", "--index-dir", index.toString(), RIGHTS, "--fail-on-findings").code())
        .isEqualTo(ScdCommand.FINDINGS);
    Run clean = corpus("scd", "check", "--index-dir", index.toString(), "soundwave-prod.catalog.track_metadata",
        "--fail-on-findings");
    assertThat(clean.code()).as(clean.err()).isZero();
    assertThat(clean.out()).contains("gaps", "1 (allowed)", "tr_000077", "no problems found");
  }

  @Test
  void historyShowsTheTitleCorrectionOfTrack42() throws Exception {
    Run run = corpus("scd", "history", "--index-dir", index.toString(), "soundwave-prod.catalog.track_metadata",
        "track_id=tr_000042", "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode lane = new ObjectMapper().readTree(run.out()).get("lanes").get(0);
    JsonNode versions = lane.get("versions");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(1).get("validFrom").asText()).isEqualTo("2024-02-12");
    assertThat(strings(versions.get(1).get("changed"))).contains("title");
    assertThat(versions.get(1).get("values").get("title").asText()).isEqualTo("Midnight Harbour");
    assertThat(versions.get(0).get("values").get("title").asText()).isEqualTo("Midnight Harbor");
  }

  @Test
  void historyByPartOfTheKeyGivesOneLanePerTerritoryAndShowsTheOverlap() {
    Run run = corpus("scd", "history", "--index-dir", index.toString(), RIGHTS, "track_id=tr_000321", "territory=FR");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("tr_000321 / FR / master", "tr_000321 / FR / publishing", "OVERLAPS previous");
  }

  @Test
  void asOfPrintsTheSqlAndTheStateAtADate() throws Exception {
    Run run = corpus("scd", "as-of", "--index-dir", index.toString(), "soundwave-prod.royalties.rate_cards", "2024-03-01",
        "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("sql").asText()).contains("`valid_from` <= DATE '2024-03-01'")
        .contains("DATE '2024-03-01' < `valid_to`");
    // SELECT * reads every column of the whole (unpartitioned) table: its size by BigQuery's rules
    assertThat(json.get("estimatedBytes").asLong())
        .isEqualTo(SampleFixture.crawl().table("soundwave-prod.royalties.rate_cards").numBytes()).isPositive();
    assertThat(json.get("rows")).hasSize(40);
    int notes = strings(json.get("columns")).indexOf("notes");
    json.get("rows").forEach(row -> assertThat(row.get(notes).asText()).isEqualTo("Rate card 2023"));
  }

  @Test
  void tablesListsTheScdTablesWithTheirKeys() {
    Run run = corpus("scd", "tables", "--index-dir", index.toString());
    assertThat(run.out()).contains("4 SCD type 2 table(s)", "key: territory, plan", "key: user_id");
  }

  @Test
  void aTableThatIsNotScdIsOneClearSentence() {
    Run run = corpus("scd", "check", "--index-dir", index.toString(), "soundwave-prod.catalog.albums");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("is not an SCD type 2 table").doesNotContain("Exception");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
