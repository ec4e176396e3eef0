package corpus.app.scd;

import corpus.app.theme.Styles;
import corpus.indexer.scd.CheckResult;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The SCD page of a table: a header with the key, and three tabs bound to {@link
 * ScdPageViewModel} — entity history (key inputs, timeline, versions with changed cells), as of
 * (date, SQL and cost, then rows) and health check (one click, findings with examples and SQL).
 */
public final class ScdPageView {

  private final ScdPageViewModel vm;
  private final BorderPane root = new BorderPane();
  private final TabPane tabs = new TabPane();
  private final HBox keyInputs = new HBox(8);
  private final TimelineChart timeline = new TimelineChart();
  private final TableView<VersionsTable.Row> versions = new TableView<>();
  private final TableView<List<String>> asOfRows = new TableView<>();
  private final TableView<CheckResult> checks = new TableView<>();
  private final TextArea checkSql = readOnlyArea("checkSql");

  public ScdPageView(ScdPageViewModel vm) {
    this.vm = vm;
    root.getStyleClass().add(Styles.PAGE);
    root.getStylesheets().add(ScdPageView.class.getResource("scd.css").toExternalForm());
    root.setTop(header());
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getTabs().addAll(tab("Entity history", "historyTab", historyPane()), tab("As of", "asOfTab", asOfPane()),
        tab("Health check", "healthTab", healthPane()));
    tabs.getSelectionModel().select(vm.sectionProperty().get().ordinal());
    vm.sectionProperty().addListener((o, a, s) -> tabs.getSelectionModel().select(s.ordinal()));
    tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) ->
        vm.sectionProperty().set(ScdPageViewModel.Section.values()[i.intValue()]));
    root.setCenter(tabs);
    tabs.visibleProperty().bind(vm.stateProperty().isEqualTo(ScdPageViewModel.State.READY));
  }

  private VBox header() {
    Button back = new Button("← Back to table");
    back.setId("scdBack");
    back.setOnAction(e -> vm.back());
    Label title = new Label();
    title.setId("scdTitle");
    title.getStyleClass().add(Styles.TABLE_TITLE);
    vm.tableIdProperty().addListener((o, a, id) -> title.setText(id == null ? "" : id.toString()));
    Label summary = new Label();
    summary.setId("scdSummary");
    summary.getStyleClass().add("scd-line");
    summary.textProperty().bind(vm.summaryProperty());
    Label error = new Label();
    error.getStyleClass().add(Styles.EMPTY_TITLE);
    error.setWrapText(true);
    error.textProperty().bind(vm.errorProperty());
    VBox header = new VBox(6, back, title, summary, error);
    header.getStyleClass().add("table-header");
    return header;
  }

  private static Tab tab(String text, String id, javafx.scene.Node content) {
    Tab t = new Tab(text, content);
    t.setId(id);
    return t;
  }

  private VBox historyPane() {
    EntityHistoryViewModel h = vm.history();
    h.keyFields().addListener((ListChangeListener<KeyField>) c -> showKeyInputs());
    Button show = new Button("Show history");
    show.setId("showHistory");
    show.setDefaultButton(true);
    show.setOnAction(e -> h.show());
    show.disableProperty().bind(h.runningProperty());
    HBox bar = new HBox(10, keyInputs, show, spinner(h.runningProperty()));
    bar.setAlignment(Pos.CENTER_LEFT);
    Label message = new Label();
    message.setId("historyMessage");
    message.getStyleClass().add(Styles.MUTED);
    message.textProperty().bind(h.messageProperty());
    timeline.setId("timeline");
    VersionsTable versionsTable = new VersionsTable(versions);
    versions.setId("versions");
    versions.getStyleClass().add("dense");
    h.historyProperty().addListener((o, a, now) -> {
      timeline.show(now);
      versionsTable.show(now);
    });
    ScrollPane chart = new ScrollPane(timeline);
    chart.setFitToWidth(true);
    chart.setPrefViewportHeight(140);
    chart.setMinHeight(80);
    TextArea sql = readOnlyArea("historySql");
    sql.textProperty().bind(h.sqlProperty());
    TitledPane sqlPane = new TitledPane("SQL", sql);
    sqlPane.setExpanded(false);
    Label cost = new Label();
    cost.setId("historyCost");
    cost.getStyleClass().add("scd-cost");
    cost.textProperty().bind(h.costProperty());
    VBox.setVgrow(versions, Priority.ALWAYS);
    VBox box = new VBox(8, bar, message, chart, versions, cost, sqlPane);
    box.setPadding(new Insets(10));
    return box;
  }

  private void showKeyInputs() {
    keyInputs.getChildren().clear();
    for (KeyField k : vm.history().keyFields()) {
      TextField field = new TextField();
      field.setId("key-" + k.column());
      field.setPromptText(k.column());
      field.setPrefColumnCount(12);
      field.textProperty().bindBidirectional(k.valueProperty());
      field.setOnAction(e -> vm.history().show());
      Label label = new Label(k.column());
      label.getStyleClass().add(Styles.FACT_LABEL);
      HBox pair = new HBox(4, label, field);
      pair.setAlignment(Pos.CENTER_LEFT);
      keyInputs.getChildren().add(pair);
    }
  }

  private VBox asOfPane() {
    AsOfViewModel a = vm.asOf();
    DatePicker picker = new DatePicker();
    picker.setId("asOfDate");
    picker.getEditor().setText(a.dateProperty().get());
    picker.valueProperty().addListener((o, old, d) -> {
      if (d != null) {
        a.dateProperty().set(d.toString());
      }
    });
    a.dateProperty().addListener((o, old, d) -> {
      try {
        LocalDate parsed = LocalDate.parse(d.length() >= 10 ? d.substring(0, 10) : d);
        if (!parsed.equals(picker.getValue())) {
          picker.setValue(parsed);
        }
      } catch (DateTimeParseException e) {
        // typed text that is not a date yet: the preview will say so
      }
    });
    picker.getEditor().textProperty().addListener((o, old, text) -> {
      if (text != null && text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
        a.dateProperty().set(text.strip());
      }
    });
    picker.setConverter(new javafx.util.converter.LocalDateStringConverter(
        java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
    Button preview = new Button("Preview SQL and cost");
    preview.setId("asOfPreview");
    preview.setOnAction(e -> a.preview());
    Button run = new Button("Run");
    run.setId("asOfRun");
    run.setDefaultButton(true);
    run.disableProperty().bind(a.previewedProperty().not().or(a.runningProperty()));
    run.setOnAction(e -> a.run());
    HBox bar = new HBox(10, new Label("State on"), picker, preview, run, spinner(a.runningProperty()));
    bar.setAlignment(Pos.CENTER_LEFT);
    TextArea sql = readOnlyArea("asOfSql");
    sql.setPrefRowCount(3);
    sql.textProperty().bind(a.sqlProperty());
    Label cost = new Label();
    cost.setId("asOfCost");
    cost.getStyleClass().add("scd-cost");
    cost.textProperty().bind(a.costProperty());
    Label message = new Label();
    message.setId("asOfMessage");
    message.getStyleClass().add(Styles.MUTED);
    message.textProperty().bind(a.messageProperty());
    asOfRows.setId("asOfRows");
    asOfRows.getStyleClass().add("dense");
    asOfRows.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    a.columns().addListener((ListChangeListener<String>) c -> asOfColumns());
    asOfRows.setItems(a.rows());
    asOfRows.setRowFactory(t -> {
      TableRow<List<String>> row = new TableRow<>();
      row.setOnMouseClicked(e -> {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
          vm.openRow(List.copyOf(a.columns()), row.getItem());
        }
      });
      return row;
    });
    VBox.setVgrow(asOfRows, Priority.ALWAYS);
    VBox box = new VBox(8, bar, sql, cost, message, asOfRows);
    box.setPadding(new Insets(10));
    return box;
  }

  private void asOfColumns() {
    asOfRows.getColumns().clear();
    List<String> names = List.copyOf(vm.asOf().columns());
    for (int i = 0; i < names.size(); i++) {
      int index = i;
      TableColumn<List<String>, String> c = new TableColumn<>(names.get(i));
      c.setSortable(false);
      c.setPrefWidth(Math.max(120, Math.min(260, names.get(i).length() * 9 + 40)));
      c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().get(index) == null ? "NULL" : d.getValue().get(index)));
      asOfRows.getColumns().add(c);
    }
  }

  private VBox healthPane() {
    HealthCheckViewModel h = vm.health();
    Button run = new Button("Run health checks");
    run.setId("runChecks");
    run.setOnAction(e -> h.run());
    run.disableProperty().bind(h.runningProperty());
    Label summary = new Label();
    summary.setId("healthSummary");
    summary.getStyleClass().add("scd-health-summary");
    summary.textProperty().bind(h.summaryProperty());
    HBox bar = new HBox(10, run, spinner(h.runningProperty()), summary);
    bar.setAlignment(Pos.CENTER_LEFT);
    checks.setId("checks");
    checks.setItems(h.results());
    checks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    checks.getColumns().add(column("Check", 170, r -> r.check().id().replace('_', ' ')));
    checks.getColumns().add(column("Result", 110, ScdPageView::result));
    checks.getColumns().add(column("Entities", 80, r -> r.status() == CheckResult.Status.SKIPPED ? "—"
        : String.format(Locale.ROOT, "%,d", r.count())));
    checks.getColumns().add(column("Examples", 300, r -> String.join(", ", r.examples())));
    checks.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(CheckResult r, boolean empty) {
        super.updateItem(r, empty);
        getStyleClass().removeAll("check-error", "check-warning", "check-info", "check-ok");
        if (!empty && r != null) {
          getStyleClass().add(r.isFinding() ? "check-" + r.severity().id() : "check-ok");
        }
      }
    });
    Label meaning = new Label();
    meaning.setWrapText(true);
    meaning.getStyleClass().add(Styles.MUTED);
    checks.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
      meaning.setText(r == null ? "" : r.check().meaning() + (r.sql().isEmpty() ? "" : "  " + ScdCosts.describe(r.estimatedBytes(), "the warehouse")));
      checkSql.setText(r == null ? "" : r.sql());
    });
    checkSql.setPrefRowCount(4);
    VBox.setVgrow(checks, Priority.ALWAYS);
    VBox box = new VBox(8, bar, checks, meaning, checkSql);
    box.setPadding(new Insets(10));
    return box;
  }

  private static String result(CheckResult r) {
    return switch (r.status()) {
      case OK -> "ok";
      case SKIPPED -> "not applicable";
      case ALLOWED -> "allowed here";
      case FOUND -> r.severity().id();
    };
  }

  private static TableColumn<CheckResult, String> column(String title, double width,
      java.util.function.Function<CheckResult, String> value) {
    TableColumn<CheckResult, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setSortable(false);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }

  private static ProgressIndicator spinner(javafx.beans.value.ObservableBooleanValue running) {
    ProgressIndicator p = new ProgressIndicator();
    p.setPrefSize(18, 18);
    p.visibleProperty().bind(running);
    return p;
  }

  private static TextArea readOnlyArea(String id) {
    TextArea area = new TextArea();
    area.setId(id);
    area.setEditable(false);
    area.setWrapText(true);
    area.setPrefRowCount(3);
    area.getStyleClass().add(Styles.MONO);
    return area;
  }

  public Parent root() {
    return root;
  }
}
