package corpus.app;

import corpus.app.catalog.CatalogLoader;
import corpus.app.catalog.CatalogStatusView;
import corpus.app.catalog.CatalogViewModel;
import corpus.app.connect.ConnectDialogs;
import corpus.app.format.Formats;
import corpus.app.gdpr.ReviewPage;
import corpus.app.history.HistoryStore;
import corpus.app.history.HistoryView;
import corpus.app.history.HistoryViewModel;
import corpus.app.scd.ScdPageView;
import corpus.app.scd.ScdPageViewModel;
import corpus.app.scd.WarehouseConnector;
import corpus.app.search.SearchView;
import corpus.app.search.SearchViewModel;
import corpus.app.table.TablePageView;
import corpus.app.table.TablePageViewModel;
import corpus.app.task.Debouncer;
import corpus.app.task.TaskExecutor;
import corpus.app.theme.Theme;
import corpus.app.doc.DocPanel;
import corpus.app.doc.DocPageViewModel;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.StatusBar;

/**
 * The app's one window: the search page and the table page in turn (as the {@link Navigator}
 * says), the catalog card until a catalog is open (with its progress, Cancel and errors) and a
 * status bar. Builds
 * the views and view models; {@link CorpusApp} gives it the catalog loader and executors.
 */
public final class MainWindow {

  private static final KeyCombination FOCUS_SEARCH = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination BACK = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);

  private final Navigator navigator = new Navigator();
  private final CatalogViewModel catalog;
  private final SearchViewModel search;
  private final TablePageViewModel tablePage;
  private final SearchView searchView;
  private final TablePageView tablePageView;
  private final DocPageViewModel docPage;
  private final DocPanel docPanel = new DocPanel();
  private final ReviewPage reviewPage;
  private final Scene scene;
  private ConnectDialogs connectDialogs;
  private final ScdPageViewModel scdPage;
  private final ScdPageView scdPageView;
  private final HistoryViewModel tableHistory;
  private WarehouseConnector warehouse = WarehouseConnector.NONE;
  private HistoryStore historyStore = HistoryStore.NONE;

  public MainWindow(CatalogLoader loader, TaskExecutor executor, Debouncer debouncer, Theme theme) {
    catalog = new CatalogViewModel(loader, executor);
    search = new SearchViewModel(executor, debouncer, navigator);
    tablePage = new TablePageViewModel(executor, navigator, Formats.system());
    search.catalogProperty().bind(catalog.catalogProperty());
    tablePage.catalogProperty().bind(catalog.catalogProperty());
    docPage = new DocPageViewModel(executor, navigator);
    docPage.catalogProperty().bind(catalog.catalogProperty());
    docPage.docProperty().addListener((obs, old, doc) -> {
      if (doc != null) {
        docPanel.show(doc);
      }
    });
    docPanel.setOnClose(docPage::back);
    searchView = new SearchView(search);
    tablePageView = new TablePageView(tablePage);
    reviewPage = new ReviewPage(corpus.indexer.CorpusHome.resolve(), java.nio.file.Path.of(loader.location()),
        executor, id -> navigator.go(new Place.Table(id)));
    WarehouseConnector connector = new WarehouseConnector() {
      @Override
      public corpus.indexer.scd.QueryRunner open() throws Exception {
        return warehouse.open();
      }

      @Override
      public corpus.indexer.scd.ScdNames names() {
        return warehouse.names();
      }
    };
    scdPage = new ScdPageViewModel(executor, navigator, connector, java.time.Clock.systemUTC());
    scdPage.catalogProperty().bind(catalog.catalogProperty());
    scdPageView = new ScdPageView(scdPage);
    tableHistory = new HistoryViewModel(executor, entity -> historyStore.versions(entity));
    tablePageView.historyTab().setContent(new HistoryView(tableHistory).root());
    tablePage.tableIdProperty().addListener((obs, old, id) -> {
      if (id != null && tablePageView.historyTab().isSelected()) {
        tableHistory.load(id, true);
      }
    });
    tablePageView.historyTab().selectedProperty().addListener((obs, old, selected) -> {
      if (selected && tablePage.tableIdProperty().get() != null) {
        tableHistory.load(tablePage.tableIdProperty().get(), true);
      }
    });

    StackPane pages = new StackPane(
        searchView.root(), tablePageView.root(), reviewPage.root(), scdPageView.root(), docPanel, new CatalogStatusView(catalog));
    catalog.stateProperty().addListener((obs, old, state) -> {
      if (state == CatalogViewModel.State.READY) {
        Platform.runLater(searchView::focusSearch);
      }
    });

    BorderPane root = new BorderPane(pages);
    root.setBottom(statusBar());
    scene = new Scene(root, 1200, 800);
    theme.style(scene);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    navigator.currentProperty().addListener((obs, old, place) -> show(place));
    show(navigator.current());
  }

  private StatusBar statusBar() {
    StatusBar bar = new StatusBar();
    javafx.scene.control.Button review = new javafx.scene.control.Button("GDPR review");
    review.setId("reviewButton");
    review.setOnAction(e -> navigator.go(new Place.Review()));
    bar.getRightItems().add(review);
    bar.setId("statusBar");
    bar.textProperty().bind(catalog.statusProperty());
    bar.progressProperty().bind(Bindings.createDoubleBinding(
        () -> catalog.stateProperty().get() == CatalogViewModel.State.BUILDING
            ? catalog.progressProperty().get()
            : 0.0,
        catalog.stateProperty(), catalog.progressProperty()));
    return bar;
  }

  private void show(Place place) {
    boolean onTable = place instanceof Place.Table;
    searchView.root().setVisible(place instanceof Place.Search);
    tablePageView.root().setVisible(onTable);
    docPanel.setVisible(place instanceof Place.Doc);
    reviewPage.root().setVisible(place instanceof Place.Review);
    scdPageView.root().setVisible(place instanceof Place.Scd);
    switch (place) {
      case Place.Table table -> {
        tablePage.load(table.id());
        tablePageView.focus();
      }
      case Place.Search s -> searchView.focusSearch();
      case Place.Doc doc -> docPage.load(doc.id());
      case Place.Review r -> reviewPage.show();
      case Place.Scd scd -> scdPage.load(scd.id(), scd.section());
    }
  }

  private void onKey(KeyEvent e) {
    if (FOCUS_SEARCH.match(e)) {
      if (!(navigator.current() instanceof Place.Search)) {
        navigator.go(new Place.Search());
      }
      searchView.focusSearch();
      e.consume();
    } else if (!(navigator.current() instanceof Place.Search)
        && (BACK.match(e) || (e.getCode() == KeyCode.BACK_SPACE && !isTextInput(e.getTarget())))) {
      navigator.back();
      e.consume();
    }
  }

  private static boolean isTextInput(Object target) {
    return target instanceof TextInputControl
        || (target instanceof Node n && n.getParent() instanceof TextInputControl);
  }

  /** Opens or builds the catalog in the background; the window is usable meanwhile. */
  public void start() {
    catalog.start();
  }

  /**
   * Adds the Catalog menu with "Connect to BigQuery…" (Shortcut+Shift+B), which opens the
   * connection dialog; after a crawl the catalog is opened again.
   */
  public void enableBigQueryConnections(ConnectDialogs dialogs) {
    connectDialogs = dialogs;
    MenuItem connect = new MenuItem("Connect to BigQuery…");
    connect.setId("connectBigQuery");
    connect.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    connect.setOnAction(e -> dialogs.open(scene.getWindow(),
        catalog.stateProperty().isEqualTo(CatalogViewModel.State.READY), catalog::reload));
    Menu menu = new Menu("Catalog", null, connect);
    menu.setId("catalogMenu");
    MenuBar bar = new MenuBar(menu);
    bar.setUseSystemMenuBar(true);
    ((BorderPane) scene.getRoot()).setTop(bar);
  }

  /**
   * Connects the SCD pages to the catalog's warehouse (entity history, as-of, health checks) and
   * the History tab to the catalog's recorded history; without this they say nothing is connected.
   */
  public void connectWarehouse(WarehouseConnector connector, HistoryStore history) {
    warehouse = connector;
    historyStore = history;
  }

  /** Cancels background work and closes the catalog. */
  public void close() {
    if (connectDialogs != null) {
      connectDialogs.close();
    }
    reviewPage.close();
    catalog.close();
  }

  public Scene scene() {
    return scene;
  }

  public Navigator navigator() {
    return navigator;
  }
}
