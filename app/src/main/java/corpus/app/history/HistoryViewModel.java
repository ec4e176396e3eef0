package corpus.app.history;

import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.indexer.history.Change;
import corpus.indexer.history.EntityState;
import corpus.indexer.history.EntityVersion;
import corpus.indexer.history.StateDiff;
import corpus.indexer.model.TableId;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The History tab of a table page: the versions the catalog recorded for the table (one per crawl
 * that changed it) and a readable diff between any two, by default the latest change.
 */
public final class HistoryViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryViewModel.class);

  private final TaskExecutor executor;
  private final HistoryStore store;
  private final ObservableList<EntityVersion> versions = FXCollections.observableArrayList();
  private final ObjectProperty<EntityVersion> from = new SimpleObjectProperty<>(this, "from");
  private final ObjectProperty<EntityVersion> to = new SimpleObjectProperty<>(this, "to");
  private final ObservableList<Change> changes = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private TaskHandle<?> loading;
  private TableId loaded;

  public HistoryViewModel(TaskExecutor executor, HistoryStore store) {
    this.executor = executor;
    this.store = store;
    from.addListener((o, a, b) -> compare());
    to.addListener((o, a, b) -> compare());
  }

  /** Reads the recorded versions of a table (again, when {@code reload}). */
  public void load(TableId id, boolean reload) {
    if (id.equals(loaded) && !reload) {
      return;
    }
    if (loading != null) {
      loading.cancel();
    }
    loaded = id;
    versions.clear();
    changes.clear();
    message.set("Reading the history…");
    loading = Tasks.create(() -> store.versions(id.toString()))
        .onSuccess(this::show)
        .onError(Exception.class, e -> {
          LOG.warn("Could not read the catalog history of {}", id, e);
          message.set("The history could not be read: " + e.getMessage());
        })
        .runOn(executor);
  }

  private void show(List<EntityVersion> found) {
    versions.setAll(found);
    if (found.isEmpty()) {
      message.set("No history recorded yet: each crawl of the catalog (corpus index) records what changed.");
      from.set(null);
      to.set(null);
      return;
    }
    message.set(found.size() == 1 ? "One version: nothing has changed since the first recorded crawl."
        : found.size() + " versions recorded.");
    to.set(found.getLast());
    from.set(found.size() > 1 ? found.get(found.size() - 2) : null);
    compare();
  }

  /** Diffs the selected versions; with no "from", what the "to" version introduced. */
  private void compare() {
    EntityVersion b = to.get();
    if (b == null) {
      changes.clear();
      return;
    }
    EntityVersion a = from.get();
    if (a == null) {
      int i = versions.indexOf(b);
      a = i > 0 ? versions.get(i - 1) : null;
    }
    changes.setAll(StateDiff.between(state(a), state(b)));
  }

  private static EntityState state(EntityVersion v) {
    return v == null || v.deleted() ? null : v.state();
  }

  /** "v2 · 2026-11-22 10:15 UTC · current", for lists and pickers. */
  public static String label(EntityVersion v) {
    String when = v.validFrom().toString().replace('T', ' ');
    when = when.length() > 16 ? when.substring(0, 16) + " UTC" : when;
    return "v" + v.number() + " · " + when + (v.current() ? " · current" : "") + (v.deleted() ? " · removed" : "");
  }

  public ObservableList<EntityVersion> versions() { return versions; }
  /** The older version of the comparison (null: the one before {@link #toProperty()}). */
  public ObjectProperty<EntityVersion> fromProperty() { return from; }
  public ObjectProperty<EntityVersion> toProperty() { return to; }
  /** What changed between the two selected versions. */
  public ObservableList<Change> changes() { return changes; }
  public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
