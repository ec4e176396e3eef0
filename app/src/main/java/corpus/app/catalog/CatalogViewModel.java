package corpus.app.catalog;

import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.indexer.catalog.CatalogReader;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog's life in the app: opening it at start-up, or building it in the background with
 * progress and Cancel when there is none yet, and a retry after a failure or a cancel. When it is
 * {@link State#READY}, {@link #catalogProperty()} holds the open catalog.
 */
public final class CatalogViewModel {

  /** Where the catalog is in its life. */
  public enum State {
    OPENING,
    BUILDING,
    READY,
    CANCELLED,
    FAILED
  }

  private static final Logger LOG = LoggerFactory.getLogger(CatalogViewModel.class);

  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.OPENING);
  private final ReadOnlyObjectWrapper<CatalogReader> catalog =
      new ReadOnlyObjectWrapper<>(this, "catalog");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final CatalogLoader loader;
  private final TaskExecutor executor;
  private TaskHandle<Opened> build;

  /** An opened catalog with its size, counted off the UI thread. */
  private record Opened(CatalogReader reader, long tables) {}

  public CatalogViewModel(CatalogLoader loader, TaskExecutor executor) {
    this.loader = loader;
    this.executor = executor;
  }

  /** Opens the catalog, building it first when there is none. */
  public void start() {
    state.set(State.OPENING);
    message.set("Opening the catalog…");
    Tasks.create(loader::exists)
        .onSuccess(exists -> {
          if (exists) {
            open();
          } else {
            build();
          }
        })
        .onError(Exception.class, e -> failed("The catalog folder could not be read.", e))
        .runOn(executor);
  }

  private void open() {
    Tasks.create(() -> opened(loader.open()))
        .onSuccess(this::ready)
        .onError(Exception.class, e -> failed(
            "The catalog could not be opened. Rebuild it from the sample to continue.", e))
        .runOn(executor);
  }

  /**
   * Opens the catalog again after it was updated on disk, keeping the current one on screen until
   * the new one is open.
   */
  public void reload() {
    if (state.get() == State.BUILDING) {
      return;
    }
    open();
  }

  /** Builds the catalog from its sources in the background, replacing the current one. */
  public void build() {
    if (build != null && build.runningProperty().get()) {
      return;
    }
    state.set(State.BUILDING);
    message.set("Building the sample catalog…");
    progress.set(-1);
    build =
        Tasks.withProgress(listener -> opened(loader.build(listener)))
            .onSuccess(this::ready)
            .onCancelled(() -> {
              message.set("Building the catalog was cancelled. Build it again when you are ready.");
              state.set(State.CANCELLED);
            })
            .onError(Exception.class, e -> failed("The catalog could not be built.", e))
            .runOn(executor);
    build.progressProperty().addListener((obs, old, now) -> progress.set(now.doubleValue()));
    build.messageProperty().addListener((obs, old, now) -> {
      if (state.get() == State.BUILDING && !now.isBlank()) {
        message.set("Building the sample catalog — " + now);
      }
    });
  }

  /** Stops a running build; the previous catalog, if any, stays as it was. */
  public void cancel() {
    if (build != null) {
      build.cancel();
    }
  }

  private static Opened opened(CatalogReader reader) {
    try {
      return new Opened(reader, reader.tableCount());
    } catch (Exception e) {
      LOG.debug("Could not count tables", e);
      return new Opened(reader, -1);
    }
  }

  private void ready(Opened opened) {
    CatalogReader previous = catalog.get();
    catalog.set(opened.reader());
    if (previous != null) {
      executor.background().execute(() -> closeQuietly(previous));
    }
    state.set(State.READY);
    progress.set(1);
    message.set("");
    status.set(opened.tables() < 0
        ? loader.location()
        : String.format("%,d tables and views · %s", opened.tables(), loader.location()));
    if (previous == null) { // the first catalog of this session: searching has not run in this JVM yet
      executor.background().execute(() -> warmUp(opened.reader()));
    }
  }

  /** The catalog's warm-up, so a person's first search does not run interpreted; its failure is harmless. */
  private static void warmUp(CatalogReader reader) {
    try {
      reader.warmUp();
    } catch (Exception e) { // e.g. closed meanwhile: a later search says what is wrong
      LOG.debug("Could not warm up the catalog", e);
    }
  }

  private void failed(String text, Exception e) {
    LOG.error(text, e);
    message.set(text + reason(e));
    state.set(State.FAILED);
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? "" : " (" + m + ")";
  }

  /** Closes the open catalog; the app calls this when it quits. */
  public void close() {
    cancel();
    closeQuietly(catalog.get());
    catalog.set(null);
  }

  private static void closeQuietly(CatalogReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (Exception e) {
      LOG.warn("Could not close the catalog", e);
    }
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<CatalogReader> catalogProperty() {
    return catalog.getReadOnlyProperty();
  }

  /** Build progress 0..1, or -1 while unknown. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** What is happening, or what went wrong, in words for the user. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The open catalog in one line, for the status bar. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
