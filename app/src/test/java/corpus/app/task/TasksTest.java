package corpus.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.testing.ManualExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TasksTest {

  private final List<String> events = new ArrayList<>();

  @Test
  void deliversTheResultThenRunsFinally() {
    TaskHandle<Integer> handle = Tasks.create(() -> 6 * 7)
        .onSuccess(v -> events.add("success " + v))
        .onError(Exception.class, e -> events.add("error"))
        .andFinally(() -> events.add("finally"))
        .runOn(TaskExecutor.currentThread());

    assertThat(events).containsExactly("success 42", "finally");
    assertThat(handle.runningProperty().get()).isFalse();
  }

  @Test
  void routesAnErrorToTheFirstMatchingHandler() {
    Tasks.create(() -> { throw new UncheckedIOException(new IOException("disk gone")); })
        .onSuccess(v -> events.add("success"))
        .onError(IllegalStateException.class, e -> events.add("illegal state"))
        .onError(RuntimeException.class, e -> events.add("runtime: " + e.getCause().getMessage()))
        .onError(Exception.class, e -> events.add("any"))
        .andFinally(() -> events.add("finally"))
        .runOn(TaskExecutor.currentThread());

    assertThat(events).containsExactly("runtime: disk gone", "finally");
  }

  @Test
  void cancelledTaskNeverDeliversItsResult() {
    ManualExecutor background = new ManualExecutor();
    ManualExecutor ui = new ManualExecutor();
    TaskHandle<String> handle = Tasks.create(() -> "stale")
        .onSuccess(v -> events.add("success"))
        .onCancelled(() -> events.add("cancelled"))
        .andFinally(() -> events.add("finally"))
        .runOn(new TaskExecutor(background, ui));

    background.runAll(); // the work finished, its delivery waits on the UI thread
    handle.cancel();
    ui.runAll();

    assertThat(events).containsExactly("cancelled", "finally");
    assertThat(handle.isCancelled()).isTrue();
  }

  @Test
  void cancelInterruptsRunningWork() throws Exception {
    Thread[] worker = new Thread[1];
    ManualExecutor ui = new ManualExecutor();
    TaskHandle<String> handle = Tasks.create(() -> {
          Thread.sleep(10_000);
          return "done";
        })
        .onCancelled(() -> events.add("cancelled"))
        .runOn(new TaskExecutor(r -> {
          worker[0] = new Thread(r, "corpus-test-worker");
          worker[0].start();
        }, ui));

    handle.cancel();
    worker[0].join(5_000);
    ui.runAll();

    assertThat(worker[0].isAlive()).isFalse();
    assertThat(events).containsExactly("cancelled");
  }

  @Test
  void reportsProgressAsFractionAndStage() {
    ManualExecutor ui = new ManualExecutor();
    TaskHandle<String> handle = Tasks.withProgress(progress -> {
          progress.progress("tables", 10, 40);
          progress.progress("tables", 30, 40);
          return "ok";
        })
        .runOn(new TaskExecutor(Runnable::run, ui));

    ui.runNext(); // one coalesced progress update carries the latest report

    assertThat(handle.progressProperty().get()).isEqualTo(0.75);
    assertThat(handle.messageProperty().get()).isEqualTo("tables: 30 of 40");
  }

  @Test
  void namesBackgroundThreads() throws Exception {
    var pool = NamedExecutors.cachedDaemonPool("corpus-bg-%02d");
    try {
      String name = pool.submit(() -> Thread.currentThread().getName()).get();
      boolean daemon = pool.submit(() -> Thread.currentThread().isDaemon()).get();
      assertThat(name).isEqualTo("corpus-bg-01");
      assertThat(daemon).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }
}
