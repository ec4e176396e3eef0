package corpus.app.search;

import corpus.app.Navigator;
import corpus.app.task.Debouncer;
import corpus.app.task.TaskExecutor;
import corpus.app.task.TaskHandle;
import corpus.app.task.Tasks;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.search.SearchRequest;
import corpus.indexer.search.SearchResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * State and behaviour of the search page: the query, the chosen facets and sort order, the result
 * cards, the selected card, the facet sidebar and the status line. Searches run as the query
 * changes (through the debouncer), off the UI thread; a newer query cancels an older search and its
 * results are never shown. With an empty query and no facet chosen the page teaches instead of
 * listing, and the sidebar shows the whole catalog's facets to browse by.
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

  /** One search's answer with its cards in the order asked for (with facts when the order shows them). */
  private record Page(SearchResponse response, List<ResultItem> cards, SortOrder order) {}

  private final StringProperty query = new SimpleStringProperty(this, "query", "");
  private final ObservableList<ResultItem> results = FXCollections.observableArrayList();
  private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.WAITING_FOR_CATALOG);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper resultsQuery = new ReadOnlyStringWrapper(this, "resultsQuery", "");
  private final ReadOnlyStringWrapper sortNote = new ReadOnlyStringWrapper(this, "sortNote", "");
  private final ReadOnlyStringWrapper didYouMean = new ReadOnlyStringWrapper(this, "didYouMean");
  private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
  private final ObjectProperty<CatalogReader> catalog = new SimpleObjectProperty<>(this, "catalog");
  private final ObjectProperty<SortOrder> sortOrder = new SimpleObjectProperty<>(this, "sortOrder", SortOrder.RELEVANCE);
  private final ObservableList<String> drillDowns = FXCollections.observableArrayList();
  private final ObservableList<FacetGroup> facetGroups = FXCollections.observableArrayList();

  private final TaskExecutor executor;
  private final Debouncer debouncer;
  private final Navigator navigator;
  private final CompletionViewModel completion;
  private TaskHandle<Page> running;
  private long searchGeneration;
  private Page page;
  private Map<String, Map<String, Long>> facets = Map.of();
  private Map<String, Map<String, Long>> catalogFacets = Map.of();

  public SearchViewModel(TaskExecutor executor, Debouncer debouncer, Navigator navigator) {
    this.executor = executor;
    this.debouncer = debouncer;
    this.navigator = navigator;
    this.completion = new CompletionViewModel(executor, catalog::get, this::knownFacetValues);
    query.addListener((obs, old, now) -> {
      completion.update(now);
      debouncer.submit(this::search);
    });
    catalog.addListener((obs, old, now) -> search());
    drillDowns.addListener((ListChangeListener<String>) change -> search());
    sortOrder.addListener((obs, old, now) -> resort(old, now));
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
    boolean browsing = text.isEmpty() && drillDowns.isEmpty();
    if (browsing) {
      showEmpty();
    }
    SortOrder order = sortOrder.get();
    SearchRequest request = new SearchRequest(text, LIMIT, List.copyOf(drillDowns)).withOrder(order.engineOrder());
    searching.set(!browsing);
    if (results.isEmpty() && !browsing) {
      state.set(State.SEARCHING);
    }
    long generation = ++searchGeneration;
    running =
        Tasks.create(() -> load(reader, request, order))
            .onSuccess(loaded -> {
              if (browsing) {
                catalogFacets = loaded.response().facets();
                showFacets(loaded.response());
              } else {
                show(loaded);
              }
            })
            .onError(Exception.class, e -> fail(text, browsing, e))
            .andFinally(
                () -> {
                  if (generation == searchGeneration) {
                    searching.set(false);
                  }
                })
            .runOn(executor);
  }

  /** The background part of a search: the engine's answer rolled up into cards. */
  private static Page load(CatalogReader reader, SearchRequest request, SortOrder order) throws Exception {
    SearchResponse response = reader.search(request);
    List<ResultItem> cards = ResultRollup.cards(response.hits());
    if (order.needsFacts()) {
      cards = CardFactsLoader.withFacts(reader, cards);
    }
    return new Page(response, cards, order);
  }

  private void show(Page loaded) {
    page = loaded;
    SearchResponse response = loaded.response();
    showFacets(response);
    results.setAll(loaded.cards()); // in the engine's order: relevance, or a sort of every match
    selectedIndex.set(results.isEmpty() ? -1 : 0);
    didYouMean.set(response.didYouMean());
    state.set(results.isEmpty() ? State.NO_RESULTS : State.RESULTS);
    status.set(statusLine(response));
    sortNote.set(sortNote(response, loaded.order()));
    resultsQuery.set(response.query());
  }

  private void showFacets(SearchResponse response) {
    if (response.total() > 0) {
      facets = response.facets(); // a half-typed filter matching nothing keeps the older values
    }
    facetGroups.setAll(FacetGroups.build(response.facets(), drillDowns));
  }

  /** Filter values to complete from: the last search's facets, then the whole catalog's. */
  private Map<String, Map<String, Long>> knownFacetValues() {
    Map<String, Map<String, Long>> known = new LinkedHashMap<>();
    for (Map<String, Map<String, Long>> source : List.of(facets, catalogFacets)) {
      source.forEach((dim, values) -> values.forEach(
          (value, count) -> known.computeIfAbsent(dim, d -> new LinkedHashMap<>()).putIfAbsent(value, count)));
    }
    return known;
  }

  /** Searches again in the new order: a sort covers every match, so the engine sorts, not the page. */
  private void resort(SortOrder old, SortOrder now) {
    if (page == null || state.get() != State.RESULTS || old == now) {
      return;
    }
    search();
  }

  private void fail(String text, boolean browsing, Exception e) {
    LOG.warn("Search for '{}' failed", text, e);
    if (browsing) {
      return; // the empty state still teaches; only the browsing facets are missing
    }
    page = null;
    results.clear();
    selectedIndex.set(-1);
    state.set(State.FAILED);
    status.set("The search could not be run. Try again, or rebuild the catalog.");
  }

  private void showEmpty() {
    page = null;
    results.clear();
    selectedIndex.set(-1);
    didYouMean.set(null);
    searching.set(false);
    status.set("");
    sortNote.set("");
    resultsQuery.set("");
    state.set(State.EMPTY_QUERY);
  }

  static String statusLine(SearchResponse response) {
    long n = response.total();
    return String.format("%,d result%s in %d ms", n, n == 1 ? "" : "s", response.tookMs());
  }

  /** Says that a sort covers every match when there are more than one page shows. */
  static String sortNote(SearchResponse response, SortOrder order) {
    if (order == SortOrder.RELEVANCE || response.total() <= response.hits().size()) {
      return "";
    }
    return String.format(Locale.ROOT, "all %s%,d results by %s, first %d shown", response.approximate() ? "about " : "",
        response.total(), order.label().toLowerCase(Locale.ROOT), response.hits().size());
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
    completion.dismiss();
    if ("dataset".equals(item.kind())) {
      String dataset = item.id().substring(item.id().indexOf('.') + 1);
      useQuery("dataset:" + dataset);
    } else if (item.canOpen()) {
      navigator.go(item.place());
    }
  }

  /** Checks or unchecks a facet value: the search then narrows to (or widens from) it. */
  public void toggle(FacetValue value) {
    if (drillDowns.contains(value.drillDown())) {
      drillDowns.remove(value.drillDown());
    } else {
      drillDowns.add(value.drillDown());
    }
  }

  /** Drops every chosen facet value. */
  public void clearFilters() {
    if (!drillDowns.isEmpty()) {
      drillDowns.clear();
    }
  }

  /** Empties the search box, the chosen facets and the results. */
  public void clear() {
    drillDowns.clear(); // no listener fires when already empty
    query.set("");
    completion.dismiss();
    search();
  }

  /** Replaces the query with a suggestion, e.g. the "did you mean" text or an example. */
  public void useQuery(String text) {
    query.set(text);
    completion.dismiss();
    search();
  }

  /** Takes the completion at the index into the query (e.g. a clicked one). */
  public void acceptCompletion(int index) {
    query.set(completion.accept(query.get(), index)); // a filter key goes on to offer its values
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

  /** The query the shown results answer (it lags the typed one while a search runs). */
  public ReadOnlyStringProperty resultsQueryProperty() {
    return resultsQuery.getReadOnlyProperty();
  }

  /** Empty, or what a non-relevance sort covers when there are more matches than cards. */
  public ReadOnlyStringProperty sortNoteProperty() {
    return sortNote.getReadOnlyProperty();
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

  public ObjectProperty<SortOrder> sortOrderProperty() {
    return sortOrder;
  }

  /** Facet drill-downs ({@code dimension=value}) applied to every search; the facet sidebar edits them. */
  public ObservableList<String> drillDowns() {
    return drillDowns;
  }

  /** The facet sidebar's sections for the current search (or the whole catalog while browsing). */
  public ObservableList<FacetGroup> facetGroups() {
    return facetGroups;
  }

  /** Completions of the word being typed. */
  public CompletionViewModel completion() {
    return completion;
  }
}
