package corpus.app.connect;

import corpus.app.connect.ConnectViewModel.Outcome;
import corpus.app.theme.Theme;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Connect to BigQuery" window: a form bound to a {@link ConnectViewModel}, its Test
 * connection and Crawl buttons, the status line, crawl progress with Cancel, and the list of what
 * the crawl could not read. Only binds and forwards; the view model does the work.
 */
public final class ConnectDialog {

  private static final String STYLESHEET = "/corpus/app/connect/connect.css";

  private final ConnectViewModel viewModel;
  private final Stage stage = new Stage();

  public ConnectDialog(ConnectViewModel viewModel, Window owner, Theme theme) {
    this.viewModel = viewModel;
    VBox root = new VBox(header(), form(), status(), buttons());
    root.setId("connectDialog");
    root.getStyleClass().add("connect-dialog");
    Scene scene = new Scene(root, 700, 720);
    theme.style(scene);
    scene.getStylesheets().add(Objects.requireNonNull(
        ConnectDialog.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());
    stage.setScene(scene);
    stage.setTitle("Connect to BigQuery");
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setMinWidth(560);
    stage.setMinHeight(480);
    stage.setOnHidden(e -> viewModel.cancel());
  }

  public void show() {
    stage.show();
    stage.toFront();
  }

  public Stage stage() {
    return stage;
  }

  private static Node header() {
    Label title = new Label("Connect to BigQuery");
    title.getStyleClass().add("connect-title");
    Label text = hint("Corpus reads metadata — datasets, tables, schemas, job history — into your catalog."
        + " It writes nothing to BigQuery and never stores your credentials.");
    return new VBox(4, title, text);
  }

  private Node form() {
    GridPane grid = new GridPane();
    grid.getStyleClass().add("connect-form");
    grid.setHgap(14);
    grid.setVgap(12);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(labels, fields);

    TextField projects = new TextField();
    projects.setId("projects");
    projects.setPromptText("my-project, another-project");
    projects.textProperty().bindBidirectional(viewModel.projectsProperty());
    grid.addRow(0, formLabel("Projects"), new VBox(4, projects,
        hint("Project ids, separated by commas. Jobs (job history queries) are billed to the first.")));

    grid.addRow(1, formLabel("Credentials"), credentials());

    Spinner<Integer> days = new Spinner<>(0, 180, viewModel.jobHistoryDaysProperty().get(), 7);
    days.setId("jobHistoryDays");
    days.setEditable(true);
    days.setPrefWidth(90);
    days.setMinWidth(Region.USE_PREF_SIZE);
    days.getValueFactory().valueProperty().addListener((obs, old, now) -> {
      if (now != null) {
        viewModel.jobHistoryDaysProperty().set(now);
      }
    });
    viewModel.jobHistoryDaysProperty().addListener((obs, old, now) -> days.getValueFactory().setValue(now.intValue()));
    TextField region = new TextField();
    region.setId("jobHistoryRegion");
    region.setPromptText("every dataset region");
    region.setPrefColumnCount(12);
    region.setMinWidth(Region.USE_PREF_SIZE);
    region.textProperty().bindBidirectional(viewModel.jobHistoryRegionProperty());
    HBox history = new HBox(10, days, new Label("days, in region"), region);
    history.setAlignment(Pos.CENTER_LEFT);
    grid.addRow(2, formLabel("Job history"), new VBox(4, history,
        hint("INFORMATION_SCHEMA.JOBS for usage and observed lineage (0 days turns it off). Region: EU, US,"
            + " europe-west1 …; empty reads every region that holds a crawled dataset.")));

    TextField endpoint = new TextField();
    endpoint.setId("endpoint");
    endpoint.setPromptText("https://bigquery.googleapis.com (the default)");
    endpoint.textProperty().bindBidirectional(viewModel.endpointProperty());
    GridPane advanced = new GridPane();
    advanced.setHgap(14);
    advanced.getColumnConstraints().addAll(labels, fields);
    advanced.addRow(0, formLabel("Endpoint"), new VBox(4, endpoint,
        hint("Another server speaking the BigQuery REST API: a test server, an emulator or a proxy.")));
    javafx.scene.control.CheckBox views = new javafx.scene.control.CheckBox(
        "Read metadata with region-level INFORMATION_SCHEMA queries");
    views.setId("informationSchema");
    views.setMnemonicParsing(false);
    views.selectedProperty().bindBidirectional(viewModel.informationSchemaProperty());
    advanced.addRow(1, formLabel("Crawl"), new VBox(4, views,
        hint("Query jobs in the first project instead of one request per table; the API is the fallback.")));
    advanced.setVgap(10);
    TitledPane more = new TitledPane("Advanced", advanced);
    more.setId("advanced");
    more.setExpanded(!viewModel.endpointProperty().get().isBlank());
    viewModel.endpointProperty().addListener((obs, old, now) -> {
      if (!now.isBlank()) {
        more.setExpanded(true);
      }
    });
    more.getStyleClass().add("dense");
    GridPane.setColumnSpan(more, 2);
    grid.add(more, 0, 3);
    return grid;
  }

  private Node credentials() {
    ToggleGroup group = new ToggleGroup();
    RadioButton adc = new RadioButton("Application Default Credentials");
    adc.setId("useApplicationDefault");
    adc.setToggleGroup(group);
    Label found = hint("");
    found.setId("applicationDefault");
    found.textProperty().bind(viewModel.applicationDefaultProperty());
    RadioButton key = new RadioButton("Service-account key file");
    key.setId("useKeyFile");
    key.setToggleGroup(group);
    key.setSelected(viewModel.useKeyFileProperty().get());
    adc.setSelected(!key.isSelected());
    key.selectedProperty().bindBidirectional(viewModel.useKeyFileProperty());
    viewModel.useKeyFileProperty().addListener((obs, old, now) -> adc.setSelected(!now));

    TextField path = new TextField();
    path.setId("keyFile");
    path.setPromptText("/secure/path/service-account-key.json");
    path.textProperty().bindBidirectional(viewModel.keyFileProperty());
    path.disableProperty().bind(key.selectedProperty().not());
    Button choose = new Button("Choose…");
    choose.setId("chooseKeyFile");
    choose.setOnAction(e -> chooseKeyFile());
    HBox file = new HBox(8, path, choose);
    HBox.setHgrow(path, Priority.ALWAYS);
    VBox.setMargin(found, new Insets(0, 0, 0, 26));
    VBox.setMargin(file, new Insets(0, 0, 0, 26));

    Label note = hint("");
    note.setId("credentialsNote");
    note.getStyleClass().add("warning");
    note.textProperty().bind(viewModel.credentialsNoteProperty());
    note.visibleProperty().bind(note.textProperty().isNotEmpty());
    note.managedProperty().bind(note.visibleProperty());
    return new VBox(6, adc, found, key, file, note);
  }

  private void chooseKeyFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Choose a service-account key file");
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("JSON key files", "*.json"),
        new FileChooser.ExtensionFilter("All files", "*"));
    String current = viewModel.keyFileProperty().get();
    if (!current.isBlank()) {
      Path dir = Path.of(current).getParent();
      if (dir != null && Files.isDirectory(dir)) {
        chooser.setInitialDirectory(dir.toFile());
      }
    }
    File chosen = chooser.showOpenDialog(stage);
    if (chosen != null) {
      viewModel.chooseKeyFile(chosen.toPath());
    }
  }

  private Node status() {
    Label validation = hint("");
    validation.setId("validation");
    validation.textProperty().bind(viewModel.validationProperty());
    validation.visibleProperty().bind(validation.textProperty().isNotEmpty()
        .and(viewModel.projectsProperty().isNotEmpty()));
    validation.managedProperty().bind(validation.visibleProperty());

    Label status = new Label();
    status.setId("connectStatus");
    status.getStyleClass().add("connect-status");
    status.setWrapText(true);
    status.setMinHeight(Region.USE_PREF_SIZE);
    status.textProperty().bind(viewModel.statusProperty());
    status.visibleProperty().bind(status.textProperty().isNotEmpty());
    status.managedProperty().bind(status.visibleProperty());
    viewModel.outcomeProperty().addListener((obs, old, now) -> paint(status, now));
    paint(status, viewModel.outcomeProperty().get());

    ProgressBar bar = new ProgressBar();
    bar.setId("crawlProgress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(viewModel.progressProperty());
    Label stage = hint("");
    stage.setId("crawlStage");
    stage.textProperty().bind(viewModel.progressTextProperty());
    VBox progress = new VBox(4, bar, stage);
    progress.visibleProperty().bind(viewModel.crawlingProperty());
    progress.managedProperty().bind(progress.visibleProperty());

    VBox lines = new VBox(6);
    lines.getStyleClass().add("connect-problem-lines");
    viewModel.problems().addListener((ListChangeListener<String>) change -> showProblems(lines));
    showProblems(lines);
    ScrollPane problems = new ScrollPane(lines);
    problems.setId("crawlProblems");
    problems.getStyleClass().add("connect-problems");
    problems.setFitToWidth(true);
    problems.visibleProperty().bind(Bindings.isNotEmpty(viewModel.problems()));
    problems.managedProperty().bind(problems.visibleProperty());
    VBox.setVgrow(problems, Priority.ALWAYS);
    VBox box = new VBox(8, validation, status, progress, problems);
    VBox.setVgrow(box, Priority.ALWAYS);
    return box;
  }

  private void showProblems(VBox lines) {
    lines.getChildren().setAll(viewModel.problems().stream().map(text -> {
      Label line = new Label(text);
      line.setWrapText(true);
      line.setMinHeight(Region.USE_PREF_SIZE);
      return line;
    }).toList());
  }

  private static void paint(Label status, Outcome outcome) {
    status.getStyleClass().removeAll(List.of("success", "warning", "danger", "working"));
    switch (outcome) {
      case SUCCESS -> status.getStyleClass().add("success");
      case WARNING -> status.getStyleClass().add("warning");
      case ERROR -> status.getStyleClass().add("danger");
      case WORKING -> status.getStyleClass().add("working");
      case NONE -> { }
    }
  }

  private Node buttons() {
    Button test = new Button("Test connection");
    test.setId("testConnection");
    test.disableProperty().bind(viewModel.canTestProperty().not());
    test.setOnAction(e -> viewModel.testConnection());
    Button crawl = new Button("Crawl");
    crawl.setId("crawl");
    crawl.getStyleClass().add("accent");
    crawl.setDefaultButton(true);
    crawl.disableProperty().bind(viewModel.canCrawlProperty().not());
    crawl.setOnAction(e -> viewModel.crawl());
    Button cancel = new Button("Cancel");
    cancel.setId("cancelConnect");
    cancel.visibleProperty().bind(viewModel.runningProperty());
    cancel.managedProperty().bind(cancel.visibleProperty());
    cancel.setOnAction(e -> viewModel.cancel());
    Button close = new Button("Close");
    close.setId("closeConnect");
    close.setCancelButton(true);
    close.setOnAction(e -> stage.close());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(8, test, gap, cancel, crawl, close);
    bar.getStyleClass().add("connect-buttons");
    bar.setAlignment(Pos.CENTER_RIGHT);
    return bar;
  }

  private static Label formLabel(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("form-label");
    GridPane.setValignment(label, javafx.geometry.VPos.TOP);
    return label;
  }

  private static Label hint(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("connect-hint");
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
    return label;
  }
}
