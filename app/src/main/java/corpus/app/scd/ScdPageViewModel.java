package corpus.app.scd;

import corpus.app.Navigator;
import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.model.TableId;
import corpus.indexer.scd.KeyVerifier;
import corpus.indexer.scd.QueryRunner;
import corpus.indexer.scd.ScdCatalog;
import corpus.indexer.scd.ScdHealthCheck;
import java.time.Clock;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCD page of one table: recognises it from the catalog (off the UI thread), then hands it to
 * its three tabs — {@link EntityHistoryViewModel}, {@link AsOfViewModel} and {@link
 * HealthCheckViewModel}. {@link #openRow} goes from an as-of row to that entity's history.
 */
public final class ScdPageViewModel {

  /** The page's tabs. */
  public enum Section {
    HISTORY,
    AS_OF,
    HEALTH
  }

  /** What the page shows. */
  public enum State {
    EMPTY,
    LOADING,
    READY,
    NOT_SCD,
    FAILED
  }

  private static final Logger LOG = LoggerFactory.getLogger(ScdPageViewModel.class);

  private final ObjectProperty<CatalogReader> catalog = new SimpleObjectProperty<>(this, "catalog");
  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
  private final ReadOnlyObjectWrapper<TableId> tableId = new ReadOnlyObjectWrapper<>(this, "tableId");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.HISTORY);
  private final Navigator navigator;
  private final TaskExecutor executor;
  private final WarehouseConnector warehouse;
  private final Clock clock;
  private final EntityHistoryViewModel history;
  private final AsOfViewModel asOf;
  private final HealthCheckViewModel health;
  private TaskHandle<?> loading;
  private long generation;

  public ScdPageViewModel(TaskExecutor executor, Navigator navigator, WarehouseConnector warehouse, Clock clock) {
    this.executor = executor;
    this.navigator = navigator;
    this.warehouse = warehouse;
    this.clock = clock;
    this.history = new EntityHistoryViewModel(executor, warehouse, clock);
    this.asOf = new AsOfViewModel(executor, warehouse, clock);
    this.health = new HealthCheckViewModel(executor, warehouse, clock);
  }

  /** Shows the SCD page of a table at the given tab. */
  public void load(TableId id, Section at) {
    section.set(at);
    if (id.equals(tableId.get()) && state.get() == State.READY) {
      return;
    }
    if (loading != null) {
      loading.cancel();
    }
    long current = ++generation;
    tableId.set(id);
    summary.set("");
    CatalogReader reader = catalog.get();
    if (reader == null) {
      fail(State.FAILED, "The catalog is not open yet.");
      return;
    }
    state.set(State.LOADING);
    loading = Tasks.create(() -> verified(new ScdCatalog(reader, warehouse.names()).recognise(id)))
        .onSuccess(r -> {
          if (current == generation) {
            show(id, r);
          }
        })
        .onError(Exception.class, e -> {
          LOG.warn("Could not read table {}", id, e);
          fail(State.FAILED, "The table could not be read from the catalog.");
        })
        .runOn(executor);
  }

  /**
   * An inferred key checked against the data (and narrowed to its unique leading part) before the
   * page asks for key values; declared keys are shown as written. Without a warehouse, as inferred.
   */
  private Optional<ScdCatalog.Recognised> verified(Optional<ScdCatalog.Recognised> r) {
    if (r.isEmpty() || r.get().scd().key().source().declared() || r.get().scd().key().columns().isEmpty()) {
      return r;
    }
    try (QueryRunner runner = warehouse.open()) {
      return Optional.of(new ScdCatalog.Recognised(r.get().table(),
          new KeyVerifier(runner, ScdHealthCheck.farFuture(clock)).verify(r.get().scd())));
    } catch (Exception e) {
      LOG.info("Inferred key of {} not verified: {}", r.get().scd().id(), ScdMessages.of(e));
      return r;
    }
  }

  private void show(TableId id, Optional<ScdCatalog.Recognised> recognised) {
    if (recognised.isEmpty()) {
      fail(State.NOT_SCD, id + " is not a slowly changing dimension: it has no valid-from and valid-to columns.");
      return;
    }
    summary.set(recognised.get().scd().summary() + " · gaps " + recognised.get().scd().gaps().words());
    error.set("");
    history.setTable(recognised.get());
    asOf.setTable(recognised.get());
    health.setTable(recognised.get());
    state.set(State.READY);
  }

  private void fail(State s, String message) {
    error.set(message);
    state.set(s);
  }

  /** Opens the entity history of a row of the as-of view. */
  public void openRow(java.util.List<String> columns, java.util.List<String> values) {
    section.set(Section.HISTORY);
    history.showRow(columns, values);
  }

  /** Back to the table page. */
  public void back() {
    history.cancel();
    asOf.cancel();
    health.cancel();
    navigator.back();
  }

  public ObjectProperty<CatalogReader> catalogProperty() { return catalog; }
  public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<TableId> tableIdProperty() { return tableId.getReadOnlyProperty(); }
  /** "SCD type 2 · key: track_id · gaps allowed". */
  public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
  public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
  /** The selected tab. */
  public ObjectProperty<Section> sectionProperty() { return section; }
  public EntityHistoryViewModel history() { return history; }
  public AsOfViewModel asOf() { return asOf; }
  public HealthCheckViewModel health() { return health; }
}
