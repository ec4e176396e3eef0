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
  void resolvesStatementsOverTablesWithSchemasWhenAsked() throws Exception {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("load.sql"), """
        CREATE TABLE mart.totals AS SELECT user_id, SUM(amount) AS total FROM orders GROUP BY user_id;
        SELECT x FROM unknown_table;
        """);
    Path schemas = Files.writeString(dir.resolve("schemas.json"), """
        {"p.d.orders": [{"name": "user_id", "type": "STRING"}, {"name": "amount", "type": "NUMERIC"}]}
        """);

    int code = run("bench", "lineage", "--sql", sql.toString(), "--schemas", schemas.toString(), "--resolved",
        "--default-project", "p", "--default-dataset", "d", "--json", "--seconds", "0");

    assertThat(code).as(err.toString()).isZero();
    JsonNode pass = new ObjectMapper().readTree(out.toString()).get("resolvedPass");
    assertThat(pass.get("tried").asLong()).isPositive();
    assertThat(pass.get("accepted").asLong()).isEqualTo(pass.get("tried").asLong());
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
