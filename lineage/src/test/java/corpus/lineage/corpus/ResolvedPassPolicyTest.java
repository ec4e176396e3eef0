package corpus.lineage.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.lineage.AnalysisContext;
import corpus.lineage.StatementLineage;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import corpus.lineage.zetasql.ZetaSqlAnalyzer.ResolvedPass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The product's policy ({@link ResolvedPass#WHEN_NEEDED}: the Analyzer only for statements whose parse-tree lineage
 * is incomplete or approximate) gives, statement by statement, exactly what asking the Analyzer for every statement
 * over known tables gives ({@link ResolvedPass#ALWAYS}) on the whole lineage corpus with its {@code schemas.json}.
 */
class ResolvedPassPolicyTest {
  @Test
  void skippingTheAnalyzerWhereTheParseTreeIsCompleteChangesNoStatementOfTheCorpus() throws Exception {
    AnalysisContext context = new AnalysisContext(Corpus.DEFAULT_PROJECT, Corpus.DEFAULT_DATASET, Corpus.schemas(),
        Optional.empty());
    List<String> differing = new ArrayList<>();
    int statements = 0;
    try (ZetaSqlAnalyzer whenNeeded = new ZetaSqlAnalyzer(ResolvedPass.WHEN_NEEDED);
        ZetaSqlAnalyzer always = new ZetaSqlAnalyzer(ResolvedPass.ALWAYS)) {
      for (Corpus.CorpusFile file : Corpus.files()) {
        List<StatementLineage> product = whenNeeded.analyze(file.sql(), context);
        List<StatementLineage> reference = always.analyze(file.sql(), context);
        assertThat(product).hasSameSizeAs(reference);
        for (int i = 0; i < product.size(); i++) {
          statements++;
          if (!product.get(i).equals(reference.get(i))) {
            differing.add(file.name() + ":" + product.get(i).line() + "\n  when needed: " + product.get(i)
                + "\n  always:      " + reference.get(i));
          }
        }
      }
      ZetaSqlAnalyzer.ResolvedPassStatistics skipping = whenNeeded.resolvedPassStatistics();
      ZetaSqlAnalyzer.ResolvedPassStatistics all = always.resolvedPassStatistics();
      System.out.printf("%d statements; Analyzer always: %s%nAnalyzer when needed: %s%n", statements, all, skipping);

      assertThat(differing).as("statements whose lineage depends on the policy").isEmpty();
      assertThat(skipping.skipped()).as("statements over known tables the Analyzer was not asked for")
          .isGreaterThanOrEqualTo(all.tried() * 3 / 4);
      assertThat(skipping.skipped() + skipping.unknownFunctions() + skipping.tried()).isEqualTo(all.tried());
    }
  }
}
