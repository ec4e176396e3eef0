package corpus.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchLineageCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = CorpusCli.commandLine();
    return cli.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  void printsParseSuccessFailuresAndThroughputAsJson() throws Exception {
    Files.writeString(dir.resolve("good.sql"), "INSERT INTO mart.t (a) SELECT a FROM raw.s;\nSELECT 1;\n");
    Files.writeString(dir.resolve("bad.sql"), "SELECT a FROM FROM raw.s;\n");
    Files.writeString(dir.resolve("model.sql"), "SELECT a FROM {{ ref('s') }}\n");

    int code = run("bench", "lineage", "--sql", dir.toString(), "--json", "--seconds", "0");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("statements").asInt()).isEqualTo(3);
    assertThat(json.get("parsed").asInt()).isEqualTo(2);
    assertThat(json.get("templatedFiles").asInt()).isEqualTo(1);
    assertThat(json.get("templated").get(0).asText()).isEqualTo("model.sql:1");
    assertThat(json.get("failures").get(0).get("examples").get(0).asText()).isEqualTo("bad.sql:1");
    assertThat(json.get("statementsPerSecond").asLong()).isPositive();
  }

  @Test
  void measuresBothPassesAsTheCrawlRunsThemWhenSchemasAreGiven() throws Exception {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("load.sql"), """
        CREATE TABLE mart.totals AS SELECT user_id, SUM(amount) AS total FROM orders GROUP BY user_id;
        SELECT receipt.* FROM orders;
        SELECT x FROM unknown_table;
        """);
    Path schemas = Files.writeString(dir.resolve("schemas.json"), """
        {"p.d.orders": [{"name": "user_id", "type": "STRING"}, {"name": "amount", "type": "NUMERIC"},
                        {"name": "receipt", "type": "RECORD", "fields": [{"name": "total", "type": "NUMERIC"}]}]}
        """);

    int code = run("bench", "lineage", "--sql", sql.toString(), "--schemas", schemas.toString(),
        "--default-project", "p", "--default-dataset", "d", "--json", "--seconds", "0", "--compare");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("analyser").asText()).startsWith("parse tree + ZetaSQL Analyzer when");
    JsonNode pass = json.get("resolvedPass");
    long passes = json.get("measuredPasses").asLong() + 1;
    assertThat(pass.get("skipped").asLong()).as("the CREATE TABLE: complete on the parse tree").isEqualTo(passes);
    assertThat(pass.get("tried").asLong()).as("receipt.*: expanded by the Analyzer").isEqualTo(passes);
    assertThat(pass.get("accepted").asLong()).isEqualTo(passes);
    assertThat(json.get("differingFromReference").asInt()).isZero();
  }

  @Test
  void measuresSeveralThreadsSharingTheAnalyser() throws Exception {
    Files.writeString(dir.resolve("load.sql"), "INSERT INTO mart.t (a) SELECT a FROM raw.s;\nSELECT 1;\n");

    int code = run("bench", "lineage", "--sql", dir.toString(), "--threads", "2", "--seconds", "0", "--json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("threads").asInt()).isEqualTo(2);
    assertThat(json.get("measuredPasses").asInt()).as("one pass per thread at least").isGreaterThanOrEqualTo(2);
    assertThat(json.get("measuredStatements").asLong()).isEqualTo(2L * json.get("measuredPasses").asLong());
  }

  @Test
  void rejectsZeroThreads() {
    int code = run("bench", "lineage", "--sql", dir.toString(), "--threads", "0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--threads 0: must be at least 1");
  }

  @Test
  void measuresTheParseTreePassAloneWhenAsked() throws Exception {
    Files.writeString(dir.resolve("load.sql"), "SELECT user_id FROM orders;\n");
    Path schemas = Files.writeString(dir.resolve("schemas.json"), """
        {"p.d.orders": [{"name": "user_id", "type": "STRING"}]}
        """);

    int code = run("bench", "lineage", "--sql", dir.toString(), "--schemas", schemas.toString(), "--parse-only",
        "--default-project", "p", "--default-dataset", "d", "--seconds", "0");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("analyser: parse tree only").contains("statements: 1;")
        .doesNotContain("resolved-tree pass");
  }

  @Test
  void measuresTheSqlTheCrawlOfAPipelineRepositoryAnalysesWithTheSchemasOfItsSchemaFiles() throws Exception {
    Path table = Files.createDirectories(dir.resolve("repo/acme/raw/orders"));
    Files.writeString(table.resolve("schema.yaml"), """
        fields:
          - name: order_id
            type: STRING
          - name: receipt
            type: RECORD
            fields:
              - name: total
                type: NUMERIC
        """);
    Files.writeString(table.resolve("query.sql"), "SELECT 'o1' AS order_id, STRUCT(1.0 AS total) AS receipt\n");
    Path mart = Files.createDirectories(dir.resolve("repo/acme/mart/totals"));
    Files.writeString(mart.resolve("query.sql"), "SELECT o.receipt.* FROM raw.orders AS o\n");

    String spec = "sql:" + dir.resolve("repo") + "@{project}/{dataset}/{table}/query.sql";
    int code = run("bench", "lineage", "--source", spec,
        "--seconds", "0", "--compare");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("statements: 2;")
        .contains("statements whose lineage differs from the reference analyser's: 0")
        .contains("0 skipped (parse tree complete), 0 not sent (call a function ZetaSQL does not know),"
            + " 2 tried: 2 accepted");
  }

  @Test
  void measuresTheSampleAsCorpusIndexAnalysesIt() throws Exception {
    int code = run("bench", "lineage", "--source", "sample", "--seconds", "0", "--compare", "--json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("statements").asInt()).isGreaterThan(30);
    assertThat(json.get("analysedWithoutError").asInt()).isEqualTo(json.get("statements").asInt());
    assertThat(json.get("resolvedPass").get("skipped").asLong()).isPositive();
    assertThat(json.get("differingFromReference").asInt()).isZero();
  }

  @Test
  void rejectsASourceItCannotMeasure() {
    int code = run("bench", "lineage", "--source", "bigquery:some-project");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--source bigquery:some-project: use sample or sql:DIR[@TEMPLATE]");
  }

  @Test
  void rejectsASchemaFileThatIsNotJson() throws Exception {
    Path schemas = Files.writeString(dir.resolve("schemas.json"), "not json");

    int code = run("bench", "lineage", "--sql", dir.toString(), "--schemas", schemas.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("schemas.json: not readable JSON");
  }

  @Test
  void rejectsAMissingFolderAsAUsageError() {
    int code = run("bench", "lineage", "--sql", dir.resolve("nope").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("nope: not a folder");
  }
}
