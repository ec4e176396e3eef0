package corpus.lineage.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.lineage.AnalysisContext;
import corpus.lineage.ColumnLineage;
import corpus.lineage.StatementLineage;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the analyzer against the corpus: table-level and column-level precision, recall and F1, and parse
 * success. Run alone with {@code ./mvnw -B -pl lineage test -Dtest=CorpusLineageTest}; figures are printed to the
 * test output ({@code lineage/target/surefire-reports/corpus.lineage.corpus.CorpusLineageTest-output.txt}).
 */
class CorpusLineageTest {
  private static final Score TABLES = new Score();
  private static final Score COLUMNS = new Score();
  private static final List<String> MISMATCHES = new ArrayList<>();
  private static int statements;
  private static int parseFailures;
  private static int withTableExpectations;
  private static int withColumnExpectations;

  @BeforeAll
  static void analyseCorpus() throws Exception {
    ZetaSqlAnalyzer analyzer = new ZetaSqlAnalyzer();
    AnalysisContext context = new AnalysisContext(Corpus.DEFAULT_PROJECT, Corpus.DEFAULT_DATASET, Corpus.schemas(),
        Optional.empty());
    for (Corpus.CorpusFile file : Corpus.files()) {
      List<StatementLineage> result = analyzer.analyze(file.sql(), context);
      Map<StatementLineage, Expectation> matched = match(file, result);
      for (StatementLineage s : result) {
        statements++;
        if (s.error() != null && s.error().contains("Syntax error")) {
          parseFailures++;
        }
        Expectation e = matched.getOrDefault(s, Expectation.empty(file.name(), s.line()));
        String where = file.name() + ":" + s.line() + " " + s.kind();
        note(where + " targets", TABLES.add(e.targets(), Set.copyOf(s.targets())));
        note(where + " sources", TABLES.add(e.sources(), Set.copyOf(s.sources())));
        if (!e.targets().isEmpty() || !e.sources().isEmpty()) {
          withTableExpectations++;
        }
        if (e.columnsChecked()) {
          withColumnExpectations++;
          note(where + " columns", COLUMNS.add(e.columnEdges(), edges(s)));
        }
        if (s.error() != null) {
          MISMATCHES.add(where + " error: " + s.error());
        }
      }
    }
    System.out.printf(Locale.ROOT, "corpus: %d statements, %d with table expectations, %d with column expectations%n",
        statements, withTableExpectations, withColumnExpectations);
    System.out.printf(Locale.ROOT, "parse success: %.1f%% (%d failures)%n", 100.0 * parseSuccess(), parseFailures);
    System.out.println("table lineage:  " + TABLES);
    System.out.println("column lineage: " + COLUMNS);
    MISMATCHES.forEach(m -> System.out.println("  " + m));
  }

  private static void note(String where, String diff) {
    if (!diff.isEmpty()) {
      MISMATCHES.add(where + ": " + diff);
    }
  }

  /** Each expectation block belongs to the first statement that starts after it. */
  private static Map<StatementLineage, Expectation> match(Corpus.CorpusFile file, List<StatementLineage> result) {
    Map<StatementLineage, Expectation> matched = new HashMap<>();
    for (Expectation e : file.expectations()) {
      StatementLineage best = null;
      for (StatementLineage s : result) {
        if (s.line() > e.line() && (best == null || s.line() < best.line())) {
          best = s;
        }
      }
      assertThat(best).as("statement after the expectation at %s:%d", file.name(), e.line()).isNotNull();
      assertThat(matched.put(best, e)).as("one expectation per statement at %s:%d", file.name(), e.line())
          .isNull();
    }
    return matched;
  }

  private static Set<String> edges(StatementLineage s) {
    Set<String> edges = new LinkedHashSet<>();
    for (ColumnLineage c : s.columns()) {
      for (String source : c.sources()) {
        edges.add(c.target() + " <- " + source);
      }
    }
    return edges;
  }

  private static double parseSuccess() {
    return statements == 0 ? 0 : 1.0 - (double) parseFailures / statements;
  }

  @Test
  void corpusIsLargeEnough() {
    assertThat(statements).isGreaterThanOrEqualTo(150);
    assertThat(withColumnExpectations).isGreaterThanOrEqualTo(60);
  }

  @Test
  void parsesAtLeast99PercentOfStatements() {
    assertThat(parseSuccess()).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void tableLineageF1IsAtLeast098() {
    assertThat(TABLES.f1()).as("table F1; mismatches:%n%s", String.join("\n", MISMATCHES)).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void columnLineageF1IsAtLeast090() {
    assertThat(COLUMNS.f1()).as("column F1; mismatches:%n%s", String.join("\n", MISMATCHES))
        .isGreaterThanOrEqualTo(0.9);
  }
}
