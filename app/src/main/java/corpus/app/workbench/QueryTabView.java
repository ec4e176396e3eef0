package corpus.app.workbench;

import corpus.app.theme.Styles;
import java.io.File;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * One workbench tab on screen: the toolbar (Run, Cancel with elapsed time, allow writes, export), the SQL editor
 * above the result grid, and the estimate panel beside them. Only binds and forwards to its view model.
 */
final class QueryTabView {

  static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination COMMENT = new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination FORMAT =
      new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  static final KeyCombination COMPLETE = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN);

  private final QueryTabViewModel viewModel;
  private final Tab tab = new Tab();
  private final SqlEditor editor;
  private final javafx.beans.value.ObservableValue<corpus.indexer.catalog.CatalogReader> catalog;
  private final javafx.scene.control.ContextMenu completions = new javafx.scene.control.ContextMenu();

  QueryTabView(QueryTabViewModel viewModel,
      javafx.beans.value.ObservableValue<corpus.indexer.catalog.CatalogReader> catalog) {
    this.viewModel = viewModel;
    this.catalog = catalog;
    tab.textProperty().bind(viewModel.titleProperty());
    tab.setUserData(viewModel);
    editor = new SqlEditor(viewModel.sqlProperty());
    viewModel.problems().addListener((ListChangeListener<corpus.indexer.warehouse.Problem>) c ->
        editor.showProblems(viewModel.problems()));

    completions.setId("sqlCompletions");
    viewModel.completions().addListener((ListChangeListener<SqlCompletion.Suggestion>) c -> showCompletions());

    ResultGrid grid = new ResultGrid();
    viewModel.resultProperty().addListener((obs, old, r) -> grid.show(r));
    grid.show(viewModel.resultProperty().get());
    Label status = new Label();
    status.setId("runStatus");
    status.getStyleClass().add("run-status");
    status.textProperty().bind(viewModel.runStatusProperty());
    viewModel.runFailedProperty().addListener((obs, old, failed) -> {
      status.getStyleClass().remove("failed");
      if (failed) {
        status.getStyleClass().add("failed");
      }
    });
    status.setWrapText(true);
    VBox results = new VBox(6, status, grid);
    results.getStyleClass().add("results");
    VBox.setVgrow(grid, Priority.ALWAYS);

    SplitPane editorAndResults = new SplitPane(editor.node(), results);
    editorAndResults.setOrientation(Orientation.VERTICAL);
    editorAndResults.setDividerPositions(0.45);
    EstimatePanel estimate = new EstimatePanel(viewModel);
    SplitPane main = new SplitPane(editorAndResults, estimate);
    main.setDividerPositions(0.66);
    SplitPane.setResizableWithParent(estimate, false);

    BorderPane root = new BorderPane(main);
    root.setTop(toolbar());
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    tab.setContent(root);
    tab.setOnClosed(e -> viewModel.dispose());
    viewModel.confirmationProperty().addListener((obs, old, question) -> {
      if (question != null && !question.isBlank()) {
        Platform.runLater(() -> confirm(question));
      }
    });
  }

  private HBox toolbar() {
    Button run = new Button("Run");
    run.setId("runQuery");
    run.getStyleClass().add("accent");
    run.setTooltip(new Tooltip("Run the query (Ctrl+Enter)"));
    run.setOnAction(e -> viewModel.run());
    run.disableProperty().bind(viewModel.runningProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("cancelQuery");
    cancel.setOnAction(e -> viewModel.cancel());
    cancel.visibleProperty().bind(viewModel.runningProperty());
    cancel.managedProperty().bind(cancel.visibleProperty());
    Label elapsed = new Label();
    elapsed.setId("elapsed");
    elapsed.getStyleClass().add(Styles.MUTED);
    elapsed.visibleProperty().bind(viewModel.runningProperty());
    javafx.animation.Timeline ticker = new javafx.animation.Timeline(new KeyFrame(Duration.millis(100),
        e -> elapsed.setText(viewModel.elapsedText(Instant.now()))));
    ticker.setCycleCount(Animation.INDEFINITE);
    viewModel.runningProperty().addListener((obs, old, running) -> {
      if (running) {
        elapsed.setText("");
        ticker.playFromStart();
      } else {
        ticker.stop();
      }
    });
    Button format = new Button("Format");
    format.setId("formatQuery");
    format.setTooltip(new Tooltip("One clause per line (Ctrl+Shift+F)"));
    format.setOnAction(e -> viewModel.format());
    CheckBox writes = new CheckBox("Allow writes");
    writes.setId("allowWrites");
    writes.setTooltip(new Tooltip("Let INSERT, UPDATE, DELETE, MERGE and DDL run in this tab"));
    writes.selectedProperty().bindBidirectional(viewModel.writingAllowedProperty());
    MenuItem csv = new MenuItem("CSV…");
    csv.setOnAction(e -> export(ResultExport.Format.CSV));
    MenuItem json = new MenuItem("JSON…");
    json.setOnAction(e -> export(ResultExport.Format.JSON));
    MenuButton export = new MenuButton("Export", null, csv, json);
    export.setId("exportResult");
    export.disableProperty().bind(Bindings.isNull(viewModel.resultProperty()));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(8, run, cancel, elapsed, gap, format, writes, export);
    bar.getStyleClass().add("query-toolbar");
    return bar;
  }

  private void onKey(KeyEvent e) {
    if (RUN.match(e)) {
      viewModel.run();
      e.consume();
    } else if (FORMAT.match(e)) {
      viewModel.format();
      e.consume();
    } else if (COMPLETE.match(e)) {
      viewModel.complete(catalog.getValue(), editor.area().getCaretPosition());
      e.consume();
    } else if (COMMENT.match(e)) {
      var area = editor.area();
      SqlComments.Edit edit = viewModel.toggleComment(area.getSelection().getStart(), area.getSelection().getEnd());
      area.selectRange(edit.selectionStart(), edit.selectionEnd());
      e.consume();
    }
  }

  private void showCompletions() {
    completions.getItems().clear();
    if (viewModel.completions().isEmpty()) {
      completions.hide();
      return;
    }
    for (SqlCompletion.Suggestion s : viewModel.completions()) {
      MenuItem item = new MenuItem((s.table() ? "table  " : "column  ") + s.name());
      item.setMnemonicParsing(false);
      item.setOnAction(e -> {
        int caret = viewModel.acceptCompletion(s);
        editor.area().moveTo(Math.min(caret, editor.area().getLength()));
        editor.area().requestFocus();
      });
      completions.getItems().add(item);
    }
    editor.area().getCaretBounds().ifPresent(b -> completions.show(editor.area(), b.getMinX(), b.getMaxY()));
  }

  private void confirm(String question) {
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
    alert.setHeaderText("Run an expensive query?");
    if (tab.getTabPane() != null && tab.getTabPane().getScene() != null) {
      alert.initOwner(tab.getTabPane().getScene().getWindow());
    }
    alert.showAndWait().filter(b -> b == ButtonType.OK)
        .ifPresentOrElse(b -> viewModel.confirmRun(), viewModel::dismissConfirmation);
  }

  private void export(ResultExport.Format format) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export the result as " + format);
    chooser.setInitialFileName(viewModel.titleProperty().get().replaceAll("\\W+", "_") + "." + format.extension());
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
    File file = chooser.showSaveDialog(tab.getTabPane().getScene().getWindow());
    if (file != null) {
      viewModel.export(format, file.toPath());
    }
  }

  Tab tab() {
    return tab;
  }

  void focusEditor() {
    editor.area().requestFocus();
  }
}
