package corpus.app.scd;

import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.indexer.scd.CheckResult;
import corpus.indexer.scd.QueryRunner;
import corpus.indexer.scd.ScdCatalog;
import corpus.indexer.scd.ScdCheck;
import corpus.indexer.scd.ScdHealthCheck;
import corpus.indexer.scd.ScdReport;
import java.time.Clock;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health-check tab: one click runs every check of the table as bounded warehouse queries in
 * the background and lists each with its count, example keys, SQL and cost.
 */
public final class HealthCheckViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(HealthCheckViewModel.class);

  private final TaskExecutor executor;
  private final WarehouseConnector warehouse;
  private final Clock clock;
  private final ObservableList<CheckResult> results = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyStringWrapper key = new ReadOnlyStringWrapper(this, "key", "");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private ScdCatalog.Recognised table;
  private TaskHandle<?> task;

  public HealthCheckViewModel(TaskExecutor executor, WarehouseConnector warehouse, Clock clock) {
    this.executor = executor;
    this.warehouse = warehouse;
    this.clock = clock;
  }

  void setTable(ScdCatalog.Recognised recognised) {
    cancel();
    table = recognised;
    results.clear();
    key.set("");
    summary.set("Run the checks to verify the key and look for overlaps, gaps, current-row and sentinel problems.");
  }

  /** Runs every check. */
  public void run() {
    if (table == null) {
      return;
    }
    cancel();
    ScdCatalog.Recognised t = table;
    running.set(true);
    summary.set("Checking " + t.scd().id() + "…");
    task = Tasks.create(() -> {
      try (QueryRunner runner = warehouse.open()) {
        return new ScdHealthCheck(runner, clock).run(t.scd());
      }
    })
        .onSuccess(this::show)
        .onError(WarehouseConnector.NotConnectedException.class, e -> summary.set("The checks could not run: " + e.getMessage()))
        .onError(Exception.class, e -> {
          LOG.warn("Health check of {} failed", t.scd().id(), e);
          summary.set("The checks could not run: " + ScdMessages.of(e));
        })
        .andFinally(() -> running.set(false))
        .runOn(executor);
  }

  private void show(ScdReport report) {
    results.setAll(report.checks());
    key.set(report.table().summary());
    long problems = report.findings().stream().filter(f -> f.severity() != ScdCheck.Severity.INFO).count();
    long info = report.findings().size() - problems;
    summary.set(problems == 0
        ? "No problems found" + (info > 0 ? " (" + info + " note(s))." : ".")
        : problems + " problem(s) found" + (info > 0 ? ", " + info + " note(s)." : "."));
  }

  public void cancel() {
    if (task != null) {
      task.cancel();
      task = null;
    }
  }

  /** Every check's result, in check order, once run. */
  public ObservableList<CheckResult> results() { return results; }
  public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
  /** The key as verified by the last run. */
  public ReadOnlyStringProperty keyProperty() { return key.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
}
