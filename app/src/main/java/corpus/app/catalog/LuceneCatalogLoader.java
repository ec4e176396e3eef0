package corpus.app.catalog;

import corpus.indexer.CorpusHome;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.gdpr.GdprFieldClassifications;
import corpus.indexer.index.IndexSummary;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the Lucene catalog in a folder, or builds it there first with the {@link Indexer} from the
 * given sources (the app's default: the embedded sample warehouse and its design docs).
 */
public final class LuceneCatalogLoader implements CatalogLoader, CatalogUpdater {

  private static final Logger LOG = LoggerFactory.getLogger(LuceneCatalogLoader.class);

  private final Path indexDir;
  private final Callable<List<CatalogSource>> sources;

  /** @param sources made when a build starts, so preparing them happens off the UI thread too */
  public LuceneCatalogLoader(Path indexDir, Callable<List<CatalogSource>> sources) {
    this.indexDir = indexDir;
    this.sources = sources;
  }

  @Override
  public boolean exists() throws Exception {
    return LuceneCatalog.exists(indexDir);
  }

  @Override
  public CatalogReader open() throws Exception {
    return LuceneCatalog.open(indexDir);
  }

  @Override
  public CatalogReader build(ProgressListener progress) throws Exception {
    IndexSummary summary = new Indexer(indexDir).withClassifications(classifications()).run(sources.call(), progress);
    LOG.info("Built catalog in {} ms: {} datasets, {} tables, {} fields, {} docs, {} problems",
        summary.tookMs(), summary.datasets(), summary.tables(), summary.fields(), summary.docs(),
        summary.problems().size());
    summary.problems().forEach(p -> LOG.warn("Skipped while indexing: {}", p));
    return open();
  }

  @Override
  public IndexSummary update(List<CatalogSource> added, ProgressListener progress) throws Exception {
    List<CatalogSource> all = new ArrayList<>();
    for (CatalogSource own : sources.call()) {
      if (added.stream().noneMatch(a -> a.spec().equals(own.spec()))) {
        all.add(own);
      }
    }
    all.addAll(added);
    IndexSummary summary = new Indexer(indexDir).withClassifications(classifications()).update(all, progress);
    LOG.info("Updated catalog in {} ms: {} tables, {} rewritten, {} removed, {} problems",
        summary.tookMs(), summary.tables(), summary.tablesWritten(), summary.tablesRemoved(),
        summary.problems().size());
    return summary;
  }

  @Override
  public String location() {
    return indexDir.toString();
  }

  /** Reviewers' decisions, else stored or metadata suggestions, so the catalog carries pii: terms and badges. */
  private static GdprFieldClassifications classifications() throws java.io.IOException {
    return GdprFieldClassifications.load(CorpusHome.resolve().database());
  }
}
