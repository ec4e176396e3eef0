package corpus.app.gdpr;

import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewItem;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The GDPR review queue page: filters on top, the queue on the left (several rows can be selected
 * for bulk decisions), the selected field's evidence, lineage path, masked example, decision
 * controls, comment box and audit history on the right. Keyboard: J/K or ↓/↑ move, C confirms, R
 * rejects (the whole selection when several rows are selected). Only binds and forwards.
 */
public final class ReviewQueueView {

  private final ReviewQueueViewModel vm;
  private final BorderPane root = new BorderPane();
  private final TableView<ReviewItem> table = new TableView<>();
  private final ComboBox<String> changeTo = new ComboBox<>();
  private final TextArea comment = new TextArea();

  public ReviewQueueView(ReviewQueueViewModel vm) {
    this.vm = vm;
    root.setId("reviewQueue");
    root.getStyleClass().add("page");
    root.setPadding(new Insets(12));
    root.setTop(filters());
    SplitPane split = new SplitPane(queue(), details());
    split.setDividerPositions(0.48);
    root.setCenter(split);
    Label message = new Label();
    message.setId("reviewMessage");
    message.textProperty().bind(vm.messageProperty());
    Label keys = new Label("J/K or ↓/↑ move · C confirm · R reject · Shift/Ctrl-click selects several for bulk");
    keys.getStyleClass().add("text-muted");
    HBox bottom = new HBox(16, message, keys);
    bottom.setPadding(new Insets(8, 0, 0, 0));
    root.setBottom(bottom);
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
  }

  private Node filters() {
    ComboBox<String> dataset = new ComboBox<>();
    dataset.setId("datasetFilter");
    dataset.setPromptText("All datasets");
    dataset.getItems().add("");
    vm.datasets().addListener((ListChangeListener<String>) c -> {
      for (String d : vm.datasets()) {
        if (!dataset.getItems().contains(d)) {
          dataset.getItems().add(d);
        }
      }
    });
    dataset.valueProperty().bindBidirectional(vm.datasetFilterProperty());
    ComboBox<String> category = new ComboBox<>(vm.categories());
    category.setId("categoryFilter");
    category.setPromptText("All categories");
    category.valueProperty().bindBidirectional(vm.categoryFilterProperty());
    Slider confidence = new Slider(0, 1, 0);
    confidence.setId("confidenceFilter");
    confidence.setPrefWidth(120);
    confidence.valueProperty().bindBidirectional(vm.minConfidenceProperty());
    confidence.valueChangingProperty().addListener((obs, was, changing) -> {
      if (!changing) {
        vm.refresh();
      }
    });
    Label confidenceValue = new Label();
    confidenceValue.textProperty().bind(Bindings.format(Locale.ROOT, "≥ %.2f", vm.minConfidenceProperty()));
    ComboBox<StatusFilter> status = new ComboBox<>();
    status.setId("statusFilter");
    status.getItems().setAll(StatusFilter.values());
    status.valueProperty().bindBidirectional(vm.statusFilterProperty());
    Button scan = new Button("Scan catalog");
    scan.setId("scanButton");
    scan.setOnAction(e -> vm.scan());
    scan.disableProperty().bind(vm.busyProperty());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.busyProperty());
    Label title = new Label("GDPR review");
    title.getStyleClass().add("title-3");
    HBox bar = new HBox(8, label("Dataset"), dataset, label("Category"), category, label("Confidence"), confidence,
        confidenceValue, label("Status"), status, scan, busy);
    bar.setAlignment(Pos.CENTER_LEFT);
    confidenceValue.setMinWidth(Region.USE_PREF_SIZE);
    scan.setMinWidth(Region.USE_PREF_SIZE);
    VBox top = new VBox(6, title, bar);
    top.setPadding(new Insets(0, 0, 10, 0));
    return top;
  }

  private Node queue() {
    table.setId("reviewTable");
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setItems(vm.items());
    table.setPlaceholder(new Label("Nothing to review. Run a scan or change the filters."));
    TableColumn<ReviewItem, String> field = column("Field", 300, i -> i.key().table() + ":" + i.key().field());
    TableColumn<ReviewItem, String> category = column("Category", 120, ReviewItem::effectiveCategory);
    TableColumn<ReviewItem, String> confidence = column("Conf.", 60,
        i -> String.format(Locale.ROOT, "%.2f", i.confidence()));
    TableColumn<ReviewItem, String> status = column("Status", 90,
        i -> i.status().id() + (i.needsReReview() ? " ⚑" : ""));
    table.getColumns().setAll(List.of(field, category, confidence, status));
    // the queue follows the view model; a click on one row (not a multi-row selection) moves it
    table.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      if (table.getSelectionModel().getSelectedIndices().size() == 1) {
        vm.selectedIndexProperty().set(table.getSelectionModel().getSelectedIndex());
      }
    });
    vm.selectedIndexProperty().addListener((obs, old, now) -> showSelected(now.intValue()));
    vm.items().addListener((ListChangeListener<ReviewItem>) c -> showSelected(vm.selectedIndexProperty().get()));
    return table;
  }

  private void showSelected(int index) {
    if (index < 0 || index >= table.getItems().size()) {
      table.getSelectionModel().clearSelection();
    } else if (table.getSelectionModel().getSelectedIndex() != index
        || table.getSelectionModel().getSelectedIndices().size() > 1) {
      table.getSelectionModel().clearAndSelect(index);
      table.scrollTo(Math.max(0, index - 3));
    }
  }

  private static TableColumn<ReviewItem, String> column(String name, double width,
      java.util.function.Function<ReviewItem, String> value) {
    TableColumn<ReviewItem, String> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }

  private Node details() {
    Label heading = new Label();
    heading.setId("reviewField");
    heading.getStyleClass().add("title-4");
    heading.setWrapText(true);
    Label suggestion = new Label();
    suggestion.setId("reviewSuggestion");
    suggestion.setWrapText(true);
    vm.selectedProperty().addListener((obs, old, item) -> {
      heading.setText(item == null ? "No field selected" : item.key().table() + " : " + item.key().field());
      suggestion.setText(item == null ? "" : String.format(Locale.ROOT, "%s (%s), confidence %.2f — %s%s",
          item.effectiveCategory(), item.suggestedInfoType(), item.confidence(), item.status().id(),
          item.decidedBy() == null ? "" : " by " + item.decidedBy()));
      changeTo.setValue(item == null ? null : item.effectiveCategory());
    });

    ListView<String> evidence = new ListView<>(vm.evidence());
    evidence.setId("reviewEvidence");
    evidence.setPrefHeight(150);
    FlowPane lineage = new FlowPane(6, 4);
    lineage.setId("reviewLineage");
    lineage.getChildren().add(new Label("no upstream personal data"));
    vm.lineageTables().addListener((ListChangeListener<String>) c -> {
      lineage.getChildren().clear();
      for (String t : vm.lineageTables()) {
        Hyperlink link = new Hyperlink(t);
        link.setMnemonicParsing(false);
        link.setOnAction(e -> vm.openTable(t));
        lineage.getChildren().add(link);
      }
      if (lineage.getChildren().isEmpty()) {
        lineage.getChildren().add(new Label("no upstream personal data"));
      }
    });

    Button mask = new Button("Show masked example");
    mask.setId("maskButton");
    mask.setOnAction(e -> vm.requestMaskedExample());
    Label masked = new Label();
    masked.setId("maskedExample");
    masked.textProperty().bind(vm.maskedExampleProperty());

    Button confirm = new Button("Confirm (C)");
    confirm.setId("confirmButton");
    confirm.getStyleClass().add("success");
    confirm.setOnAction(e -> vm.confirm(selectionKeys()));
    Button reject = new Button("Reject (R)");
    reject.setId("rejectButton");
    reject.getStyleClass().add("danger");
    reject.setOnAction(e -> vm.reject(selectionKeys()));
    changeTo.setId("changeCategory");
    changeTo.setItems(vm.categories());
    Button change = new Button("Change");
    change.setId("changeButton");
    change.setOnAction(e -> vm.change(selectionKeys(), changeTo.getValue()));
    HBox decide = new HBox(8, confirm, reject, new Label("or set"), changeTo, change);
    decide.setAlignment(Pos.CENTER_LEFT);
    decide.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));

    comment.setId("commentBox");
    comment.setPromptText("Reason or comment (goes into the audit log; never paste personal data)");
    comment.setPrefRowCount(2);
    comment.setWrapText(true);
    comment.textProperty().bindBidirectional(vm.commentTextProperty());
    Button addComment = new Button("Comment");
    addComment.setId("commentButton");
    addComment.setOnAction(e -> vm.comment());

    ListView<String> history = new ListView<>(vm.history());
    history.setId("reviewHistory");
    history.setPrefHeight(140);

    VBox box = new VBox(8, heading, suggestion, section("Evidence"), evidence, section("Lineage path"), lineage,
        new HBox(8, mask, masked), decide, comment, addComment, section("Audit history"), history);
    VBox.setVgrow(evidence, Priority.ALWAYS);
    box.setPadding(new Insets(0, 0, 0, 12));
    return box;
  }

  private static Label label(String text) {
    Label l = new Label(text);
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  private static Label section(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("text-bold");
    return l;
  }

  /** The keys of a multi-row selection; empty for a single row (the view model uses its selection). */
  private List<FieldKey> selectionKeys() {
    List<ReviewItem> rows = table.getSelectionModel().getSelectedItems();
    return rows.size() > 1 ? rows.stream().map(ReviewItem::key).toList() : List.of();
  }

  private void onKey(KeyEvent e) {
    if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
      return;
    }
    KeyCode code = e.getCode();
    if (code == KeyCode.J || (code == KeyCode.DOWN && !e.isShiftDown() && e.getTarget() == table)) {
      vm.next();
    } else if (code == KeyCode.K || (code == KeyCode.UP && !e.isShiftDown() && e.getTarget() == table)) {
      vm.previous();
    } else if (code == KeyCode.C) {
      vm.confirm(selectionKeys());
    } else if (code == KeyCode.R) {
      vm.reject(selectionKeys());
    } else {
      return;
    }
    e.consume();
  }

  /** Puts the keyboard focus on the queue. */
  public void focus() {
    table.requestFocus();
  }

  public Node root() {
    return root;
  }
}
