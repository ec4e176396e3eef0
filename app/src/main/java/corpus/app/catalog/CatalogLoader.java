package corpus.app.catalog;

import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.progress.ProgressListener;

/**
 * Opens the catalog the app shows, or builds it first. Every method blocks on disk I/O (building
 * takes seconds to minutes): call them off the UI thread. Building is cancelled by interrupting
 * the calling thread, and then leaves any previous catalog as it was.
 */
public interface CatalogLoader {

  /** True when a complete catalog is there to open. */
  boolean exists() throws Exception;

  CatalogReader open() throws Exception;

  /** Builds the catalog from its sources, reporting progress, and opens it. */
  CatalogReader build(ProgressListener progress) throws Exception;

  /** Where the catalog lives, for the status bar. */
  String location();
}
