package corpus.app.lineage;

import corpus.app.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The lineage tab of the table page: a toolbar (follow a column, hops, zoom), the graph, and a side panel
 * with the selected edge's SQL and the impact of a change. Binds to a {@link LineageViewModel} and forwards
 * clicks; all work happens in the view model, off the UI thread.
 */
public final class LineageView {

  static final String ALL_COLUMNS = "All columns (table lineage)";

  private final LineageViewModel viewModel;
  private final GraphPane graph = new GraphPane();
  private final BorderPane root = new BorderPane();
  private final TabPane side = new TabPane();
  private final Tab sqlTab;

  public LineageView(LineageViewModel viewModel) {
    this.viewModel = viewModel;
    root.getStyleClass().add("lineage-view");
    root.getStylesheets().add(LineageView.class.getResource("/corpus/app/lineage/lineage.css").toExternalForm());
    root.setTop(toolbar());

    Label message = new Label();
    message.setId("lineageMessage");
    message.getStyleClass().add(Styles.EMPTY_TEXT);
    message.setWrapText(true);
    message.setMaxWidth(460);
    message.textProperty().bind(viewModel.messageProperty());
    message.visibleProperty().bind(viewModel.stateProperty().isNotEqualTo(LineageViewModel.State.READY));
    StackPane canvas = new StackPane(graph, message);
    StackPane.setAlignment(message, Pos.CENTER);
    graph.setId("lineageGraph");

    sqlTab = new Tab("SQL", new SqlPanel(viewModel));
    Tab impactTab = new Tab("Impact", new ImpactPanel(viewModel));
    side.getTabs().setAll(impactTab, sqlTab);
    side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    side.setMinWidth(280);
    SplitPane split = new SplitPane(canvas, side);
    split.setDividerPositions(0.66);
    SplitPane.setResizableWithParent(side, false);
    root.setCenter(split);

    graph.setOnOpen(viewModel::open);
    graph.setOnExpand(viewModel::expand);
    graph.setOnLink(link -> {
      viewModel.selectLink(link);
      side.getSelectionModel().select(sqlTab);
    });
    viewModel.drawingProperty().addListener((obs, old, now) -> {
      if (now == null) {
        graph.clear();
      } else {
        boolean sameFocus = old != null && !old.nodes().isEmpty() && !now.nodes().isEmpty()
            && old.nodes().getFirst().id().equals(now.nodes().getFirst().id());
        graph.show(now, sameFocus);
      }
    });
  }

  private HBox toolbar() {
    ComboBox<String> follow = new ComboBox<>();
    follow.setId("followColumn");
    follow.setPrefWidth(260);
    follow.setTooltip(new Tooltip("Follow one column upstream and downstream"));
    Runnable fill = () -> {
      follow.getItems().setAll(ALL_COLUMNS);
      follow.getItems().addAll(viewModel.columns());
      follow.setValue(viewModel.columnProperty().get() == null ? ALL_COLUMNS : viewModel.columnProperty().get());
    };
    viewModel.columns().addListener((ListChangeListener<String>) c -> fill.run());
    viewModel.columnProperty().addListener((obs, old, now) -> follow.setValue(now == null ? ALL_COLUMNS : now));
    fill.run();
    follow.setOnAction(e -> {
      String v = follow.getValue();
      viewModel.selectColumn(v == null || v.equals(ALL_COLUMNS) ? null : v);
    });

    Spinner<Integer> hops = new Spinner<>(1, 20, viewModel.hopsProperty().get());
    hops.setId("lineageHops");
    hops.setPrefWidth(70);
    hops.valueProperty().addListener((obs, old, now) -> viewModel.hopsProperty().set(now));
    viewModel.hopsProperty().addListener((obs, old, now) -> hops.getValueFactory().setValue(now.intValue()));

    Button fit = button("Fit", "Show the whole graph", graph::fit);
    Button in = button("+", "Zoom in", () -> graph.zoom(1.25));
    Button out = button("−", "Zoom out", () -> graph.zoom(0.8));
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(viewModel.layingOutProperty()
        .or(viewModel.stateProperty().isEqualTo(LineageViewModel.State.LOADING)));
    Label status = new Label();
    status.getStyleClass().add(Styles.MUTED);
    status.textProperty().bind(viewModel.messageProperty());
    status.visibleProperty().bind(viewModel.stateProperty().isEqualTo(LineageViewModel.State.READY));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, new Label("Follow"), follow, new Label("Hops"), hops, busy, status, spacer, out, in, fit);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(6, 10, 6, 10));
    return bar;
  }

  private static Button button(String text, String tip, Runnable action) {
    Button b = new Button(text);
    b.getStyleClass().add("flat");
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> action.run());
    return b;
  }

  public Parent root() {
    return root;
  }

  GraphPane graph() {
    return graph;
  }
}
