package corpus.app.workbench;

import corpus.app.task.Debouncer;
import corpus.app.task.TaskExecutor;
import corpus.app.task.Tasks;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.model.TableId;
import corpus.indexer.warehouse.QueryHistory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query workbench: its tabs, the session (catalog warehouse and query history) they estimate and run
 * against, the guardrails they share, the history of runs and the spend per day. The session is opened in the
 * background the first time the workbench is shown, and again when the catalog changes.
 */
public final class WorkbenchViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(WorkbenchViewModel.class);
  private static final int HISTORY_SIZE = 200;
  static final int SPEND_DAYS = 14;

  private final ObjectProperty<CatalogReader> catalog = new SimpleObjectProperty<>(this, "catalog");
  private final ReadOnlyObjectWrapper<WorkbenchSession> session = new ReadOnlyObjectWrapper<>(this, "session");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ObservableList<QueryTabViewModel> tabs = FXCollections.observableArrayList();
  private final ObjectProperty<QueryTabViewModel> selected = new SimpleObjectProperty<>(this, "selected");
  private final ObservableList<QueryHistory.Entry> history = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Map<LocalDate, Double>> spend = new ReadOnlyObjectWrapper<>(this, "spend",
      Map.of());
  private final Guardrails guardrails = new Guardrails();

  private final TaskExecutor executor;
  private final Supplier<Debouncer> debouncers;
  private final WorkbenchConnector connector;
  private final Clock clock;
  private final List<java.util.function.Consumer<WorkbenchSession>> whenOpen = new java.util.ArrayList<>();
  private boolean opening;
  private boolean wanted;
  private int tabCounter;

  /** @param debouncers one debouncer per tab (as-you-type estimates) */
  public WorkbenchViewModel(TaskExecutor executor, Supplier<Debouncer> debouncers, WorkbenchConnector connector,
      Clock clock) {
    this.executor = executor;
    this.debouncers = debouncers;
    this.connector = connector;
    this.clock = clock;
    catalog.addListener((obs, old, reader) -> {
      closeSession();
      if (wanted && reader != null) {
        open();
      }
    });
  }

  /** Opens the session when it is not open yet; the workbench calls this when it is shown. */
  public void open() {
    wanted = true;
    if (tabs.isEmpty() && catalog.get() != null) {
      newTab("");
    }
    openSession();
  }

  private void openSession() {
    if (session.get() != null || opening) {
      return;
    }
    CatalogReader reader = catalog.get();
    if (reader == null) {
      status.set("The catalog is not open yet.");
      return;
    }
    opening = true;
    status.set("Opening the warehouse…");
    Tasks.create(() -> {
      WorkbenchSession s = connector.open(reader);
      // loads the SQL parser's native library now: an as-you-type estimate cancelled while it loads would
      // interrupt the load and leave the parser unusable for the life of the process
      s.estimate("SELECT 1");
      return s;
    })
        .onSuccess(s -> {
          if (reader != catalog.get()) {
            closeQuietly(s);
            return;
          }
          session.set(s);
          status.set("Estimates against the " + s.description());
          runWhenOpen(s);
          tabs.forEach(QueryTabViewModel::estimateNow);
          refreshHistory();
        })
        .onError(Exception.class, e -> {
          LOG.warn("The workbench could not open the warehouse: {}", e.toString());
          status.set("The warehouse could not be opened: " + e.getMessage());
          runWhenOpen(null);
        })
        .andFinally(() -> opening = false)
        .runOn(executor);
  }

  private void runWhenOpen(WorkbenchSession s) {
    List<java.util.function.Consumer<WorkbenchSession>> waiting = List.copyOf(whenOpen);
    whenOpen.clear();
    waiting.forEach(w -> w.accept(s));
  }

  /** Calls {@code action} with the session once it is open (null when it cannot be opened). */
  void withSession(java.util.function.Consumer<WorkbenchSession> action) {
    if (session.get() != null) {
      action.accept(session.get());
      return;
    }
    whenOpen.add(action);
    if (catalog.get() == null) {
      runWhenOpen(null);
      return;
    }
    openSession();
  }

  /** Adds a tab holding {@code sql} and selects it. */
  public QueryTabViewModel newTab(String sql) {
    QueryTabViewModel tab = new QueryTabViewModel("Query " + (++tabCounter), executor, debouncers.get(),
        session.getReadOnlyProperty(), guardrails, t -> refreshHistory(), clock);
    tabs.add(tab);
    tab.sqlProperty().set(sql);
    selected.set(tab);
    return tab;
  }

  /** Opens a new tab with the query "Query this table" starts from. */
  public void queryTable(TableId id) {
    CatalogReader reader = catalog.get();
    if (reader == null) {
      return;
    }
    Tasks.create(() -> reader.table(id))
        .onSuccess(table -> {
          QueryTabViewModel tab = newTab(table.map(QueryTemplates::select)
              .orElse("SELECT *\nFROM `" + id + "`\nLIMIT 100\n"));
          tab.titleProperty().set(id.table());
          open();
        })
        .onError(Exception.class, e -> status.set("The table " + id + " could not be read from the catalog."))
        .runOn(executor);
  }

  /** Opens a past query in a new tab. */
  public void reopen(QueryHistory.Entry entry) {
    newTab(entry.sql());
  }

  public void closeTab(QueryTabViewModel tab) {
    tab.dispose();
    tabs.remove(tab);
    if (selected.get() == tab) {
      selected.set(tabs.isEmpty() ? null : tabs.getLast());
    }
  }

  /** Reads the history and the spend per day again, in the background. */
  public void refreshHistory() {
    WorkbenchSession s = session.get();
    if (s == null) {
      return;
    }
    record Snapshot(List<QueryHistory.Entry> recent, Map<LocalDate, Double> spend) {}
    Tasks.create(() -> new Snapshot(s.recent(HISTORY_SIZE), s.spendPerDay(SPEND_DAYS)))
        .onSuccess(snapshot -> {
          history.setAll(snapshot.recent());
          spend.set(snapshot.spend());
        })
        .onError(Exception.class, e -> LOG.warn("The query history could not be read: {}", e.toString()))
        .runOn(executor);
  }

  /** Cancels every tab's work and closes the session. */
  public void close() {
    tabs.forEach(QueryTabViewModel::dispose);
    closeSession();
  }

  private void closeSession() {
    WorkbenchSession s = session.get();
    session.set(null);
    if (s != null) {
      Tasks.create(() -> {
        s.close();
        return s;
      }).onError(Exception.class, e -> LOG.warn("Closing the warehouse failed: {}", e.toString())).runOn(executor);
    }
  }

  private static void closeQuietly(WorkbenchSession s) {
    try {
      s.close();
    } catch (Exception e) {
      LOG.warn("Closing the warehouse failed: {}", e.toString());
    }
  }

  public ObjectProperty<CatalogReader> catalogProperty() { return catalog; }
  public ReadOnlyObjectProperty<WorkbenchSession> sessionProperty() { return session.getReadOnlyProperty(); }
  /** What the workbench is connected to, or why it is not. */
  public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
  public ObservableList<QueryTabViewModel> tabs() { return tabs; }
  public ObjectProperty<QueryTabViewModel> selectedProperty() { return selected; }
  /** Past runs, newest first. */
  public ObservableList<QueryHistory.Entry> history() { return history; }
  /** Dollars billed per day over the last two weeks, oldest first. */
  public ReadOnlyObjectProperty<Map<LocalDate, Double>> spendProperty() { return spend.getReadOnlyProperty(); }
  public Guardrails guardrails() { return guardrails; }
}
