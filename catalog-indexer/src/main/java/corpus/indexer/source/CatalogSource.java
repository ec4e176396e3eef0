package corpus.indexer.source;

import corpus.indexer.progress.ProgressListener;

/**
 * Something the indexer crawls: a warehouse, a metadata export, a docs folder, a pipeline repo.
 *
 * <p>{@link #crawl} is blocking and interruptible; it reports bad inputs to the sink as problems
 * and throws only when nothing at all could be read (for example, the folder does not exist).
 */
public interface CatalogSource {

  /** The spec this source was made from, e.g. {@code export:/data/tables}. */
  String spec();

  void crawl(CatalogSink sink, ProgressListener progress) throws Exception;
}
