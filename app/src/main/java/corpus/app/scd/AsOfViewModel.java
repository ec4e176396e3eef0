package corpus.app.scd;

import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.indexer.scd.AsOfView;
import corpus.indexer.scd.QueryResult;
import corpus.indexer.scd.QueryRunner;
import corpus.indexer.scd.ScdCatalog;
import corpus.indexer.scd.ScdHealthCheck;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The as-of tab: a date, the generated SQL ({@code valid_from <= t AND t < valid_to}) and its cost
 * shown by {@link #preview()} before anything runs, then {@link #run()} reads the rows valid at that
 * date (bounded). Both steps run in the background.
 */
public final class AsOfViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(AsOfViewModel.class);

  private final TaskExecutor executor;
  private final WarehouseConnector warehouse;
  private final Clock clock;
  private final StringProperty date = new SimpleStringProperty(this, "date", "");
  private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper(this, "sql", "");
  private final ReadOnlyStringWrapper cost = new ReadOnlyStringWrapper(this, "cost", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyBooleanWrapper previewed = new ReadOnlyBooleanWrapper(this, "previewed");
  private final ObservableList<String> columns = FXCollections.observableArrayList();
  private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
  private ScdCatalog.Recognised table;
  private TaskHandle<?> task;

  public AsOfViewModel(TaskExecutor executor, WarehouseConnector warehouse, Clock clock) {
    this.executor = executor;
    this.warehouse = warehouse;
    this.clock = clock;
    date.addListener((obs, old, now) -> previewed.set(false));
  }

  void setTable(ScdCatalog.Recognised recognised) {
    cancel();
    table = recognised;
    if (date.get().isBlank()) {
      date.set(LocalDate.now(clock).toString());
    }
    sql.set("");
    cost.set("");
    columns.clear();
    rows.clear();
    previewed.set(false);
    message.set("Choose a date and preview the query.");
  }

  private record Preview(String sql, String cost) {}

  /** Generates the SQL for the date and estimates it, without running it. */
  public void preview() {
    if (table == null) {
      return;
    }
    cancel();
    ScdCatalog.Recognised t = table;
    String at = date.get().strip();
    String farFuture = ScdHealthCheck.farFuture(clock);
    running.set(true);
    task = Tasks.create(() -> {
      try (QueryRunner runner = warehouse.open()) {
        String q = new AsOfView(runner, farFuture).sql(t.scd(), at, AsOfView.DEFAULT_LIMIT);
        OptionalLong bytes = runner.estimateBytes(q);
        return new Preview(q, ScdCosts.describe(bytes, runner.description()));
      }
    })
        .onSuccess(p -> {
          sql.set(p.sql());
          cost.set(p.cost());
          previewed.set(true);
          message.set("Review the query, then run it.");
        })
        .onError(IllegalArgumentException.class, e -> message.set(e.getMessage()))
        .onError(WarehouseConnector.NotConnectedException.class, e -> message.set(e.getMessage()))
        .onError(Exception.class, e -> {
          LOG.warn("Could not prepare the as-of query of {}", t.scd().id(), e);
          message.set("The query could not be prepared: " + ScdMessages.of(e));
        })
        .andFinally(() -> running.set(false))
        .runOn(executor);
  }

  /** Runs the previewed query and shows the rows (at most {@link AsOfView#DEFAULT_LIMIT}). */
  public void run() {
    if (table == null || !previewed.get()) {
      preview();
      return;
    }
    cancel();
    ScdCatalog.Recognised t = table;
    String at = date.get().strip();
    String farFuture = ScdHealthCheck.farFuture(clock);
    running.set(true);
    message.set("Running…");
    task = Tasks.create(() -> {
      try (QueryRunner runner = warehouse.open()) {
        return new AsOfView(runner, farFuture).read(t.scd(), at, AsOfView.DEFAULT_LIMIT);
      }
    })
        .onSuccess(this::show)
        .onError(IllegalArgumentException.class, e -> message.set(e.getMessage()))
        .onError(WarehouseConnector.NotConnectedException.class, e -> message.set(e.getMessage()))
        .onError(Exception.class, e -> {
          LOG.warn("Could not run the as-of query of {}", t.scd().id(), e);
          message.set("The query failed: " + ScdMessages.of(e));
        })
        .andFinally(() -> running.set(false))
        .runOn(executor);
  }

  private void show(QueryResult result) {
    columns.setAll(result.columns());
    rows.setAll(result.rows());
    message.set(result.rows().size() + " row(s) valid on " + date.get().strip()
        + (result.rows().size() == AsOfView.DEFAULT_LIMIT ? " (first " + AsOfView.DEFAULT_LIMIT + " shown)" : "")
        + ". Double-click a row to open its entity history.");
  }

  public void cancel() {
    if (task != null) {
      task.cancel();
      task = null;
    }
  }

  /** The date (or date and time) to look at, ISO: 2024-02-01. */
  public StringProperty dateProperty() { return date; }
  public ReadOnlyStringProperty sqlProperty() { return sql.getReadOnlyProperty(); }
  /** The cost of the query in words, known before it runs. */
  public ReadOnlyStringProperty costProperty() { return cost.getReadOnlyProperty(); }
  public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
  /** True once the SQL of the current date has been shown. */
  public ReadOnlyBooleanProperty previewedProperty() { return previewed.getReadOnlyProperty(); }
  public ObservableList<String> columns() { return columns; }
  public ObservableList<List<String>> rows() { return rows; }
}
