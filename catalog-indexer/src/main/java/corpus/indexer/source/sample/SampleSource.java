package corpus.indexer.source.sample;

import corpus.indexer.CorpusHome;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import corpus.indexer.source.duckdb.DuckDbSource;
import java.nio.file.Path;

/**
 * The {@code sample} source: makes sure the embedded sample warehouse exists (generating it on
 * first use) and crawls its DuckDB file. The sample's design docs and pipeline SQL are crawled by
 * the docs and SQL sources; get their folders from {@link #layout}.
 *
 * <pre>{@code
 * SampleSource sample = new SampleSource(home);
 * SampleLayout layout = sample.layout(progress);   // docs:   layout.docsDir()
 * sample.crawl(sink, progress);                    // tables, views, usage
 * }</pre>
 */
public final class SampleSource implements CatalogSource {

  public static final String SPEC = "sample";

  private final Path sampleDir;

  public SampleSource(CorpusHome home) {
    this(home.sampleDir());
  }

  public SampleSource(Path sampleDir) {
    this.sampleDir = sampleDir;
  }

  @Override
  public String spec() {
    return SPEC;
  }

  /** The sample's layout, generating the sample first if it is missing or outdated. */
  public SampleLayout layout(ProgressListener progress) throws Exception {
    return SampleWarehouse.ensure(sampleDir, progress);
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) throws Exception {
    SampleLayout layout = layout(progress);
    new DuckDbSource(layout.warehouse(), SPEC).crawl(sink, progress);
  }
}
