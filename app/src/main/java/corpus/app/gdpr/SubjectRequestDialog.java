package corpus.app.gdpr;

import corpus.app.theme.Styles;
import corpus.app.theme.Theme;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Data-subject request" window of the GDPR area: identifier kind and the subject's value, a
 * table of the access and erasure statements per table with their cost estimates, and buttons that
 * copy a statement (parameterised) or a {@code bq} command binding the value as its parameter.
 * Only binds and forwards to {@link SubjectRequestViewModel}.
 */
public final class SubjectRequestDialog {

  private final SubjectRequestViewModel vm;
  private final Stage stage = new Stage();

  public SubjectRequestDialog(SubjectRequestViewModel vm, Window owner, Theme theme) {
    this.vm = vm;
    Label intro = new Label("Finds every table holding an identifier kind, directly or through lineage, with"
        + " parameterised statements to read (access, Art. 15) and erase (Art. 17) a person's rows, each with its"
        + " cost estimate. The identifier is only ever bound as the @subject_id parameter.");
    intro.setWrapText(true);
    intro.setMinHeight(Region.USE_PREF_SIZE);

    ComboBox<String> kind = new ComboBox<>(vm.kinds());
    kind.setId("dsrKind");
    kind.valueProperty().bindBidirectional(vm.kindProperty());
    TextField value = new TextField();
    value.setId("dsrValue");
    value.setPromptText("the subject's identifier (optional, for the bq command)");
    value.setPrefColumnCount(28);
    value.textProperty().bindBidirectional(vm.valueProperty());
    Button find = new Button("Find tables");
    find.setId("dsrFind");
    find.setDefaultButton(true);
    find.disableProperty().bind(vm.busyProperty());
    find.setOnAction(e -> vm.find());
    HBox settings = new HBox(8, new Label("Identifier kind"), kind, new Label("Value"), value, find);
    settings.setAlignment(Pos.CENTER_LEFT);

    TableView<SubjectRequestViewModel.Row> table = new TableView<>(vm.rows());
    table.setId("dsrStatements");
    table.setPlaceholder(new Label("Pick an identifier kind and press Find tables."));
    table.getColumns().add(column("Table", 260, SubjectRequestViewModel.Row::table));
    table.getColumns().add(column("Statement", 80, SubjectRequestViewModel.Row::kind));
    table.getColumns().add(column("Estimate", 250, SubjectRequestViewModel.Row::estimate));
    TableColumn<SubjectRequestViewModel.Row, String> sql = column("SQL", 520, SubjectRequestViewModel.Row::sql);
    sql.getStyleClass().add(Styles.MONO);
    table.getColumns().add(sql);
    VBox.setVgrow(table, Priority.ALWAYS);

    Label total = new Label();
    total.setId("dsrTotal");
    total.textProperty().bind(vm.totalProperty());
    Label message = new Label();
    message.setId("dsrMessage");
    message.setWrapText(true);
    message.setMinHeight(Region.USE_PREF_SIZE);
    message.textProperty().bind(vm.messageProperty());

    ProgressBar progress = new ProgressBar();
    progress.progressProperty().bind(vm.progressProperty());
    progress.visibleProperty().bind(vm.busyProperty());
    progress.setPrefWidth(160);
    Button cancel = new Button("Cancel");
    cancel.setId("dsrCancel");
    cancel.visibleProperty().bind(vm.busyProperty());
    cancel.setOnAction(e -> vm.cancel());
    Button copy = new Button("Copy SQL");
    copy.setId("dsrCopy");
    copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    copy.setOnAction(e -> copy(vm.copyText(table.getSelectionModel().getSelectedItem())));
    Button copyBq = new Button("Copy bq command");
    copyBq.setId("dsrCopyBq");
    copyBq.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
        .or(vm.valueProperty().isEmpty()));
    copyBq.setOnAction(e -> copy(vm.bqCommand(table.getSelectionModel().getSelectedItem())));
    Button close = new Button("Close");
    close.setCancelButton(true);
    close.setOnAction(e -> stage.close());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox buttons = new HBox(8, progress, cancel, spacer, copy, copyBq, close);
    buttons.setAlignment(Pos.CENTER_LEFT);

    VBox root = new VBox(10, intro, settings, message, table, total, buttons);
    root.setId("subjectRequestDialog");
    root.setPadding(new Insets(14));
    Scene scene = new Scene(root, 1180, 640);
    theme.style(scene);
    stage.setScene(scene);
    stage.setTitle("Data-subject request");
    if (owner != null) {
      stage.initOwner(owner);
    }
    stage.setOnHidden(e -> {
      vm.cancel();
      vm.valueProperty().set("");
    });
  }

  public void show() {
    stage.show();
    stage.toFront();
  }

  public Stage stage() {
    return stage;
  }

  private static void copy(String text) {
    if (text == null) {
      return;
    }
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }

  private static TableColumn<SubjectRequestViewModel.Row, String> column(String title, double width,
      Function<SubjectRequestViewModel.Row, String> value) {
    TableColumn<SubjectRequestViewModel.Row, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }
}
