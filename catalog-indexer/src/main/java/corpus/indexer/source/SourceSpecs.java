package corpus.indexer.source;

import corpus.indexer.CorpusHome;
import corpus.indexer.source.bigquery.BigQuerySource;
import corpus.indexer.source.docs.DocsSource;
import corpus.indexer.source.duckdb.DuckDbSource;
import corpus.indexer.source.export.ExportSource;
import corpus.indexer.source.pipeline.AirflowSource;
import corpus.indexer.source.pipeline.DbtManifestSource;
import corpus.indexer.source.pipeline.OpenLineageSource;
import corpus.indexer.source.pipeline.SqlSource;
import corpus.indexer.source.pipeline.ViewPipelines;
import corpus.indexer.source.sample.SampleLayout;
import corpus.indexer.source.sample.SampleSource;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns the source specs of the command line ({@code sample}, {@code duckdb:FILE}, {@code
 * export:DIR}, {@code docs:DIR}) into sources. One spec may stand for several sources: {@code
 * sample} is the embedded warehouse plus its design docs and pipeline SQL.
 */
public final class SourceSpecs {

  private SourceSpecs() {}

  /** Parses one spec; throws {@link IllegalArgumentException} naming the accepted forms. */
  public static List<CatalogSource> parse(String spec, CorpusHome home) {
    String s = spec.strip();
    int colon = s.indexOf(':');
    String kind = colon < 0 ? s : s.substring(0, colon);
    String arg = colon < 0 ? "" : s.substring(colon + 1);
    return ViewPipelines.addTo(switch (kind) {
      case "sample" -> sample(home);
      case "duckdb" -> List.of(new DuckDbSource(path(spec, arg)));
      case "export" -> List.of(new ExportSource(path(spec, arg)));
      case "docs" -> List.of(new DocsSource(path(spec, arg)));
      case "bigquery" -> List.of(BigQuerySource.fromSpec(arg));
      case "sql" -> List.of(SqlSource.fromSpec(path(spec, arg).toString()));
      case "dbt" -> List.of(new DbtManifestSource(path(spec, arg)));
      case "openlineage" -> List.of(new OpenLineageSource(path(spec, arg)));
      case "airflow" -> List.of(new AirflowSource(path(spec, arg)));
      default -> throw new IllegalArgumentException("unknown source '" + spec
          + "': use sample, duckdb:FILE, export:DIR, docs:DIR, bigquery:PROJECT[,PROJECT], sql:DIR[@TEMPLATE],"
          + " dbt:MANIFEST, openlineage:PATH or airflow:DIR");
    });
  }

  /** The embedded sample: its warehouse first (generated on first use), its design docs, its pipelines. */
  private static List<CatalogSource> sample(CorpusHome home) {
    SampleLayout layout = SampleLayout.of(home.sampleDir());
    return List.of(new SampleSource(home), new DocsSource(layout.docsDir()),
        new SqlSource(layout.pipelinesDir(), layout.pipelineTemplate()));
  }

  private static Path path(String spec, String arg) {
    if (arg.isBlank()) {
      throw new IllegalArgumentException("source '" + spec + "' needs a path after the colon");
    }
    return Path.of(arg);
  }
}
