package corpus.indexer.source.pipeline;

import corpus.indexer.model.Problem;
import corpus.indexer.source.CatalogSink;
import corpus.lineage.AnalysisContext;
import corpus.lineage.SqlAnalyzer;
import corpus.lineage.StatementLineage;
import corpus.lineage.TableNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Analyses the SQL of one pipeline definition for the pipeline sources: gives plain SELECTs the destination
 * named elsewhere (a path template, a dbt model, an operator argument) and reports every statement that
 * could not be analysed as a {@link Problem} with its file and line, while the other statements still count.
 */
final class PipelineAnalysis {

  private final SqlAnalyzer analyzer;
  private final String source;

  /**
   * @param analyzer the shared SQL analyzer
   * @param source the spec of the source, for problems
   */
  PipelineAnalysis(SqlAnalyzer analyzer, String source) {
    this.analyzer = analyzer;
    this.source = source;
  }

  /**
   * Analyses {@code sql}.
   *
   * @param destination table a plain SELECT writes to, or null
   * @param file where the SQL was read, for problems
   * @param firstLine line of {@code file} where the SQL starts (1 for a whole file)
   */
  List<StatementLineage> analyze(
      String sql, AnalysisContext context, String destination, String file, int firstLine, CatalogSink sink) {
    List<StatementLineage> out = new ArrayList<>();
    String table = destination == null ? null
        : new TableNames(context.defaultProject(), context.defaultDataset()).qualify(destination);
    for (StatementLineage s : analyzer.analyze(sql, context)) {
      if (!s.ok()) {
        sink.problem(new Problem(source, file, firstLine + Math.max(1, s.line()) - 1, s.error()));
        out.add(s);
      } else if (destination != null && s.targets().isEmpty() && s.kind().equals("select")) {
        out.add(s.withDestination(table));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
