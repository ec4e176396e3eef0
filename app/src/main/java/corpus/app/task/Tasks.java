package corpus.app.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a background task whose outcome is delivered on the UI thread, in the spirit of
 * Cryptomator's {@code Tasks}:
 *
 * <pre>{@code
 * TaskHandle<SearchResponse> handle = Tasks.create(() -> catalog.search(request))
 *     .onSuccess(this::show)
 *     .onError(IOException.class, e -> showError("The catalog could not be read"))
 *     .andFinally(() -> searching.set(false))
 *     .runOn(executor);
 * handle.cancel(); // interrupts the work; onCancelled and andFinally run, onSuccess never does
 * }</pre>
 *
 * <p>Exactly one of onSuccess, the first matching onError or onCancelled runs, then andFinally.
 * An error no handler matches is logged. The returned {@link TaskHandle} exposes progress for a
 * progress bar and a cancel action for a Cancel button.
 */
public final class Tasks {

  private Tasks() {}

  /** A task doing blocking work that reports no progress. */
  public static <T> Builder<T> create(Callable<T> work) {
    return new Builder<>(progress -> work.call());
  }

  /** A task doing blocking work that reports progress through the listener it is given. */
  public static <T> Builder<T> withProgress(ProgressCallable<T> work) {
    return new Builder<>(work);
  }

  /** Collects the callbacks of one task; {@link #runOn} starts it. */
  public static final class Builder<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);

    private final ProgressCallable<T> work;
    private Consumer<? super T> onSuccess = result -> {};
    private final List<ErrorHandler<?>> onError = new ArrayList<>();
    private Runnable onCancelled = () -> {};
    private Runnable andFinally = () -> {};

    private Builder(ProgressCallable<T> work) {
      this.work = work;
    }

    public Builder<T> onSuccess(Consumer<? super T> action) {
      onSuccess = action;
      return this;
    }

    /** Handles errors of the given type; the first registered handler that matches wins. */
    public <E extends Throwable> Builder<T> onError(Class<E> type, Consumer<? super E> action) {
      onError.add(new ErrorHandler<>(type, action));
      return this;
    }

    public Builder<T> onCancelled(Runnable action) {
      onCancelled = action;
      return this;
    }

    public Builder<T> andFinally(Runnable action) {
      andFinally = action;
      return this;
    }

    /** Starts the work on the executor's background side; call from the UI thread. */
    public TaskHandle<T> runOn(TaskExecutor executor) {
      TaskHandle<T> handle = new TaskHandle<>(work, executor.ui(), this::deliver);
      handle.start(executor.background());
      return handle;
    }

    private void deliver(TaskHandle.Outcome<T> outcome) {
      try {
        switch (outcome) {
          case TaskHandle.Outcome.Success<T>(T value) -> onSuccess.accept(value);
          case TaskHandle.Outcome.Failure<T>(Throwable error) -> handle(error);
          case TaskHandle.Outcome.Cancelled<T>() -> onCancelled.run();
        }
      } finally {
        andFinally.run();
      }
    }

    private void handle(Throwable error) {
      for (ErrorHandler<?> handler : onError) {
        if (handler.accept(error)) {
          return;
        }
      }
      LOG.error("Background task failed and nobody handled it", error);
    }
  }

  private record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<? super E> action) {
    boolean accept(Throwable error) {
      if (!type.isInstance(error)) {
        return false;
      }
      action.accept(type.cast(error));
      return true;
    }
  }
}
