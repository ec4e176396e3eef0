package corpus.indexer.index;

import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSource;
import corpus.indexer.source.docs.DocsSource;
import corpus.indexer.source.export.ExportSource;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The small hand-made export and docs under test resources {@code fixtures/}, indexed for tests. */
public final class FixtureCatalog {

  private FixtureCatalog() {}

  public static Path fixture(String name) {
    try {
      return Path.of(FixtureCatalog.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<CatalogSource> sources() {
    return List.of(new ExportSource(fixture("export")), new DocsSource(fixture("docs")));
  }

  /** Builds the fixture catalog into {@code indexDir}. */
  public static IndexSummary build(Path indexDir) throws Exception {
    return new Indexer(indexDir).run(sources(), ProgressListener.NONE);
  }
}
