package corpus.app.workbench;

import corpus.app.theme.Styles;
import corpus.indexer.warehouse.Bytes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The query workbench page: a header (what estimates run against, the per-query budget and the confirmation
 * threshold, New tab) over the query tabs and the History tab. Binds and forwards to {@link WorkbenchViewModel}.
 */
public final class WorkbenchView {

  private final WorkbenchViewModel viewModel;
  private final BorderPane root = new BorderPane();
  private final TabPane tabs = new TabPane();
  private final Map<QueryTabViewModel, QueryTabView> views = new HashMap<>();
  private boolean selecting;

  public WorkbenchView(WorkbenchViewModel viewModel) {
    this.viewModel = viewModel;
    root.setId("workbench");
    root.getStyleClass().addAll(Styles.PAGE, "workbench");
    root.getStylesheets().add(Objects.requireNonNull(WorkbenchView.class.getResource("workbench.css"))
        .toExternalForm());
    tabs.setId("workbenchTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
    Tab history = new Tab("History", new HistoryPanel(viewModel));
    history.setId("queryHistoryTab");
    history.setClosable(false);
    history.setOnSelectionChanged(e -> {
      if (history.isSelected()) {
        viewModel.refreshHistory();
      }
    });
    tabs.getTabs().add(history);
    root.setTop(header());
    root.setCenter(tabs);

    viewModel.tabs().forEach(this::add);
    viewModel.tabs().addListener((ListChangeListener<QueryTabViewModel>) c -> {
      while (c.next()) {
        c.getRemoved().forEach(this::remove);
        c.getAddedSubList().forEach(this::add);
      }
    });
    viewModel.selectedProperty().addListener((obs, old, tab) -> select(tab));
    tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
      if (!selecting && tab != null && tab.getUserData() instanceof QueryTabViewModel vm) {
        viewModel.selectedProperty().set(vm);
      }
    });
    select(viewModel.selectedProperty().get());
  }

  private HBox header() {
    Label title = new Label("Query workbench");
    title.getStyleClass().add(Styles.TABLE_TITLE);
    Label status = new Label();
    status.setId("workbenchStatus");
    status.getStyleClass().add(Styles.MUTED);
    status.textProperty().bind(viewModel.statusProperty());
    ComboBox<Long> budget = sizes(viewModel.guardrails().maxBytesBilledProperty().get());
    budget.setId("budget");
    budget.setTooltip(new Tooltip("Maximum bytes billed per query: bigger queries are refused"));
    budget.valueProperty().addListener((obs, old, v) -> viewModel.guardrails().maxBytesBilledProperty().set(v));
    ComboBox<Long> confirm = sizes(viewModel.guardrails().confirmAboveProperty().get());
    confirm.setId("confirmAbove");
    confirm.setTooltip(new Tooltip("Ask before running a query that bills more than this"));
    confirm.valueProperty().addListener((obs, old, v) -> viewModel.guardrails().confirmAboveProperty().set(v));
    Button add = new Button("New tab");
    add.setId("newQueryTab");
    add.setOnAction(e -> viewModel.newTab(""));
    status.setMinWidth(0);
    status.setMaxWidth(Double.MAX_VALUE);
    status.setTooltip(new Tooltip());
    status.getTooltip().textProperty().bind(status.textProperty());
    HBox.setHgrow(status, Priority.ALWAYS);
    Label budgetLabel = new Label("Budget");
    Label confirmLabel = new Label("Confirm above");
    for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {title, budget, confirm, add,
        budgetLabel, confirmLabel}) {
      c.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox bar = new HBox(10, title, status, budgetLabel, budget, confirmLabel, confirm, add);
    bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    bar.getStyleClass().add("workbench-header");
    return bar;
  }

  private static ComboBox<Long> sizes(long value) {
    ComboBox<Long> box = new ComboBox<>();
    for (long b : Guardrails.BUDGETS) {
      box.getItems().add(b);
    }
    box.setValue(value);
    box.setConverter(new StringConverter<>() {
      @Override
      public String toString(Long bytes) {
        return bytes == null ? "" : Bytes.format(bytes);
      }

      @Override
      public Long fromString(String s) {
        return null;
      }
    });
    return box;
  }

  private void add(QueryTabViewModel tab) {
    QueryTabView view = new QueryTabView(tab, viewModel.catalogProperty());
    views.put(tab, view);
    view.tab().setOnCloseRequest(e -> viewModel.closeTab(tab));
    tabs.getTabs().add(tabs.getTabs().size() - 1, view.tab());
  }

  private void remove(QueryTabViewModel tab) {
    QueryTabView view = views.remove(tab);
    if (view != null) {
      tabs.getTabs().remove(view.tab());
    }
  }

  private void select(QueryTabViewModel tab) {
    QueryTabView view = tab == null ? null : views.get(tab);
    if (view != null) {
      selecting = true;
      tabs.getSelectionModel().select(view.tab());
      selecting = false;
      Platform.runLater(view::focusEditor);
    }
  }

  /** Opens the session if needed and puts the cursor in the editor; call when the page is shown. */
  public void shown() {
    viewModel.open();
    select(viewModel.selectedProperty().get());
  }

  public Parent root() {
    return root;
  }
}
