package corpus.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.index.FixtureCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SearchCommandTest {

  @TempDir Path dir;

  @Test
  void printsTheJsonContractWithTableIdsAndFieldIds() throws Exception {
    FixtureCatalog.build(dir);
    StringWriter out = new StringWriter();
    CommandLine cli = CorpusCli.commandLine();
    cli.setOut(new PrintWriter(out));
    int code = cli.execute("search", "--index-dir", dir.toString(), "--json", "--limit", "3", "metric_name");

    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("query").asText()).isEqualTo("metric_name");
    assertThat(json.get("total").asLong()).isPositive();
    assertThat(json.has("tookMs")).isTrue();
    JsonNode first = json.get("hits").get(0);
    assertThat(first.get("kind").asText()).isEqualTo("field");
    assertThat(first.get("id").asText()).isEqualTo("acme-prod.creator.daily_creator_metrics:actions_received.metric_name");
    assertThat(first.get("table").asText()).isEqualTo("acme-prod.creator.daily_creator_metrics");
    assertThat(first.has("score")).isTrue();
    assertThat(first.has("snippet")).isTrue();
  }

  @Test
  void aMissingCatalogIsOneClearSentenceAndExitCodeOne() {
    StringWriter err = new StringWriter();
    CommandLine cli = CorpusCli.commandLine();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("search", "--index-dir", dir.resolve("none").toString(), "x");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("no catalog at").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void indexReportsSkippedInputsAndSucceeds() {
    StringWriter err = new StringWriter();
    CommandLine cli = CorpusCli.commandLine();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("index", "--index-dir", dir.resolve("idx").toString(),
        "--source", "export:" + FixtureCatalog.fixture("export"), "--source", "docs:" + FixtureCatalog.fixture("docs"));
    assertThat(code).isZero();
    assertThat(err.toString()).contains("indexed").contains("5 tables").contains("broken.json:1");
  }

  @Test
  void unknownSourceSpecIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cli = CorpusCli.commandLine();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("index", "--index-dir", dir.toString(), "--source", "ftp:x");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown source 'ftp:x'");
  }
}
