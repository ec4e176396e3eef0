package corpus.lineage.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.lineage.AnalysisContext;
import corpus.lineage.ColumnLineage;
import corpus.lineage.SchemaProvider;
import corpus.lineage.StatementLineage;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Compares the two column-lineage passes on the corpus statements whose tables all have schemas: the parse-tree
 * pass and the resolved-tree pass (ZetaSQL's Analyzer over a catalog built from {@code schemas.json}). Figures go
 * to {@code lineage/target/surefire-reports/corpus.lineage.corpus.ResolvedTreeComparisonTest-output.txt}.
 */
class ResolvedTreeComparisonTest {
  @Test
  void resolvedTreeLineageScoresAtLeastAsWellAsTheParseTreeOnStatementsOverKnownTables() throws Exception {
    SchemaProvider schemas = Corpus.schemas();
    AnalysisContext context = new AnalysisContext(Corpus.DEFAULT_PROJECT, Corpus.DEFAULT_DATASET, schemas,
        Optional.empty());
    ZetaSqlAnalyzer parseTree = new ZetaSqlAnalyzer(false);
    ZetaSqlAnalyzer resolvedTree = new ZetaSqlAnalyzer(true);
    Score parsed = new Score();
    Score resolved = new Score();
    Score wholeCorpusResolved = new Score();
    int eligible = 0;
    int checked = 0;
    int differing = 0;
    List<String> notes = new ArrayList<>();
    for (Corpus.CorpusFile file : Corpus.files()) {
      List<StatementLineage> a = parseTree.analyze(file.sql(), context);
      List<StatementLineage> b = resolvedTree.analyze(file.sql(), context);
      assertThat(b).hasSameSizeAs(a);
      for (int i = 0; i < a.size(); i++) {
        Expectation e = expectationOf(file, b, i);
        if (e != null && e.columnsChecked()) {
          wholeCorpusResolved.add(e.columnEdges(), edges(b.get(i)));
        }
        if (!ZetaSqlAnalyzer.resolvableWithAnalyzer(a.get(i), context)) {
          continue;
        }
        eligible++;
        boolean differs = !edges(a.get(i)).equals(edges(b.get(i)));
        if (differs) {
          differing++;
        }
        if (e == null || !e.columnsChecked()) {
          continue;
        }
        checked++;
        String where = file.name() + ":" + a.get(i).line();
        String p = parsed.add(e.columnEdges(), edges(a.get(i)));
        String r = resolved.add(e.columnEdges(), edges(b.get(i)));
        if (!p.isEmpty()) {
          notes.add(where + " parse tree: " + p);
        }
        if (!r.isEmpty()) {
          notes.add(where + " resolved tree: " + r);
        }
      }
    }
    System.out.printf(Locale.ROOT, "statements over known tables (resolved pass tried): %d (%d with column expectations); column lineage"
        + " differs between the passes on %d%n", eligible, checked, differing);
    System.out.println("resolved-tree pass: " + resolvedTree.resolvedPassStatistics());
    System.out.println("parse tree on them:    " + parsed);
    System.out.println("resolved tree on them: " + resolved);
    System.out.println("whole corpus with the resolved-tree pass: " + wholeCorpusResolved);
    notes.forEach(n -> System.out.println("  " + n));

    assertThat(checked).isPositive();
    assertThat(resolvedTree.resolvedPassStatistics().accepted()).isGreaterThanOrEqualTo(checked / 2);
    assertThat(resolved.f1()).isGreaterThanOrEqualTo(parsed.f1());
    assertThat(wholeCorpusResolved.f1()).isGreaterThanOrEqualTo(0.9);
  }

  /** The expectation block of statement {@code index}: each block belongs to the first statement after it. */
  private static Expectation expectationOf(Corpus.CorpusFile file, List<StatementLineage> statements, int index) {
    for (Expectation e : file.expectations()) {
      StatementLineage first = null;
      for (StatementLineage s : statements) {
        if (s.line() > e.line() && (first == null || s.line() < first.line())) {
          first = s;
        }
      }
      if (first == statements.get(index)) {
        return e;
      }
    }
    return null;
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
}
