package corpus.indexer.source.pipeline;

import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Table;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import corpus.lineage.AnalysisContext;
import corpus.lineage.SqlAnalyzer;
import corpus.lineage.StatementLineage;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the SQL of every view (and materialized view) a warehouse source reports into a {@link Pipeline}
 * of kind {@code view}, so views take part in lineage like any pipeline. Wraps a source: the views are
 * collected while it crawls and analysed when it has finished, with the schemas of every table received so
 * far.
 *
 * <pre>{@code
 * List<CatalogSource> sources = ViewPipelines.addTo(List.of(new ExportSource(dir)));
 * }</pre>
 */
public final class ViewPipelines implements CatalogSource {

  private final CatalogSource delegate;
  private final SqlAnalyzer analyzer;

  public ViewPipelines(CatalogSource delegate, SqlAnalyzer analyzer) {
    this.delegate = delegate;
    this.analyzer = analyzer;
  }

  /** Wraps each source (one analyzer shared by all); sources that report no views are unaffected. */
  public static List<CatalogSource> addTo(List<CatalogSource> sources) {
    if (sources.stream().allMatch(s -> s instanceof ViewPipelines || isPipelineSource(s))) {
      return sources;
    }
    SqlAnalyzer shared = new ZetaSqlAnalyzer();
    return sources.stream()
        .map(s -> s instanceof ViewPipelines || isPipelineSource(s) ? s : new ViewPipelines(s, shared))
        .toList();
  }

  private static boolean isPipelineSource(CatalogSource s) {
    return s instanceof SqlSource || s instanceof AirflowSource || s instanceof OpenLineageSource
        || s instanceof DbtManifestSource;
  }

  @Override
  public String spec() {
    return delegate.spec();
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) throws Exception {
    List<Table> views = new ArrayList<>();
    delegate.crawl(new ForwardingSink(sink) {
      @Override
      public void table(Table table) {
        super.table(table);
        if (table.viewQuery() != null && !table.viewQuery().isBlank()) {
          views.add(table);
        }
      }
    }, progress);
    PipelineAnalysis analysis = new PipelineAnalysis(analyzer, spec());
    for (int i = 0; i < views.size(); i++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      sink.pipeline(pipeline(views.get(i), analysis, sink));
      progress.progress("views", i + 1, views.size());
    }
  }

  private static Pipeline pipeline(Table view, PipelineAnalysis analysis, CatalogSink sink) {
    String id = view.id().toString();
    AnalysisContext context =
        new AnalysisContext(view.id().project(), view.id().dataset(), sink.schemas(), Optional.empty());
    List<StatementLineage> statements = analysis.analyze(view.viewQuery(), context, id, id, 1, sink);
    return new Pipeline("view:" + id, "view", id, view.id().table() + " (" + view.kind().label().replace('_', ' ')
        + ")", view.description(), view.viewQuery(), statements, false);
  }
}
