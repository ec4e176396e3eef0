package corpus.app.search;

import corpus.app.Navigator;
import corpus.app.task.Debouncer;
import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.search.SearchRequest;
import corpus.indexer.search.SearchResponse;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and behaviour of the search page: the query, the result cards, the selected card and the
 * status line. Searches run as the query changes (through the debouncer), off the UI thread; a
 * newer query cancels an older search and its results are never shown.
 */
public final class SearchViewModel {

  /** What the results area shows. */
  public enum State {
    WAITING_FOR_CATALOG,
    EMPTY_QUERY,
    SEARCHING,
    RESULTS,
    NO_RESULTS,
    FAILED
  }

  static final int LIMIT = 50;

  /** Queries the empty state offers to teach what search can do. */
  public static final List<String> EXAMPLES =
      List.of("creator plays per day", "email", "royalties", "valid_from", "ip address");

  private static final Logger LOG = LoggerFactory.getLogger(SearchViewModel.class);

  private final StringProperty query = new SimpleStringProperty(this, "query", "");
  private final ObservableList<ResultItem> results = FXCollections.observableArrayList();
  private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.WAITING_FOR_CATALOG);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper didYouMean = new ReadOnlyStringWrapper(this, "didYouMean");
  private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
  private final ObjectProperty<CatalogReader> catalog = new SimpleObjectProperty<>(this, "catalog");
  private final ObservableList<String> drillDowns = FXCollections.observableArrayList();

  private final TaskExecutor executor;
  private final Debouncer debouncer;
  private final Navigator navigator;
  private TaskHandle<SearchResponse> running;
  private long searchGeneration;

  public SearchViewModel(TaskExecutor executor, Debouncer debouncer, Navigator navigator) {
    this.executor = executor;
    this.debouncer = debouncer;
    this.navigator = navigator;
    query.addListener((obs, old, now) -> debouncer.submit(this::search));
    catalog.addListener((obs, old, now) -> search());
    drillDowns.addListener((ListChangeListener<String>) change -> search());
  }

  /** Runs the current query now; results replace the shown ones when it finishes. */
  public void search() {
    debouncer.cancel();
    searchGeneration++;
    if (running != null) {
      running.cancel();
      running = null;
    }
    CatalogReader reader = catalog.get();
    String text = query.get() == null ? "" : query.get().strip();
    if (reader == null) {
      state.set(State.WAITING_FOR_CATALOG);
      return;
    }
    if (text.isEmpty()) {
      showEmpty();
      return;
    }
    SearchRequest request = new SearchRequest(text, LIMIT, List.copyOf(drillDowns));
    searching.set(true);
    if (results.isEmpty()) {
      state.set(State.SEARCHING);
    }
    long generation = ++searchGeneration;
    running =
        Tasks.create(() -> reader.search(request))
            .onSuccess(this::show)
            .onError(Exception.class, e -> fail(text, e))
            .andFinally(
                () -> {
                  if (generation == searchGeneration) {
                    searching.set(false);
                  }
                })
            .runOn(executor);
  }

  private void show(SearchResponse response) {
    results.setAll(ResultRollup.cards(response.hits()));
    selectedIndex.set(results.isEmpty() ? -1 : 0);
    didYouMean.set(response.didYouMean());
    state.set(results.isEmpty() ? State.NO_RESULTS : State.RESULTS);
    status.set(statusLine(response));
  }

  private void fail(String text, Exception e) {
    LOG.warn("Search for '{}' failed", text, e);
    results.clear();
    selectedIndex.set(-1);
    state.set(State.FAILED);
    status.set("The search could not be run. Try again, or rebuild the catalog.");
  }

  private void showEmpty() {
    results.clear();
    selectedIndex.set(-1);
    didYouMean.set(null);
    searching.set(false);
    status.set("");
    state.set(State.EMPTY_QUERY);
  }

  static String statusLine(SearchResponse response) {
    long n = response.total();
    return String.format("%,d result%s in %d ms", n, n == 1 ? "" : "s", response.tookMs());
  }

  /** Moves the selection one card down, stopping at the last. */
  public void selectNext() {
    if (!results.isEmpty()) {
      selectedIndex.set(Math.min(results.size() - 1, selectedIndex.get() + 1));
    }
  }

  /** Moves the selection one card up, stopping at the first. */
  public void selectPrevious() {
    if (!results.isEmpty()) {
      selectedIndex.set(Math.max(0, selectedIndex.get() - 1));
    }
  }

  /** Opens the selected card: a table page, or a design document. */
  public void openSelected() {
    int i = selectedIndex.get();
    if (i >= 0 && i < results.size()) {
      open(results.get(i));
    }
  }

  /** Opens a card: tables and docs open their page; a dataset narrows the search to itself. */
  public void open(ResultItem item) {
    if ("dataset".equals(item.kind())) {
      String dataset = item.id().substring(item.id().indexOf('.') + 1);
      useQuery("dataset:" + dataset);
    } else if (item.canOpen()) {
      navigator.go(item.place());
    }
  }

  /** Empties the search box and the results. */
  public void clear() {
    query.set("");
    search();
  }

  /** Replaces the query with a suggestion, e.g. the "did you mean" text or an example. */
  public void useQuery(String text) {
    query.set(text);
    search();
  }

  public StringProperty queryProperty() {
    return query;
  }

  public ObservableList<ResultItem> results() {
    return results;
  }

  public IntegerProperty selectedIndexProperty() {
    return selectedIndex;
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty didYouMeanProperty() {
    return didYouMean.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty searchingProperty() {
    return searching.getReadOnlyProperty();
  }

  /** The catalog to search; null while it is being opened or built. */
  public ObjectProperty<CatalogReader> catalogProperty() {
    return catalog;
  }

  /** Facet drill-downs ({@code dimension=value}) applied to every search; the facet sidebar edits them. */
  public ObservableList<String> drillDowns() {
    return drillDowns;
  }
}
