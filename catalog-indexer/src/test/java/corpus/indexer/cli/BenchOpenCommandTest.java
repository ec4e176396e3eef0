package corpus.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.index.FixtureCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchOpenCommandTest {

  @TempDir Path dir;

  @Test
  void aFreshRunReportsTheWaitFromItsStartToTheFirstResult() throws Exception {
    JsonNode run = onceOnFixture();

    assertThat(run.get("jvmStartToMainMs").asDouble()).isPositive();
    assertThat(run.get("openMs").asDouble()).isPositive();
    assertThat(run.get("firstSearchMs").asDouble()).isPositive();
  }

  @Test
  void withTheAppsWarmUpTheTimedSearchIsTheFirstOneAPersonMakes() throws Exception {
    JsonNode run = onceOnFixture("--warm-up");

    assertThat(run.get("warmUpMs").asDouble()).isPositive();
    assertThat(run.get("firstSearchMs").asDouble()).isPositive();
  }

  /** {@code bench open --once} on the fixture catalog, searching "creator": the run it prints. */
  private JsonNode onceOnFixture(String... options) throws Exception {
    FixtureCatalog.build(dir);
    StringWriter out = new StringWriter();
    CommandLine cli = CorpusCli.commandLine();
    cli.setOut(new PrintWriter(out));
    List<String> args = new ArrayList<>(List.of("bench", "open", "--once", "--index-dir", dir.toString(),
        "--query", "creator"));
    args.addAll(List.of(options));

    assertThat(cli.execute(args.toArray(String[]::new))).isZero();
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void withoutACatalogItSaysHowToBuildOne() {
    StringWriter err = new StringWriter();
    CommandLine cli = CorpusCli.commandLine();
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("bench", "open", "--index-dir", dir.resolve("none").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("no catalog at").contains("corpus index --index-dir");
  }

  @Test
  void theStartupCacheTrainingIndexesAndSearchesAndLeavesNothingBehind() throws Exception {
    Path tmp = dir.resolve("tmp");

    assertThat(CorpusCli.commandLine().execute("aot-training", "--work-dir", tmp.toString())).isZero();

    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }
}
