package corpus.app.history;

import corpus.app.catalog.CatalogLoader;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.history.HistoryRecorder;
import corpus.indexer.index.FieldClassifications;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.store.CorpusDatabase;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CatalogLoader} that records the catalog's history after every build, as {@code corpus
 * index} does, so the History tab of a catalog the app built itself is not empty. A failure to
 * record is logged and never fails the build.
 */
public final class HistoryRecordingLoader implements CatalogLoader {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryRecordingLoader.class);

  private final CatalogLoader delegate;
  private final Path database;
  private final Path indexDir;

  public HistoryRecordingLoader(CatalogLoader delegate, Path database, Path indexDir) {
    this.delegate = delegate;
    this.database = database;
    this.indexDir = indexDir;
  }

  @Override
  public boolean exists() throws Exception {
    return delegate.exists();
  }

  @Override
  public CatalogReader open() throws Exception {
    return delegate.open();
  }

  @Override
  public CatalogReader build(ProgressListener progress) throws Exception {
    CatalogReader reader = delegate.build(progress);
    try (CorpusDatabase db = CorpusDatabase.open(database)) {
      HistoryRecorder.record(db, indexDir, FieldClassifications.NONE, null);
    } catch (Exception e) {
      LOG.warn("Could not record the history of the catalog {}", indexDir, e);
    }
    return reader;
  }

  @Override
  public String location() {
    return delegate.location();
  }
}
