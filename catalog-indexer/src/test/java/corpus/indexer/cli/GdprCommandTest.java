package corpus.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.review.Reviewer;
import corpus.gdpr.taxonomy.Taxonomy;
import corpus.indexer.gdpr.GdprStores;
import corpus.indexer.gdpr.GdprTestCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GdprCommandTest {

  @TempDir Path dir;
  private Path index;
  private Path db;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void buildCatalog() throws Exception {
    index = dir.resolve("index");
    db = dir.resolve("corpus.db");
    GdprTestCatalog.build(index);
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = CorpusCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("gdpr"));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  private ReviewStore store() throws Exception {
    return GdprStores.open(db, new Reviewer("alice"), Taxonomy.defaults());
  }

  @Test
  void scanPrintsTheJsonContractForEveryFieldNotPersonalIncluded() throws Exception {
    int code = run("scan", "--index-dir", index.toString(), "--db", db.toString(), "--json");

    assertThat(code).isZero();
    JsonNode fields = new ObjectMapper().readTree(out.toString()).get("fields");
    assertThat(fields).hasSize(13);
    JsonNode email = null;
    int notPersonal = 0;
    for (JsonNode f : fields) {
      assertThat(f.has("table") && f.has("field") && f.has("category") && f.has("infoType") && f.has("confidence")
          && f.has("status") && f.get("evidence").isArray()).isTrue();
      if (f.get("field").asText().equals("email")) {
        email = f;
      }
      if (f.get("category").asText().equals("not_personal")) {
        notPersonal++;
      }
    }
    assertThat(notPersonal).isPositive();
    assertThat(email.get("table").asText()).isEqualTo("acme.crm.users");
    assertThat(email.get("category").asText()).isEqualTo("email");
    assertThat(email.get("infoType").asText()).isEqualTo("EMAIL_ADDRESS");
    assertThat(email.get("status").asText()).isEqualTo("suggested");
    assertThat(email.get("evidence").get(0).asText()).isNotBlank();
  }

  @Test
  void failOnUnreviewedExitsNonZeroUntilEveryConfidentPersonalFieldIsReviewed() throws Exception {
    int first = run("scan", "--index-dir", index.toString(), "--db", db.toString(), "--fail-on-unreviewed", "0.8");
    assertThat(first).isEqualTo(GdprScanCommand.UNREVIEWED);
    assertThat(err.toString()).contains("acme.crm.users:email email");

    try (ReviewStore store = store()) {
      for (var item : store.queue(corpus.gdpr.review.ReviewFilter.pending().withMinConfidence(0.8))) {
        store.confirm(item.key(), "checked");
      }
    }
    int second = run("scan", "--index-dir", index.toString(), "--db", db.toString(), "--fail-on-unreviewed", "0.8");
    assertThat(second).isZero();
  }

  @Test
  void verifyAuditIsIntactThenPinpointsAnEditedRow() throws Exception {
    run("scan", "--index-dir", index.toString(), "--db", db.toString());
    try (ReviewStore store = store()) {
      store.confirm(FieldKey.of(GdprTestCatalog.USERS, "email"), "customer e-mails");
      store.reject(FieldKey.of(GdprTestCatalog.USERS, "full_name"), "a display name");
      store.comment(FieldKey.of(GdprTestCatalog.USERS, "email"), "owner agrees");
    }
    assertThat(run("verify-audit", "--db", db.toString())).isZero();
    assertThat(out.toString()).contains("audit log intact: 3 entries");

    try (Connection c = DriverManager.getConnection(GdprStores.jdbcUrl(db)); Statement st = c.createStatement()) {
      st.execute("DROP TRIGGER gdpr_audit_no_update");
      st.execute("UPDATE gdpr_audit SET actor = 'mallory' WHERE id = 2");
    }
    assertThat(run("verify-audit", "--db", db.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("broken at entry 2").contains("content does not match its hash");
  }

  @Test
  void exportWritesOneStableFilePerTableOfConfirmedFieldsOnly() throws Exception {
    run("scan", "--index-dir", index.toString(), "--db", db.toString());
    try (ReviewStore store = store()) {
      store.confirm(FieldKey.of(GdprTestCatalog.USERS, "user_id"), "account ids");
      store.confirm(FieldKey.of(GdprTestCatalog.USERS, "email"), "customer e-mails");
      store.reject(FieldKey.of(GdprTestCatalog.USERS, "full_name"), "a display name");
    }
    Path gov = dir.resolve("governance");
    assertThat(run("export", "--db", db.toString(), "--out", gov.toString())).isZero();
    Path file = gov.resolve("acme.crm.users.json");
    String first = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(Files.list(gov).toList()).containsExactly(file);
    JsonNode json = new ObjectMapper().readTree(first);
    assertThat(json.get("fields").findValuesAsText("field")).containsExactly("email", "user_id");
    assertThat(json.get("fields").get(0).get("policyTag").asText()).isEqualTo("pii_email");
    assertThat(first).endsWith("}\n").doesNotContain("full_name");

    run("export", "--db", db.toString(), "--out", gov.toString());
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(first);
  }

  @Test
  void dsrFindsDirectAndDerivedIdentifiersWithParameterisedStatements() throws Exception {
    int code = run("dsr", "--index-dir", index.toString(), "--db", db.toString(), "--kind", "email", "--json");

    assertThat(code).isZero();
    JsonNode tables = new ObjectMapper().readTree(out.toString()).get("tables");
    assertThat(tables.findValuesAsText("table")).containsExactly(GdprTestCatalog.USERS, GdprTestCatalog.MART);
    JsonNode mart = tables.get(1);
    assertThat(mart.get("fields").toString()).contains("contact", "email_sha");
    assertThat(mart.get("accessSql").asText())
        .isEqualTo("SELECT * FROM `acme.mart.user_contacts` WHERE `contact` = @subject_id"
            + " OR `email_sha` = TO_HEX(SHA256(@subject_id))");
    assertThat(mart.get("erasureSql").get(0).asText()).startsWith("DELETE FROM `acme.mart.user_contacts` WHERE");
    assertThat(mart.get("origins").get("email_sha").asText()).contains("hashed");
  }

  @Test
  void everyDsrStatementCarriesTheEstimateCorpusEstimateGivesForTheSameSql() throws Exception {
    assertThat(run("dsr", "--index-dir", index.toString(), "--db", db.toString(), "--kind", "email", "--json")).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    long processed = 0;
    long billed = 0;
    double usd = 0;
    int statements = 0;
    for (JsonNode table : root.get("tables")) {
      JsonNode st = table.get("statements");
      assertThat(st.get(0).get("kind").asText()).isEqualTo("access");
      assertThat(st.get(0).get("sql").asText()).isEqualTo(table.get("accessSql").asText());
      assertThat(st).hasSize(1 + table.get("erasureSql").size());
      for (JsonNode s : st) {
        assertThat(s.get("sql").asText()).contains("@subject_id");
        assertThat(s.get("bytesProcessed").isNumber()).as("estimated: %s", s).isTrue();
        CommandLine cli = CorpusCli.commandLine();
        StringWriter estimateOut = new StringWriter();
        cli.setOut(new PrintWriter(estimateOut));
        cli.setErr(new PrintWriter(new StringWriter()));
        cli.execute("estimate", "--index-dir", index.toString(), "--json", s.get("sql").asText());
        JsonNode expected = new ObjectMapper().readTree(estimateOut.toString());
        assertThat(s.get("bytesProcessed").asLong()).isEqualTo(expected.get("bytesProcessed").asLong());
        assertThat(s.get("bytesBilled").asLong()).isEqualTo(expected.get("bytesBilled").asLong());
        assertThat(s.get("costUsd").asDouble()).isEqualTo(expected.get("costUsd").asDouble());
        processed += s.get("bytesProcessed").asLong();
        billed += s.get("bytesBilled").asLong();
        usd += s.get("costUsd").asDouble();
        statements++;
      }
    }
    assertThat(billed).as("at least the 10 MB minimum per statement").isGreaterThanOrEqualTo(statements * 10L << 20);
    JsonNode total = root.get("total");
    assertThat(total.get("statements").asInt()).isEqualTo(statements);
    assertThat(total.get("bytesProcessed").asLong()).isEqualTo(processed);
    assertThat(total.get("bytesBilled").asLong()).isEqualTo(billed);
    assertThat(total.get("costUsd").asDouble()).isCloseTo(usd, org.assertj.core.data.Offset.offset(1e-12));

    assertThat(run("dsr", "--index-dir", index.toString(), "--db", db.toString(), "--kind", "email")).isZero();
    assertThat(out.toString()).contains("cost: processes ").contains("total: " + statements + " statement(s)");
  }

  @Test
  void dsrRejectsAnUnknownKindAsAUsageError() {
    assertThat(run("dsr", "--index-dir", index.toString(), "--db", db.toString(), "--kind", "shoe_size")).isEqualTo(2);
    assertThat(err.toString()).contains("shoe_size").contains("user_id");
  }

  @Test
  void reportWritesArt30RecordsAndFindingsAsHtmlAndCsv() throws Exception {
    Path html = dir.resolve("out/report.html");
    assertThat(run("report", "--index-dir", index.toString(), "--db", db.toString(), "--format", "html",
        "--out", html.toString())).isZero();
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page).contains("acme.crm", "acme.mart", "E-mail", "crm-team", "partitions kept 400 days",
        "acme.mart.user_contacts", "outside the EU", "Findings", "audit log intact");

    Path csv = dir.resolve("out/report.csv");
    assertThat(run("report", "--index-dir", index.toString(), "--db", db.toString(), "--format", "csv",
        "--out", csv.toString())).isZero();
    assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("acme.crm");
    assertThat(Files.readString(dir.resolve("out/report-findings.csv"), StandardCharsets.UTF_8))
        .contains("personal_data_outside_eu").contains("acme.mart.user_contacts");
  }
}
