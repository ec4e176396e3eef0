package corpus.app.task;

import corpus.indexer.progress.ProgressListener;

/** Blocking work that reports how far it has got; cancelled by interrupting its thread. */
@FunctionalInterface
public interface ProgressCallable<T> {

  T call(ProgressListener progress) throws Exception;
}
