package corpus.lineage;

import java.util.List;

/**
 * Analyses BigQuery SQL (a file: one statement or a multi-statement script) into table- and column-level lineage.
 *
 * <p>Implementations are thread-safe. One broken statement never hides the others: it is returned with an
 * {@link StatementLineage#error() error} and the rest of the script is analysed.
 *
 * <pre>{@code
 * SqlAnalyzer analyzer = new ZetaSqlAnalyzer();
 * List<StatementLineage> lineage = analyzer.analyze(sql, AnalysisContext.withDefaults("my-project", "sales"));
 * }</pre>
 */
public interface SqlAnalyzer {

  /** Analyses the statements of {@code sql} in order; never throws for bad SQL. */
  List<StatementLineage> analyze(String sql, AnalysisContext context);
}
