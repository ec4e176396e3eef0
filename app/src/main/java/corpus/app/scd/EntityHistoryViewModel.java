package corpus.app.scd;

import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.indexer.scd.EntityHistory;
import corpus.indexer.scd.EntityHistoryReader;
import corpus.indexer.scd.QueryRunner;
import corpus.indexer.scd.ScdCatalog;
import corpus.indexer.scd.ScdHealthCheck;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entity history tab: one input per key column, {@link #show()} reads the versions of the
 * entity those values name (part of the key gives one lane per remaining key, e.g. per territory)
 * with a bounded query in the background; the result drives the versions table and the timeline.
 */
public final class EntityHistoryViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(EntityHistoryViewModel.class);

  private final TaskExecutor executor;
  private final WarehouseConnector warehouse;
  private final Clock clock;
  private final ObservableList<KeyField> keyFields = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<EntityHistory> history = new ReadOnlyObjectWrapper<>(this, "history");
  private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper(this, "sql", "");
  private final ReadOnlyStringWrapper cost = new ReadOnlyStringWrapper(this, "cost", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private ScdCatalog.Recognised table;
  private TaskHandle<?> task;

  public EntityHistoryViewModel(TaskExecutor executor, WarehouseConnector warehouse, Clock clock) {
    this.executor = executor;
    this.warehouse = warehouse;
    this.clock = clock;
  }

  /** Prepares the inputs for a newly shown table. */
  void setTable(ScdCatalog.Recognised recognised) {
    cancel();
    table = recognised;
    keyFields.setAll(recognised.scd().key().columns().stream().map(KeyField::new).toList());
    history.set(null);
    sql.set("");
    cost.set("");
    message.set(recognised.scd().key().columns().isEmpty()
        ? "The key of this table is unknown; declare it (see docs/scd.md)."
        : "Type a value for " + recognised.scd().key().columns().getFirst() + " and press Show history.");
  }

  /** Fills the key inputs from a row of the table (columns and values as shown) and shows its history. */
  public void showRow(List<String> columns, List<String> values) {
    for (KeyField k : keyFields) {
      int i = columns.indexOf(k.column());
      k.valueProperty().set(i < 0 || values.get(i) == null ? "" : values.get(i));
    }
    show();
  }

  /** Reads the versions of the entity the key inputs name (blank inputs are left out). */
  public void show() {
    if (table == null) {
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    keyFields.stream().filter(k -> !k.valueProperty().get().isBlank())
        .forEach(k -> values.put(k.column(), k.valueProperty().get().strip()));
    if (values.isEmpty()) {
      message.set("Type a value for at least one key column.");
      return;
    }
    cancel();
    ScdCatalog.Recognised t = table;
    running.set(true);
    message.set("Reading the versions…");
    String farFuture = ScdHealthCheck.farFuture(clock);
    task = Tasks.create(() -> {
      try (QueryRunner runner = warehouse.open()) {
        EntityHistoryReader reader = new EntityHistoryReader(runner, farFuture);
        // estimated with the workbench's rules (a dry run on BigQuery) before the query runs
        String query = reader.sql(t.scd(), t.table(), values, EntityHistoryReader.DEFAULT_LIMIT + 1);
        String costText = ScdCosts.describe(runner.estimateBytes(query), runner.description());
        return new Read(reader.read(t.scd(), t.table(), values, EntityHistoryReader.DEFAULT_LIMIT), costText);
      }
    })
        .onSuccess(read -> {
          EntityHistory h = read.history();
          cost.set(read.cost());
          history.set(h);
          sql.set(h.sql());
          message.set(h.lanes().isEmpty() ? "No versions match " + describe(values) + "."
              : h.versionCount() + " version(s) in " + h.lanes().size() + " lane(s)" + (h.truncated() ? " (first "
                  + EntityHistoryReader.DEFAULT_LIMIT + " only)" : "") + ".");
        })
        .onError(IllegalArgumentException.class, e -> message.set(e.getMessage()))
        .onError(WarehouseConnector.NotConnectedException.class, e -> message.set(e.getMessage()))
        .onError(Exception.class, e -> {
          LOG.warn("Could not read the history of an entity of {}", t.scd().id(), e);
          message.set("The history could not be read: " + ScdMessages.of(e));
        })
        .andFinally(() -> running.set(false))
        .runOn(executor);
  }

  private record Read(EntityHistory history, String cost) {}

  private static String describe(Map<String, String> values) {
    return String.join(", ", values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList());
  }

  /** Stops a running query. */
  public void cancel() {
    if (task != null) {
      task.cancel();
      task = null;
    }
  }

  public ObservableList<KeyField> keyFields() { return keyFields; }
  public ReadOnlyObjectProperty<EntityHistory> historyProperty() { return history.getReadOnlyProperty(); }
  /** The SQL that read the shown versions. */
  public ReadOnlyStringProperty sqlProperty() { return sql.getReadOnlyProperty(); }
  public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
  /** What the history query processes by BigQuery's on-demand rules, estimated before it ran. */
  public ReadOnlyStringProperty costProperty() { return cost.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
}
