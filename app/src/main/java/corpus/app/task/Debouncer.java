package corpus.app.task;

/**
 * Runs only the last of a burst of actions, once the burst has paused: as-you-type search submits
 * on every keystroke and searches once the user stops typing.
 */
public interface Debouncer {

  /** Schedules the action, replacing any action still waiting. */
  void submit(Runnable action);

  /** Drops the waiting action, if any. */
  void cancel();

  /** Runs every action at once, on the calling thread: for tests and for scripted use. */
  static Debouncer immediate() {
    return new Debouncer() {
      @Override
      public void submit(Runnable action) {
        action.run();
      }

      @Override
      public void cancel() {}
    };
  }
}
