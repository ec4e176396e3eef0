package corpus.app.testing;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An executor that queues work until the test runs it, to stage races deterministically. */
public final class ManualExecutor implements Executor {

  private final Queue<Runnable> queue = new ArrayDeque<>();

  @Override
  public void execute(Runnable command) {
    queue.add(command);
  }

  /** Runs everything queued, including work queued while running. */
  public void runAll() {
    Runnable next;
    while ((next = queue.poll()) != null) {
      next.run();
    }
  }

  /** Runs the oldest queued item only. */
  public void runNext() {
    Runnable next = queue.poll();
    if (next != null) {
      next.run();
    }
  }

  public int pending() {
    return queue.size();
  }
}
