package corpus.indexer.source.sample;

import java.nio.file.Path;

/**
 * Where the parts of a generated sample live: the DuckDB warehouse, the Markdown design docs and
 * the pipeline SQL files laid out as {@link #pipelineTemplate()}. Pass {@code docsDir()} to a
 * {@code docs:} source and {@code pipelinesDir()} with the template to a {@code sql:} source.
 */
public record SampleLayout(
    Path warehouse, Path docsDir, Path pipelinesDir, String pipelineTemplate, String project) {

  /** The layout of a sample generated into {@code dir}. */
  public static SampleLayout of(Path dir) {
    return new SampleLayout(
        dir.resolve("warehouse.duckdb"),
        dir.resolve("docs"),
        dir.resolve("pipelines"),
        "{project}/{dataset}/{table}/query.sql",
        SampleWarehouse.PROJECT);
  }

  /** {@code sql:DIR@TEMPLATE}, the source spec of the pipelines. */
  public String pipelinesSpec() {
    return "sql:" + pipelinesDir + "@" + pipelineTemplate;
  }

  /** {@code docs:DIR}, the source spec of the design docs. */
  public String docsSpec() {
    return "docs:" + docsDir;
  }
}
