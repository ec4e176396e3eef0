package corpus.app.history;

import corpus.app.theme.Styles;
import corpus.indexer.history.Change;
import corpus.indexer.history.EntityVersion;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The History tab: the timeline of recorded versions on the left (newest first), and on the right
 * two pickers and the readable diff between the versions they name.
 */
public final class HistoryView {

  private final VBox root;

  public HistoryView(HistoryViewModel vm) {
    ListView<EntityVersion> timeline = new ListView<>();
    timeline.setId("historyVersions");
    timeline.setPrefWidth(300);
    timeline.setItems(vm.versions());
    timeline.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(EntityVersion v, boolean empty) {
        super.updateItem(v, empty);
        setText(empty || v == null ? null : HistoryViewModel.label(v));
      }
    });
    timeline.getSelectionModel().selectedItemProperty().addListener((o, a, v) -> {
      if (v != null) {
        vm.fromProperty().set(null);
        vm.toProperty().set(v);
      }
    });
    ComboBox<EntityVersion> from = picker("historyFrom", vm);
    from.valueProperty().bindBidirectional(vm.fromProperty());
    ComboBox<EntityVersion> to = picker("historyTo", vm);
    to.valueProperty().bindBidirectional(vm.toProperty());
    HBox pickers = new HBox(8, new Label("Compare"), from, new Label("with"), to);
    pickers.setAlignment(Pos.CENTER_LEFT);
    ListView<Change> diff = new ListView<>(vm.changes());
    diff.setId("historyDiff");
    diff.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(Change c, boolean empty) {
        super.updateItem(c, empty);
        getStyleClass().removeAll("history-change-added", "history-change-removed", "history-change-changed");
        setText(empty || c == null ? null : c.text());
        if (!empty && c != null) {
          getStyleClass().add(c.before() == null ? "history-change-added"
              : c.after() == null ? "history-change-removed" : "history-change-changed");
        }
      }
    });
    Label message = new Label();
    message.setId("catalogHistoryMessage");
    message.getStyleClass().add(Styles.MUTED);
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    VBox right = new VBox(8, pickers, diff);
    VBox.setVgrow(diff, Priority.ALWAYS);
    HBox.setHgrow(right, Priority.ALWAYS);
    HBox body = new HBox(12, timeline, right);
    VBox.setVgrow(body, Priority.ALWAYS);
    root = new VBox(8, message, body);
    root.setPadding(new Insets(10));
    root.getStylesheets().add(corpus.app.scd.ScdPageView.class.getResource("scd.css").toExternalForm());
  }

  private static ComboBox<EntityVersion> picker(String id, HistoryViewModel vm) {
    ComboBox<EntityVersion> box = new ComboBox<>(vm.versions());
    box.setId(id);
    box.setConverter(new StringConverter<>() {
      @Override
      public String toString(EntityVersion v) {
        return v == null ? "(previous)" : HistoryViewModel.label(v);
      }

      @Override
      public EntityVersion fromString(String s) {
        return null;
      }
    });
    return box;
  }

  public Parent root() {
    return root;
  }
}
