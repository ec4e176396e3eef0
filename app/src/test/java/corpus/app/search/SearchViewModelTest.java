package corpus.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.Navigator;
import corpus.app.Place;
import corpus.app.search.SearchViewModel.State;
import corpus.app.task.Debouncer;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.ManualExecutor;
import corpus.app.testing.SmallCatalog;
import corpus.indexer.catalog.CatalogReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchViewModelTest {

  @TempDir static Path indexDir;
  private static CatalogReader catalog;

  private final Navigator navigator = new Navigator();
  private final SearchViewModel viewModel =
      new SearchViewModel(TaskExecutor.currentThread(), Debouncer.immediate(), navigator);

  @BeforeAll
  static void buildCatalog() throws Exception {
    catalog = SmallCatalog.build(indexDir);
  }

  @AfterAll
  static void closeCatalog() throws Exception {
    catalog.close();
  }

  @Test
  void showsTheMatchingTableWithItsMatchedFieldsAsTheQueryChanges() {
    viewModel.catalogProperty().set(catalog);

    viewModel.queryProperty().set("metric_name");

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.RESULTS);
    ResultItem first = viewModel.results().getFirst();
    assertThat(first.title()).isEqualTo(SmallCatalog.CREATOR_METRICS.toString());
    assertThat(first.matchedFields()).startsWith("actions_received.metric_name");
    assertThat(first.snippet()).isEqualTo("Plays, listeners and actions per creator per day");
    assertThat(first.badges()).contains("published", "partitioned");
    assertThat(viewModel.statusProperty().get()).matches("\\d+ results? in \\d+ ms");
    assertThat(viewModel.selectedIndexProperty().get()).isZero();
  }

  @Test
  void showsEveryTableOnceWhenFieldsAndTableMatch() {
    viewModel.catalogProperty().set(catalog);

    viewModel.queryProperty().set("track");

    assertThat(viewModel.results()).extracting(ResultItem::id).doesNotHaveDuplicates()
        .startsWith(SmallCatalog.TRACKS.toString());
    assertThat(viewModel.results()).filteredOn(r -> r.id().equals(SmallCatalog.TOP_TRACKS.toString()))
        .extracting(ResultItem::kind).containsExactly("view");
  }

  @Test
  void waitsForTheCatalogAndSearchesWhenItOpens() {
    viewModel.queryProperty().set("creator plays per day");
    assertThat(viewModel.stateProperty().get()).isEqualTo(State.WAITING_FOR_CATALOG);

    viewModel.catalogProperty().set(catalog);

    assertThat(viewModel.results()).first().extracting(ResultItem::id)
        .isEqualTo(SmallCatalog.CREATOR_METRICS.toString());
  }

  @Test
  void emptyQueryTeachesInsteadOfShowingResults() {
    viewModel.catalogProperty().set(catalog);
    viewModel.queryProperty().set("track");

    viewModel.clear();

    assertThat(viewModel.queryProperty().get()).isEmpty();
    assertThat(viewModel.results()).isEmpty();
    assertThat(viewModel.stateProperty().get()).isEqualTo(State.EMPTY_QUERY);
    assertThat(viewModel.statusProperty().get()).isEmpty();
  }

  @Test
  void saysSoWhenNothingMatches() {
    viewModel.catalogProperty().set(catalog);

    viewModel.queryProperty().set("zzqqxx");

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.NO_RESULTS);
    assertThat(viewModel.statusProperty().get()).matches("0 results in \\d+ ms");
  }

  @Test
  void arrowKeysMoveTheSelectionWithinTheResults() {
    viewModel.catalogProperty().set(catalog);
    viewModel.queryProperty().set("track");
    int last = viewModel.results().size() - 1;

    viewModel.selectPrevious();
    assertThat(viewModel.selectedIndexProperty().get()).isZero();
    for (int i = 0; i < last + 3; i++) {
      viewModel.selectNext();
    }
    assertThat(viewModel.selectedIndexProperty().get()).isEqualTo(last);
  }

  @Test
  void enterOpensTheSelectedTable() {
    viewModel.catalogProperty().set(catalog);
    viewModel.queryProperty().set("creator plays per day");

    viewModel.openSelected();

    assertThat(navigator.current()).isEqualTo(new Place.Table(SmallCatalog.CREATOR_METRICS));
  }

  @Test
  void docHitsOpenTheirDocument() {
    viewModel.catalogProperty().set(catalog);
    viewModel.queryProperty().set("freshness");
    ResultItem doc = viewModel.results().getFirst();

    viewModel.open(doc);

    assertThat(doc.kind()).isEqualTo("doc");
    assertThat(navigator.current()).isEqualTo(new Place.Doc("creator/daily_creator_metrics.md"));
  }

  @Test
  void aNewerQueryCancelsTheOlderSearchAndItsResultsNeverShow() {
    ManualExecutor background = new ManualExecutor();
    ManualExecutor ui = new ManualExecutor();
    SearchViewModel racing =
        new SearchViewModel(new TaskExecutor(background, ui), Debouncer.immediate(), navigator);
    racing.catalogProperty().set(catalog);

    racing.queryProperty().set("track");
    background.runAll(); // the older search finished; its results wait for the UI thread
    racing.queryProperty().set("metric_name");
    background.runAll();
    ui.runAll();

    assertThat(racing.results()).first().extracting(ResultItem::matchedFields)
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .contains("actions_received.metric_name");
    assertThat(racing.searchingProperty().get()).isFalse();
  }

  @Test
  void aBrokenCatalogGivesAFriendlyStatusNotAStackTrace(@TempDir Path otherDir) throws Exception {
    CatalogReader closed = SmallCatalog.build(otherDir);
    closed.close();
    viewModel.catalogProperty().set(closed);

    viewModel.queryProperty().set("track");

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.FAILED);
    assertThat(viewModel.statusProperty().get())
        .isEqualTo("The search could not be run. Try again, or rebuild the catalog.");
  }
  @Test
  void facetsCountTheMatchesAndCheckingOneNarrowsTheResults() {
    viewModel.catalogProperty().set(catalog);
    viewModel.queryProperty().set("track");
    assertThat(datasets()).containsKeys("catalog");
    int before = viewModel.results().size();

    viewModel.toggle(facet("dataset", "catalog"));

    assertThat(viewModel.drillDowns()).containsExactly("dataset=catalog");
    assertThat(viewModel.results()).isNotEmpty().hasSizeLessThanOrEqualTo(before)
        .allSatisfy(r -> assertThat(r.id()).contains(".catalog."));
    assertThat(facet("dataset", "catalog").selected()).isTrue();
  }

  @Test
  void aCheckedFacetKeepsItsSiblingsCountsSoTheUserCanSwitch() {
    viewModel.catalogProperty().set(catalog);
    viewModel.queryProperty().set("plays");
    Map<String, Long> unfiltered = datasets();
    assertThat(unfiltered).hasSizeGreaterThan(1);

    viewModel.toggle(facet("dataset", "creator"));

    assertThat(datasets()).isEqualTo(unfiltered);
  }

  @Test
  void uncheckingAndClearFiltersWidenTheSearchAgain() {
    viewModel.catalogProperty().set(catalog);
    viewModel.queryProperty().set("track");
    List<String> all = ids();
    viewModel.toggle(facet("dataset", "catalog"));
    viewModel.toggle(facet("kind", "table"));

    viewModel.toggle(facet("kind", "table"));
    assertThat(viewModel.drillDowns()).containsExactly("dataset=catalog");
    viewModel.clearFilters();

    assertThat(viewModel.drillDowns()).isEmpty();
    assertThat(ids()).isEqualTo(all);
  }

  @Test
  void aCheckedValueTheNewQueryDoesNotMatchStaysListedToUncheck() {
    viewModel.catalogProperty().set(catalog);
    viewModel.queryProperty().set("track");
    viewModel.toggle(facet("dataset", "catalog"));

    viewModel.queryProperty().set("metric_name");

    assertThat(facet("dataset", "catalog")).extracting(FacetValue::count, FacetValue::selected)
        .containsExactly(0L, true);
    assertThat(viewModel.stateProperty().get()).isEqualTo(State.NO_RESULTS);
  }

  @Test
  void theEmptyPageOffersTheWholeCatalogsFacetsAndAFacetAloneListsItsTables() {
    viewModel.catalogProperty().set(catalog);

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.EMPTY_QUERY);
    assertThat(datasets()).containsKeys("creator", "catalog", "events");

    viewModel.toggle(facet("dataset", "events"));

    assertThat(viewModel.stateProperty().get()).isEqualTo(State.RESULTS);
    assertThat(ids()).contains(SmallCatalog.APP_EVENTS.toString());
  }

  @Test
  void escClearsTheQueryAndTheFilters() {
    viewModel.catalogProperty().set(catalog);
    viewModel.queryProperty().set("track");
    viewModel.toggle(facet("dataset", "catalog"));

    viewModel.clear();

    assertThat(viewModel.drillDowns()).isEmpty();
    assertThat(viewModel.queryProperty().get()).isEmpty();
    assertThat(viewModel.stateProperty().get()).isEqualTo(State.EMPTY_QUERY);
  }

  @Test
  void sortsTheCardsByNameAndBackByRelevance() {
    viewModel.catalogProperty().set(catalog);
    viewModel.queryProperty().set("track");
    List<String> relevance = ids();

    viewModel.sortOrderProperty().set(SortOrder.NAME);

    assertThat(ids()).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).containsExactlyInAnyOrderElementsOf(relevance);
    viewModel.sortOrderProperty().set(SortOrder.RELEVANCE);
    assertThat(ids()).isEqualTo(relevance);
  }

  @Test
  void theSortNoteSaysASortCoversEveryResult() {
    List<corpus.indexer.search.SearchHit> page = java.util.stream.IntStream.range(0, 50)
        .mapToObj(i -> new corpus.indexer.search.SearchHit("table", "p.d.t" + i, null, 1, "", "p.d.t" + i, null, null))
        .toList();
    var response = new corpus.indexer.search.SearchResponse("x", 1234, 3, page, Map.of(), null);
    assertThat(SearchViewModel.sortNote(response, SortOrder.NAME)).isEqualTo("all 1,234 results by name, first 50 shown");
    assertThat(SearchViewModel.sortNote(response, SortOrder.RELEVANCE)).isEmpty();
  }

  @Test
  void sortsByPopularityWithUsageFromTheCatalog() {
    viewModel.catalogProperty().set(catalog);
    viewModel.queryProperty().set("plays");

    viewModel.sortOrderProperty().set(SortOrder.POPULARITY);

    ResultItem first = viewModel.results().getFirst();
    assertThat(first.id()).isEqualTo(SmallCatalog.CREATOR_METRICS.toString());
    assertThat(first.facts().queryCount()).isEqualTo(420);
    assertThat(first.facts().distinctUsers()).isEqualTo(37);
  }

  @Test
  void sortsByLastModifiedNewestFirstWithUnknownAgesLast() {
    viewModel.catalogProperty().set(catalog);
    viewModel.queryProperty().set("track");

    viewModel.sortOrderProperty().set(SortOrder.LAST_MODIFIED);

    assertThat(viewModel.results()).first().extracting(r -> r.facts().lastModified())
        .isEqualTo(SmallCatalog.MODIFIED);
    assertThat(viewModel.results()).filteredOn(ResultItem::isTable)
        .extracting(r -> r.facts().lastModified()).last().isNull();
  }

  @Test
  void typingOffersTableAndFieldNamesAndTakingOneCompletesTheWord() {
    viewModel.catalogProperty().set(catalog);

    viewModel.queryProperty().set("dataset:creator metric_n");
    CompletionViewModel completion = viewModel.completion();
    assertThat(completion.suggestions()).contains("actions_received.metric_name");

    viewModel.acceptCompletion(completion.suggestions().indexOf("actions_received.metric_name"));

    assertThat(viewModel.queryProperty().get()).isEqualTo("dataset:creator actions_received.metric_name ");
    assertThat(completion.suggestions()).isEmpty();
    assertThat(viewModel.results()).first().extracting(ResultItem::id)
        .isEqualTo(SmallCatalog.CREATOR_METRICS.toString());
  }

  @Test
  void filterValuesCompleteFromTheFacets() {
    viewModel.catalogProperty().set(catalog);
    viewModel.queryProperty().set("plays");

    viewModel.queryProperty().set("plays dataset:cr");

    assertThat(viewModel.completion().suggestions()).containsExactly("dataset:creator");
  }

  @Test
  void choosingAnExampleDoesNotOpenCompletions() {
    viewModel.catalogProperty().set(catalog);

    viewModel.useQuery("valid_fr");

    assertThat(viewModel.completion().suggestions()).isEmpty();
  }

  private FacetValue facet(String dimension, String value) {
    return viewModel.facetGroups().stream().filter(g -> g.dimension().equals(dimension))
        .flatMap(g -> g.values().stream()).filter(v -> v.value().equals(value)).findFirst()
        .orElseThrow(() -> new AssertionError("no facet " + dimension + "=" + value + " in " + viewModel.facetGroups()));
  }

  private Map<String, Long> datasets() {
    Map<String, Long> counts = new LinkedHashMap<>();
    viewModel.facetGroups().stream().filter(g -> g.dimension().equals("dataset"))
        .flatMap(g -> g.values().stream()).forEach(v -> counts.put(v.value(), v.count()));
    return counts;
  }

  private List<String> ids() {
    return viewModel.results().stream().map(ResultItem::id).toList();
  }
}
