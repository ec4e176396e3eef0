package corpus.app.search;

import corpus.app.Fxml;
import corpus.app.format.Formats;
import corpus.app.search.SearchViewModel.State;
import corpus.app.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.textfield.TextFields;

/**
 * The search page: a search box with completions and a "?" help popover, a status line, the facet
 * sidebar, the chosen filters and sort order, and the result cards. It only binds to and forwards
 * to {@link SearchViewModel}; keyboard: ↑/↓ move through the results, Enter opens, Esc clears, Tab
 * takes a shown completion or goes on to the facets, Alt+↑/↓ choose a completion, F1 opens help.
 */
public final class SearchView {

  @FXML private StackPane searchBoxHolder;
  @FXML private Button helpButton;
  @FXML private Label statusLabel;
  @FXML private HBox didYouMeanBox;
  @FXML private Hyperlink didYouMeanLink;
  @FXML private ProgressIndicator busyIndicator;
  @FXML private StackPane facetHolder;
  @FXML private HBox resultsBar;
  @FXML private FlowPane activeFilters;
  @FXML private Label sortNote;
  @FXML private ComboBox<SortOrder> sortBox;
  @FXML private ListView<ResultItem> resultList;
  @FXML private VBox emptyState;
  @FXML private Label emptyTitle;
  @FXML private Label emptyText;
  @FXML private TextFlow examples;
  @FXML private StackPane cheatSheetHolder;

  private final SearchViewModel viewModel;
  private final TextField searchField = TextFields.createClearableTextField();
  private final Parent root;
  private FacetSidebar facets;
  private CompletionPopup completions;
  private PopOver help;
  private boolean syncingSelection;

  public SearchView(SearchViewModel viewModel) {
    this.viewModel = viewModel;
    this.root = Fxml.load(this);
    root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.F1) {
        toggleHelp();
        e.consume();
      }
    });
  }

  @FXML
  private void initialize() {
    searchField.setId("searchField");
    searchField.getStyleClass().add(Styles.SEARCH_FIELD);
    searchField.setPromptText("Search tables, fields and design docs — try “creator plays per day” or dataset:creator");
    searchField.textProperty().bindBidirectional(viewModel.queryProperty());
    searchField.addEventFilter(KeyEvent.KEY_PRESSED, this::onSearchKey);
    searchField.focusedProperty().addListener((obs, old, focused) -> {
      if (!focused) {
        viewModel.completion().dismiss();
      }
    });
    searchBoxHolder.getChildren().add(searchField);
    completions = new CompletionPopup(searchField, viewModel.completion(), this::takeCompletion);

    helpButton.setId("helpButton");
    helpButton.setOnAction(e -> toggleHelp());

    statusLabel.textProperty().bind(viewModel.statusProperty());
    busyIndicator.visibleProperty().bind(viewModel.searchingProperty());
    didYouMeanLink.textProperty().bind(viewModel.didYouMeanProperty());
    didYouMeanBox.visibleProperty().bind(viewModel.didYouMeanProperty().isNotEmpty());
    didYouMeanBox.managedProperty().bind(didYouMeanBox.visibleProperty());
    didYouMeanLink.setOnAction(e -> viewModel.useQuery(didYouMeanLink.getText()));

    facets = new FacetSidebar(viewModel);
    facetHolder.getChildren().add(facets.root());
    facetHolder.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        focusSearch();
        e.consume();
      }
    });
    bindResultsBar();
    bindResults();
    bindEmptyState();
  }

  private void bindResultsBar() {
    sortBox.setId("sortBox");
    sortBox.setItems(FXCollections.observableArrayList(SortOrder.values()));
    sortBox.valueProperty().bindBidirectional(viewModel.sortOrderProperty());
    sortNote.textProperty().bind(viewModel.sortNoteProperty());
    activeFilters.setId("activeFilters");
    viewModel.drillDowns().addListener((ListChangeListener<String>) change -> showActiveFilters());
    showActiveFilters();
  }

  private void showActiveFilters() {
    activeFilters.getChildren().clear();
    for (String drillDown : viewModel.drillDowns()) {
      Button chip = new Button(FacetGroups.chipText(drillDown) + "  ×");
      chip.getStyleClass().add(SearchStyles.FILTER_CHIP);
      chip.setFocusTraversable(false); // the sidebar's check boxes are the keyboard way
      chip.setOnAction(e -> viewModel.drillDowns().remove(drillDown));
      activeFilters.getChildren().add(chip);
    }
  }

  private void bindResults() {
    resultList.setId("results");
    resultList.setItems(viewModel.results());
    resultList.accessibleTextProperty().bind(Bindings.concat("Results for ", viewModel.resultsQueryProperty()));
    Formats formats = Formats.system();
    resultList.setCellFactory(list -> new ResultCell(formats));
    resultList.setOnMouseClicked(e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
        viewModel.openSelected();
      }
    });
    resultList.addEventFilter(KeyEvent.KEY_PRESSED, this::onListKey);
    bindSelection();
  }

  private void bindSelection() {
    viewModel.selectedIndexProperty().addListener((obs, old, now) -> {
      if (syncingSelection) {
        return;
      }
      syncingSelection = true;
      int i = now.intValue();
      if (i < 0) {
        resultList.getSelectionModel().clearSelection();
      } else {
        resultList.getSelectionModel().select(i);
        resultList.getFocusModel().focus(i); // the skin scrolls the focused card into view
      }
      syncingSelection = false;
    });
    resultList.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
      if (!syncingSelection) {
        syncingSelection = true;
        viewModel.selectedIndexProperty().set(now.intValue());
        syncingSelection = false;
      }
    });
  }

  private void bindEmptyState() {
    emptyState.setId("emptyState");
    emptyState.visibleProperty().bind(viewModel.stateProperty().isNotEqualTo(State.RESULTS));
    resultList.visibleProperty().bind(emptyState.visibleProperty().not());
    viewModel.stateProperty().addListener((obs, old, now) -> showEmptyState(now));
    for (String example : SearchViewModel.EXAMPLES) {
      Hyperlink link = new Hyperlink(example);
      link.setMnemonicParsing(false);
      link.setOnAction(e -> runExample(example));
      examples.getChildren().addAll(link, new Text("  "));
    }
    cheatSheetHolder.getChildren().add(QueryHelp.card(this::runExample));
    showEmptyState(viewModel.stateProperty().get());
  }

  private void runExample(String query) {
    if (help != null) {
      help.hide();
    }
    viewModel.useQuery(query);
    focusSearch();
  }

  private void onSearchKey(KeyEvent e) {
    CompletionViewModel completion = viewModel.completion();
    boolean completing = completion.isShowing() && completions.isShowing();
    switch (e.getCode()) {
      case DOWN -> {
        if (e.isAltDown() && completing) {
          completion.selectNext();
        } else {
          viewModel.selectNext();
        }
      }
      case UP -> {
        if (e.isAltDown() && completing) {
          completion.selectPrevious();
        } else {
          viewModel.selectPrevious();
        }
      }
      case ENTER -> {
        if (completing && completion.hasSelection()) {
          takeCompletion(completion.selectedIndexProperty().get());
        } else {
          completion.dismiss();
          viewModel.openSelected();
        }
      }
      case ESCAPE -> viewModel.clear();
      case TAB -> {
        if (e.isShiftDown()) {
          return;
        }
        if (completing) {
          takeCompletion(Math.max(0, completion.selectedIndexProperty().get()));
        } else if (!facets.focusFirst()) {
          return;
        }
      }
      default -> {
        return;
      }
    }
    e.consume();
  }

  private void takeCompletion(int index) {
    viewModel.acceptCompletion(index);
    searchField.positionCaret(searchField.getLength());
  }

  private void onListKey(KeyEvent e) {
    switch (e.getCode()) {
      case ENTER -> viewModel.openSelected();
      case ESCAPE -> {
        viewModel.clear();
        focusSearch();
      }
      default -> {
        return;
      }
    }
    e.consume();
  }

  private void showEmptyState(State state) {
    boolean teach = state == State.EMPTY_QUERY || state == State.NO_RESULTS;
    examples.setVisible(state == State.NO_RESULTS);
    examples.setManaged(examples.isVisible());
    cheatSheetHolder.setVisible(teach);
    cheatSheetHolder.setManaged(teach);
    String query = viewModel.queryProperty().get() == null ? "" : viewModel.queryProperty().get().strip();
    switch (state) {
      case WAITING_FOR_CATALOG -> show("Preparing the catalog…", "Search starts as soon as the catalog is open.");
      case EMPTY_QUERY -> show("Search tables, fields and design docs",
          "Type a table or field name, or words from a description; results follow as you type. "
              + "Or pick a filter on the left to browse.");
      case SEARCHING -> show("Searching…", "");
      case NO_RESULTS -> show("No matches for “" + query + "”",
          viewModel.drillDowns().isEmpty()
              ? "Check the spelling, use fewer words, or search for a field name. For example:"
              : "The filters on the left may be too narrow: clear some, or try for example:");
      case FAILED -> show("The search did not work", viewModel.statusProperty().get());
      case RESULTS -> show("", "");
    }
  }

  private void show(String title, String text) {
    emptyTitle.setText(title);
    emptyText.setText(text);
    emptyText.setVisible(!text.isBlank());
  }

  private void toggleHelp() {
    if (help == null) {
      help = new PopOver(QueryHelp.card(this::runExample));
      help.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
      help.setDetachable(false);
      help.setTitle("Search language");
      help.setHeaderAlwaysVisible(false);
      help.getRoot().getStylesheets().setAll(root.getScene().getStylesheets());
    }
    if (help.isShowing()) {
      help.hide();
    } else {
      help.show(helpButton);
    }
  }

  /** Puts the cursor in the search box with its text selected (Ctrl+K). */
  public void focusSearch() {
    searchField.requestFocus();
    searchField.selectAll();
  }

  public Parent root() {
    return root;
  }

  /** The cards' list, for a scene's default focus and for tests. */
  ListView<ResultItem> resultList() {
    return resultList;
  }
}
