package corpus.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LineageCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(LineageCommand command, String... args) {
    return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  private int run(String... args) {
    return run(new LineageCommand(), args);
  }

  @Test
  void printsTheJsonOfOneFile() throws Exception {
    Path sql = Files.writeString(dir.resolve("load.sql"), """
        INSERT INTO mart.revenue (day, revenue)
        SELECT order_date, SUM(amount) FROM orders GROUP BY 1;
        """);
    int code = run("--json", "--default-project", "p", "--default-dataset", "d", sql.toString());
    assertThat(code).isZero();
    JsonNode statement = new ObjectMapper().readTree(out.toString()).get("statements").get(0);
    assertThat(statement.get("kind").asText()).isEqualTo("insert");
    assertThat(statement.get("targets").get(0).asText()).isEqualTo("p.mart.revenue");
    assertThat(statement.get("sources").get(0).asText()).isEqualTo("p.d.orders");
    assertThat(statement.get("columns").get(1).get("target").asText()).isEqualTo("p.mart.revenue.revenue");
    assertThat(statement.get("columns").get(1).get("sources").get(0).asText()).isEqualTo("p.d.orders.amount");
    assertThat(statement.get("error").isNull()).isTrue();
  }

  @Test
  void printsFilesForSeveralFilesAndReportsBrokenStatementsOnStderr() throws Exception {
    Path a = Files.writeString(dir.resolve("a.sql"), "SELECT x FROM t;\nSELEC broken;\n");
    Path b = Files.writeString(dir.resolve("b.sql"), "DELETE FROM t WHERE x = 1");
    int code = run("--json", a.toString(), b.toString());
    assertThat(code).isZero();
    JsonNode files = new ObjectMapper().readTree(out.toString()).get("files");
    assertThat(files).extracting(f -> f.get("file").asText()).containsExactly(a.toString(), b.toString());
    assertThat(files.get(0).get("statements").get(1).get("error").asText()).contains("Syntax error");
    assertThat(err.toString()).contains(a + ":2:");
  }

  @Test
  void readsStandardInputAndPrintsReadableText() {
    LineageCommand command = new LineageCommand();
    command.stdin = new ByteArrayInputStream(
        "CREATE TABLE ds.out AS SELECT id, UPPER(name) AS name FROM ds.src".getBytes(StandardCharsets.UTF_8));
    int code = run(command, "--default-project", "p", "-");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("line 1  create_table_as  p.ds.out <- p.ds.src")
        .contains("p.ds.out.name <- p.ds.src.name  [transformation]");
  }

  @Test
  void exitsWithOneWhenNothingCouldBeAnalysed() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.sql"), "this is not sql");
    assertThat(run(bad.toString())).isEqualTo(1);
    assertThat(run(dir.resolve("missing.sql").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("no such file");
  }

  @Test
  void exitsWithTwoOnUsageErrors() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("--no-such-option", "x.sql")).isEqualTo(2);
  }
}
