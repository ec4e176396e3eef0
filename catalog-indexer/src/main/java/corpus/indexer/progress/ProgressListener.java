package corpus.indexer.progress;

/**
 * Hears how far a long-running engine call has got; free of any UI toolkit so the CLI prints it
 * and the app binds it to a progress bar. Cancellation is by interrupting the working thread.
 */
@FunctionalInterface
public interface ProgressListener {

  ProgressListener NONE = (stage, done, total) -> {};

  /**
   * @param stage what is being done, e.g. "tables" or "docs"
   * @param done units finished so far in this stage
   * @param total units in this stage, or -1 when not known
   */
  void progress(String stage, long done, long total);
}
