package corpus.app.catalog;

import corpus.indexer.index.IndexSummary;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSource;
import java.util.List;

/**
 * Brings more sources into the catalog the app shows (a BigQuery project the user connected, say)
 * by an incremental update: the catalog's own sources are crawled again with the added ones, and
 * what did not change is kept. Blocks for seconds to minutes: call off the UI thread. Interrupting
 * the calling thread cancels it and leaves the catalog as it was.
 */
@FunctionalInterface
public interface CatalogUpdater {

  /**
   * Updates the catalog with its sources plus {@code added} (an added source replaces one of the
   * same spec) and commits it; re-open the catalog afterwards to see the result.
   */
  IndexSummary update(List<CatalogSource> added, ProgressListener progress) throws Exception;
}
