package corpus.app.task;

import corpus.indexer.progress.ProgressListener;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A running {@link Tasks} task as the UI sees it: progress (0..1, or -1 while unknown), a message
 * naming the current stage, whether it still runs, and {@link #cancel()}. Its properties change
 * only on the UI executor, so views may bind to them.
 */
public final class TaskHandle<T> {

  /** How a task ended. */
  sealed interface Outcome<T> {
    record Success<T>(T value) implements Outcome<T> {}

    record Failure<T>(Throwable error) implements Outcome<T> {}

    record Cancelled<T>() implements Outcome<T> {}
  }

  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicReference<Progress> latest = new AtomicReference<>();
  private final Executor ui;
  private final FutureTask<T> future;

  private record Progress(String stage, long done, long total) {}

  TaskHandle(ProgressCallable<T> work, Executor ui, Consumer<Outcome<T>> deliver) {
    this.ui = ui;
    ProgressListener listener = this::report;
    this.future =
        new FutureTask<>(() -> work.call(listener)) {
          @Override
          protected void done() {
            Outcome<T> outcome = outcome(this);
            ui.execute(
                () -> {
                  running.set(false);
                  deliver.accept(cancelled.get() ? new Outcome.Cancelled<>() : outcome);
                });
          }
        };
  }

  void start(Executor background) {
    running.set(true);
    background.execute(future);
  }

  /** Interrupts the work; the task ends as cancelled unless it already delivered its outcome. */
  public void cancel() {
    cancelled.set(true);
    future.cancel(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Coalesces progress reports: at most one UI update is queued at a time. */
  private void report(String stage, long done, long total) {
    if (latest.getAndSet(new Progress(stage, done, total)) == null) {
      ui.execute(
          () -> {
            Progress p = latest.getAndSet(null);
            if (p != null) {
              progress.set(p.total() > 0 ? Math.min(1.0, (double) p.done() / p.total()) : -1);
              message.set(describe(p));
            }
          });
    }
  }

  private static String describe(Progress p) {
    if (p.total() > 0) {
      return String.format("%s: %,d of %,d", p.stage(), p.done(), p.total());
    }
    return p.done() > 0 ? String.format("%s: %,d", p.stage(), p.done()) : p.stage();
  }

  private static <T> Outcome<T> outcome(FutureTask<T> future) {
    try {
      return new Outcome.Success<>(future.get());
    } catch (CancellationException e) {
      return new Outcome.Cancelled<>();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Cancelled<>();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return cause instanceof InterruptedException
          ? new Outcome.Cancelled<>()
          : new Outcome.Failure<>(cause);
    }
  }
}
