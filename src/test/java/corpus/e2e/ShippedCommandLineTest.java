package corpus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs what ships ({@code packaging/target/corpus/lib}, the jars the {@code ./corpus} launcher
 * runs) as a separate process: index the embedded sample, then search it, asserting on JSON and
 * exit status as a user or script would.
 */
@Tag("slow")
class ShippedCommandLineTest {

  @TempDir static Path work;
  static Path home;
  static Path index;

  record Run(int exit, String out, String err) {}

  static Run corpus(String... args) throws IOException, InterruptedException {
    Path dist = Path.of(System.getProperty("corpus.dist", "packaging/target/corpus"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow", "-Dcorpus.home=" + home,
        "-cp", dist.resolve("lib") + "/*", "corpus.app.Main"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("corpus " + String.join(" ", args) + " did not finish in 5 minutes");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void indexTheSample() throws Exception {
    home = work.resolve("home");
    index = work.resolve("catalog");
    Run run = corpus("index", "--index-dir", index.toString(), "--source", "sample");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("indexed");
  }

  @Test
  void findsTheDailyCreatorMetricsTableInTheTopThreeForANaturalQuery() throws Exception {
    Run run = corpus("search", "--index-dir", index.toString(), "--json", "creator plays per day");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    List<String> top3 = new ArrayList<>();
    json.get("hits").forEach(h -> {
      if (top3.size() < 3) {
        top3.add(h.get("id").asText());
      }
    });
    assertThat(top3).anySatisfy(id -> assertThat(id).endsWith(".daily_creator_metrics"));
    assertThat(json.get("tookMs").asLong()).isLessThan(1000);
  }

  @Test
  void stdoutIsPureJsonAndLogsStayOnStderr() throws Exception {
    Run run = corpus("search", "--index-dir", index.toString(), "--json", "email");
    assertThat(run.out().strip()).startsWith("{").endsWith("}");
    new ObjectMapper().readTree(run.out());
  }

  @Test
  void aMissingCatalogFailsWithOneSentenceAndNoStackTrace() throws Exception {
    Run run = corpus("search", "--index-dir", work.resolve("nothing-here").toString(), "x");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("no catalog at").doesNotContain("\tat ");
  }
}
