package corpus.indexer.cli;

import corpus.indexer.CorpusHome;
import corpus.indexer.lineage.CatalogSchemas;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableUsage;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import corpus.indexer.source.pipeline.SqlSource;
import corpus.indexer.source.pipeline.ViewPipelines;
import corpus.indexer.source.sample.SampleLayout;
import corpus.indexer.source.sample.SampleSource;
import corpus.lineage.AnalysisContext;
import corpus.lineage.ColumnSchema;
import corpus.lineage.SchemaProvider;
import corpus.lineage.SqlAnalyzer;
import corpus.lineage.StatementLineage;
import corpus.lineage.bench.LineageBench;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL a crawl hands to its analyser, call by call, with the context of each call (default project and dataset
 * from the path template, the schemas of every table the run has received), for {@code corpus bench lineage
 * --source}: the sources run as {@code corpus index} runs them, into a sink that only keeps table schemas.
 *
 * <pre>
 * List&lt;LineageBench.Input&gt; inputs = CrawledSql.of(List.of("sample"), CorpusHome.resolve());
 * </pre>
 */
final class CrawledSql {

  private CrawledSql() {}

  /**
   * Crawls {@code specs} ({@code sample}: the sample warehouse, whose views are analysed, and its pipeline SQL;
   * {@code sql:DIR[@TEMPLATE]}: a pipeline repository, whose {@code schema.yaml} files give schemas) in order and
   * returns every analyser call they made, named after the pipeline (file or view) it was made for.
   *
   * @throws IllegalArgumentException for another spec
   */
  static List<LineageBench.Input> of(List<String> specs, CorpusHome home) throws Exception {
    Recorder recorder = new Recorder();
    SchemaSink sink = new SchemaSink(recorder);
    for (String spec : specs) {
      for (CatalogSource source : sources(spec.strip(), home, recorder)) {
        source.crawl(sink, ProgressListener.NONE);
      }
    }
    return recorder.inputs;
  }

  private static List<CatalogSource> sources(String spec, CorpusHome home, SqlAnalyzer recorder) {
    if (spec.equals(SampleSource.SPEC)) {
      SampleLayout layout = SampleLayout.of(home.sampleDir());
      return List.of(new ViewPipelines(new SampleSource(home), recorder),
          new SqlSource(layout.pipelinesDir(), layout.pipelineTemplate(), recorder));
    }
    if (spec.startsWith("sql:") && spec.length() > 4) {
      return List.of(SqlSource.fromSpec(spec.substring(4), recorder));
    }
    throw new IllegalArgumentException("--source " + spec + ": use sample or sql:DIR[@TEMPLATE]");
  }

  /** Keeps each call's SQL and context; the lineage it returns comes from the parse-tree pass (cheap). */
  private static final class Recorder implements SqlAnalyzer {
    private final SqlAnalyzer parseTree = new ZetaSqlAnalyzer(ZetaSqlAnalyzer.ResolvedPass.OFF);
    private final List<LineageBench.Input> inputs = new ArrayList<>();
    private final List<Call> pending = new ArrayList<>();

    private record Call(String sql, AnalysisContext context) {}

    @Override
    public List<StatementLineage> analyze(String sql, AnalysisContext context) {
      pending.add(new Call(sql, context));
      return parseTree.analyze(sql, context);
    }

    /** The pending calls were made for the pipeline {@code name}. */
    void named(String name) {
      for (Call c : pending) {
        inputs.add(new LineageBench.Input(name, c.sql(), c.context()));
      }
      pending.clear();
    }
  }

  /** Keeps the schema of every table, as the index run does for the analyser, and names the recorded calls. */
  private static final class SchemaSink implements CatalogSink {
    private final Map<String, List<ColumnSchema>> schemas = new ConcurrentHashMap<>();
    private final Recorder recorder;

    SchemaSink(Recorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public void table(Table table) {
      schemas.put(table.id().toString().toLowerCase(Locale.ROOT), CatalogSchemas.columns(table.schema()));
    }

    @Override
    public SchemaProvider schemas() {
      return id -> Optional.ofNullable(schemas.get(id.toLowerCase(Locale.ROOT)));
    }

    @Override
    public void pipeline(Pipeline pipeline) {
      String id = pipeline.id();
      recorder.named(id.startsWith("sql:") ? id.substring(4) : id);
    }

    @Override
    public void dataset(Dataset dataset) {}

    @Override
    public void doc(Doc doc) {}

    @Override
    public void usage(TableUsage usage) {}

    @Override
    public void problem(Problem problem) {}
  }
}
