package corpus.app.search;

import corpus.app.Fxml;
import corpus.app.search.SearchViewModel.State;
import corpus.app.theme.Styles;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.controlsfx.control.textfield.TextFields;

/**
 * The search page: a search box with a clear button, a status line and the result cards. It only
 * binds to and forwards to {@link SearchViewModel}; keyboard: ↑/↓ move, Enter opens, Esc clears.
 */
public final class SearchView {

  @FXML private StackPane searchBoxHolder;
  @FXML private Label statusLabel;
  @FXML private HBox didYouMeanBox;
  @FXML private Hyperlink didYouMeanLink;
  @FXML private ProgressIndicator busyIndicator;
  @FXML private ListView<ResultItem> resultList;
  @FXML private VBox emptyState;
  @FXML private Label emptyTitle;
  @FXML private Label emptyText;
  @FXML private TextFlow examples;

  private final SearchViewModel viewModel;
  private final TextField searchField = TextFields.createClearableTextField();
  private final Parent root;
  private boolean syncingSelection;

  public SearchView(SearchViewModel viewModel) {
    this.viewModel = viewModel;
    this.root = Fxml.load(this);
  }

  @FXML
  private void initialize() {
    searchField.setId("searchField");
    searchField.getStyleClass().add(Styles.SEARCH_FIELD);
    searchField.setPromptText("Search tables, fields and design docs — try “creator plays per day”");
    searchField.textProperty().bindBidirectional(viewModel.queryProperty());
    searchField.addEventFilter(KeyEvent.KEY_PRESSED, this::onSearchKey);
    searchBoxHolder.getChildren().add(searchField);

    statusLabel.textProperty().bind(viewModel.statusProperty());
    busyIndicator.visibleProperty().bind(viewModel.searchingProperty());
    didYouMeanLink.textProperty().bind(viewModel.didYouMeanProperty());
    didYouMeanBox.visibleProperty().bind(viewModel.didYouMeanProperty().isNotEmpty());
    didYouMeanBox.managedProperty().bind(didYouMeanBox.visibleProperty());
    didYouMeanLink.setOnAction(e -> viewModel.useQuery(didYouMeanLink.getText()));

    resultList.setId("results");
    resultList.setItems(viewModel.results());
    resultList.setCellFactory(list -> new ResultCell());
    resultList.setOnMouseClicked(e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
        viewModel.openSelected();
      }
    });
    resultList.addEventFilter(KeyEvent.KEY_PRESSED, this::onListKey);
    bindSelection();

    emptyState.setId("emptyState");
    emptyState.visibleProperty().bind(viewModel.stateProperty().isNotEqualTo(State.RESULTS));
    resultList.visibleProperty().bind(emptyState.visibleProperty().not());
    viewModel.stateProperty().addListener((obs, old, now) -> showEmptyState(now));
    showEmptyState(viewModel.stateProperty().get());
    for (String example : SearchViewModel.EXAMPLES) {
      Hyperlink link = new Hyperlink(example);
      link.setOnAction(e -> {
        viewModel.useQuery(example);
        focusSearch();
      });
      examples.getChildren().addAll(link, new Text("  "));
    }
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

  private void onSearchKey(KeyEvent e) {
    switch (e.getCode()) {
      case DOWN -> viewModel.selectNext();
      case UP -> viewModel.selectPrevious();
      case ENTER -> viewModel.openSelected();
      case ESCAPE -> viewModel.clear();
      default -> {
        return;
      }
    }
    e.consume();
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
    examples.setVisible(teach);
    String query = viewModel.queryProperty().get() == null ? "" : viewModel.queryProperty().get().strip();
    switch (state) {
      case WAITING_FOR_CATALOG -> show("Preparing the catalog…", "Search starts as soon as the catalog is open.");
      case EMPTY_QUERY -> show("Search tables, fields and design docs",
          "Type a table or field name, or words from a description; results follow as you type. "
              + "For example:");
      case SEARCHING -> show("Searching…", "");
      case NO_RESULTS -> show("No matches for “" + query + "”",
          "Check the spelling, use fewer words, or search for a field name. For example:");
      case FAILED -> show("The search did not work", viewModel.statusProperty().get());
      case RESULTS -> show("", "");
    }
  }

  private void show(String title, String text) {
    emptyTitle.setText(title);
    emptyText.setText(text);
    emptyText.setVisible(!text.isBlank());
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
