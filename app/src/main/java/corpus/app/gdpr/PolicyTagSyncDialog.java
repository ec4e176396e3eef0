package corpus.app.gdpr;

import corpus.app.theme.Theme;
import corpus.indexer.source.bigquery.PolicyTagSyncPlan.ColumnPlan;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Sync to BigQuery policy tags" dialog: project and taxonomy name, the preview (what will be
 * created, each column's current → new tag and action, problems), and Apply with a progress bar
 * and Cancel. Opens with the preview already running. Only binds and forwards to {@link
 * PolicyTagSyncViewModel}.
 */
public final class PolicyTagSyncDialog {

  private final PolicyTagSyncViewModel vm;
  private final Stage stage = new Stage();

  public PolicyTagSyncDialog(PolicyTagSyncViewModel vm, Window owner, Theme theme) {
    this.vm = vm;
    Label intro = new Label("Writes the categories reviewers confirmed or changed to BigQuery column policy tags;"
        + " creates the taxonomy and tags in Data Catalog when missing. Suggestions are never written."
        + " Columns that carry another taxonomy's tag are left alone.");
    intro.setWrapText(true);
    intro.setMinHeight(Region.USE_PREF_SIZE);
    Label unavailable = new Label();
    unavailable.setId("policyTagsUnavailable");
    unavailable.setWrapText(true);
    unavailable.setMinHeight(Region.USE_PREF_SIZE);
    unavailable.getStyleClass().add("text-danger");
    unavailable.textProperty().bind(vm.unavailableProperty());
    unavailable.managedProperty().bind(unavailable.textProperty().isNotEmpty());
    unavailable.visibleProperty().bind(unavailable.managedProperty());

    ComboBox<String> project = new ComboBox<>(vm.projects());
    project.setId("policyTagsProject");
    project.valueProperty().bindBidirectional(vm.projectProperty());
    TextField taxonomy = new TextField();
    taxonomy.setId("policyTagsTaxonomy");
    taxonomy.textProperty().bindBidirectional(vm.taxonomyProperty());
    Button preview = new Button("Preview");
    preview.setId("policyTagsPreview");
    preview.setOnAction(e -> vm.preview());
    preview.disableProperty().bind(vm.busyProperty().or(new SimpleBooleanProperty(!vm.isConnected())));
    HBox settings = new HBox(8, new Label("Project"), project, new Label("Taxonomy"), taxonomy, preview);
    settings.setAlignment(Pos.CENTER_LEFT);
    project.disableProperty().bind(vm.busyProperty());
    taxonomy.disableProperty().bind(vm.busyProperty());

    Label summary = new Label();
    summary.setId("policyTagsSummary");
    summary.textProperty().bind(vm.summaryProperty());
    ListView<String> notes = new ListView<>(vm.notes());
    notes.setId("policyTagsNotes");
    notes.setPrefHeight(120);
    TableView<ColumnPlan> columns = new TableView<>(vm.columns());
    columns.setId("policyTagsColumns");
    columns.setPlaceholder(new Label("The preview appears here."));
    columns.getColumns().add(column("Table", 190, c -> c.table().toString()));
    columns.getColumns().add(column("Column", 150, ColumnPlan::field));
    columns.getColumns().add(column("Category", 110, ColumnPlan::category));
    columns.getColumns().add(column("Current tag", 160, c -> c.current().isEmpty() ? "(none)" : String.join(", ", c.current())));
    columns.getColumns().add(column("New tag", 220, PolicyTagSyncDialog::newTag));
    columns.getColumns().add(column("Action", 90, c -> c.action().name().toLowerCase(Locale.ROOT)));
    VBox.setVgrow(columns, Priority.ALWAYS);

    ProgressBar progress = new ProgressBar();
    progress.setId("policyTagsProgress");
    progress.progressProperty().bind(vm.progressProperty());
    progress.visibleProperty().bind(vm.busyProperty());
    progress.setPrefWidth(160);
    Label progressText = new Label();
    progressText.textProperty().bind(vm.progressTextProperty());
    Label message = new Label();
    message.setId("policyTagsMessage");
    message.setWrapText(true);
    message.setMinHeight(Region.USE_PREF_SIZE);
    message.textProperty().bind(vm.messageProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("policyTagsCancel");
    cancel.setOnAction(e -> vm.cancel());
    cancel.visibleProperty().bind(vm.busyProperty());
    Button apply = new Button("Apply");
    apply.setId("policyTagsApply");
    apply.setDefaultButton(true);
    apply.disableProperty().bind(vm.canApplyProperty().not());
    apply.setOnAction(e -> vm.apply());
    Button close = new Button("Close");
    close.setId("policyTagsClose");
    close.setCancelButton(true);
    close.setOnAction(e -> stage.close());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox buttons = new HBox(8, progress, progressText, spacer, cancel, apply, close);
    buttons.setAlignment(Pos.CENTER_LEFT);

    VBox root = new VBox(10, intro, unavailable, settings, summary, notes, columns, message, buttons);
    root.setId("policyTagSyncDialog");
    root.setPadding(new Insets(14));
    Scene scene = new Scene(root, 980, 640);
    theme.style(scene);
    stage.setScene(scene);
    stage.setTitle("Sync to BigQuery policy tags");
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    }
    stage.setOnHidden(e -> vm.cancel());
  }

  /** Shows the dialog and starts the preview when connected. */
  public void show() {
    stage.show();
    stage.toFront();
    vm.preview();
  }

  public Stage stage() {
    return stage;
  }

  private static String newTag(ColumnPlan c) {
    return switch (c.action()) {
      case CONFLICT -> "left alone (wanted " + c.tag() + ")";
      case UNCHANGED -> c.tag();
      case REMOVE -> "(none): classification rejected";
      default -> c.tag() + (c.tagName() == null ? " (new)" : "");
    };
  }

  private static TableColumn<ColumnPlan, String> column(String title, double width, Function<ColumnPlan, String> value) {
    TableColumn<ColumnPlan, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }
}
