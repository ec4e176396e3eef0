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
import corpus.app.task.FxDebouncer;
import corpus.app.task.TaskExecutor;
import corpus.app.theme.Theme;
import corpus.app.workbench.TablePreviewView;
import corpus.app.workbench.TablePreviewViewModel;
import corpus.app.workbench.WorkbenchConnector;
import corpus.app.workbench.WorkbenchView;
import corpus.app.workbench.WorkbenchViewModel;
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
  static final KeyCombination WORKBENCH =
      new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

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
  private final WorkbenchViewModel workbench;
  private final WorkbenchView workbenchView;
  private WorkbenchConnector workbenchConnector = WorkbenchConnector.NONE;

  public MainWindow(CatalogLoader loader, TaskExecutor executor, Debouncer debouncer, Theme theme) {
    catalog = new CatalogViewModel(loader, executor);
    search = new SearchViewModel(executor, debouncer, navigator);
    tablePage = new TablePageViewModel(executor, navigator, Formats.system());
    tablePage.setFieldStatuses(new corpus.app.gdpr.StoreFieldStatuses(corpus.indexer.CorpusHome.resolve().database()));
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
    docPanel.setOnOpenTable(id -> navigator.go(new Place.Table(id)));
    searchView = new SearchView(search);
    tablePageView = new TablePageView(tablePage);
    reviewPage = new ReviewPage(corpus.indexer.CorpusHome.resolve(), java.nio.file.Path.of(loader.location()),
        executor, id -> navigator.go(new Place.Table(id)), catalog.catalogProperty()::get);
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

    workbench = new WorkbenchViewModel(executor, () -> new FxDebouncer(javafx.util.Duration.millis(300)),
        reader -> workbenchConnector.open(reader), java.time.Clock.systemUTC());
    workbench.catalogProperty().bind(catalog.catalogProperty());
    workbenchView = new WorkbenchView(workbench);
    TablePreviewViewModel preview = new TablePreviewViewModel(executor, workbench);
    javafx.scene.control.Tab previewTab = new javafx.scene.control.Tab("Preview", new TablePreviewView(preview,
        () -> preview.preview(tablePage.tableIdProperty().get()),
        () -> queryTable(tablePage.tableIdProperty().get())).root());
    previewTab.setId("previewTab");
    previewTab.setClosable(false);
    tablePageView.historyTab().getTabPane().getTabs().add(previewTab);
    tablePage.tableIdProperty().addListener((obs, old, id) -> preview.clear());

    StackPane pages = new StackPane(
        searchView.root(), tablePageView.root(), reviewPage.root(), scdPageView.root(), workbenchView.root(),
        docPanel, new CatalogStatusView(catalog));
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
    javafx.scene.control.Button query = new javafx.scene.control.Button("Query workbench");
    query.setId("workbenchButton");
    query.setTooltip(new javafx.scene.control.Tooltip("Write and run BigQuery SQL (Ctrl+Shift+W)"));
    query.setOnAction(e -> navigator.go(new Place.Workbench()));
    bar.getRightItems().addAll(query, review);
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
    workbenchView.root().setVisible(place instanceof Place.Workbench);
    switch (place) {
      case Place.Table table -> {
        tablePage.load(table.id());
        tablePageView.focus();
      }
      case Place.Search s -> searchView.focusSearch();
      case Place.Doc doc -> docPage.load(doc.id());
      case Place.Review r -> reviewPage.show();
      case Place.Scd scd -> scdPage.load(scd.id(), scd.section());
      case Place.Workbench w -> workbenchView.shown();
    }
  }

  private void onKey(KeyEvent e) {
    if (WORKBENCH.match(e)) {
      navigator.go(new Place.Workbench());
      e.consume();
    } else if (FOCUS_SEARCH.match(e)) {
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
    return target instanceof TextInputControl || target instanceof org.fxmisc.richtext.GenericStyledArea<?, ?, ?>
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

  /** Lets the query workbench estimate and run queries against the catalog's warehouse. */
  public void connectWorkbench(WorkbenchConnector connector) {
    workbenchConnector = connector;
  }

  /** Opens the workbench with the query "Query this table" starts from. */
  public void queryTable(corpus.indexer.model.TableId id) {
    if (id == null) {
      return;
    }
    workbench.queryTable(id);
    navigator.go(new Place.Workbench());
  }

  /** Cancels background work and closes the catalog. */
  public void close() {
    workbench.close();
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
