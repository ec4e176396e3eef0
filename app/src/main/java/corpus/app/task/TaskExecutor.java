package corpus.app.task;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * Where a {@link Tasks} task runs its work ({@code background}) and where it delivers progress and
 * outcome ({@code ui}). The app uses a named background pool and the JavaFX thread; tests use
 * {@link #currentThread()} so a view-model call has finished when it returns.
 */
public record TaskExecutor(Executor background, Executor ui) {

  /** Work on the given pool, callbacks on the JavaFX application thread. */
  public static TaskExecutor fx(Executor background) {
    return new TaskExecutor(background, Platform::runLater);
  }

  /** Work and callbacks on the calling thread: deterministic view-model tests without a toolkit. */
  public static TaskExecutor currentThread() {
    return new TaskExecutor(Runnable::run, Runnable::run);
  }
}
