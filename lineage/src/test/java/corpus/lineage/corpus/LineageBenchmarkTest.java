package corpus.lineage.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.lineage.AnalysisContext;
import corpus.lineage.SqlAnalyzer;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import corpus.lineage.zetasql.ZetaSqlParser;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the analyzer over the corpus after warm-up, on one thread: statements analysed per second
 * (parse + table and column lineage). Run with
 * {@code ./mvnw -B -pl lineage test -Dtest=LineageBenchmarkTest}; the figures are printed to
 * {@code lineage/target/surefire-reports/corpus.lineage.corpus.LineageBenchmarkTest-output.txt}.
 */
@Tag("slow")
class LineageBenchmarkTest {
  private static final int WARM_UP_ROUNDS = 5;
  private static final long MEASURE_NANOS = 5_000_000_000L;

  @Test
  void analysesAtLeast500StatementsPerSecondAfterWarmUp() throws Exception {
    Measurement m = measure();
    System.out.println(m);
    assertThat(m.statementsPerSecond()).isGreaterThanOrEqualTo(500);
  }

  /** One measurement: statements, files, elapsed time, first-call time. */
  record Measurement(long statements, long files, double seconds, double firstCallMillis) {
    double statementsPerSecond() {
      return statements / seconds;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "lineage benchmark: %d statements in %d files analysed in %.2f s: %.0f statements/s (%.2f ms/statement);"
              + " first call (native library load) %.0f ms",
          statements, files, seconds, statementsPerSecond(), 1000 * seconds / statements, firstCallMillis);
    }
  }

  static Measurement measure() throws Exception {
    long start = System.nanoTime();
    ZetaSqlParser.warmUp();
    double firstCall = (System.nanoTime() - start) / 1e6;
    SqlAnalyzer analyzer = new ZetaSqlAnalyzer();
    AnalysisContext context = new AnalysisContext(Corpus.DEFAULT_PROJECT, Corpus.DEFAULT_DATASET, Corpus.schemas(),
        Optional.empty());
    List<Corpus.CorpusFile> files = Corpus.files();
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      files.forEach(f -> analyzer.analyze(f.sql(), context));
    }
    long statements = 0;
    long fileCount = 0;
    long begin = System.nanoTime();
    long elapsed;
    do {
      for (Corpus.CorpusFile f : files) {
        statements += analyzer.analyze(f.sql(), context).size();
        fileCount++;
      }
      elapsed = System.nanoTime() - begin;
    } while (elapsed < MEASURE_NANOS);
    return new Measurement(statements, fileCount, elapsed / 1e9, firstCall);
  }

  /** Prints the measurement; for runs outside Maven. */
  public static void main(String[] args) throws Exception {
    System.out.println(measure());
  }
}
