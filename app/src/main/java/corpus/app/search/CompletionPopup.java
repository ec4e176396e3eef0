package corpus.app.search;

import java.util.function.IntConsumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

/**
 * The list of completions under the search box, with a line saying how to take one. It never takes
 * the focus: the search box keeps the keyboard (↑/↓ stay with the results) and forwards Tab,
 * Alt+↑/↓ and Enter to the {@link CompletionViewModel}; a click takes a suggestion. Shown while
 * there are suggestions and the search box has the focus.
 */
final class CompletionPopup {

  private static final double CELL_HEIGHT = 28;

  private final Popup popup = new Popup();
  private final ListView<String> list = new ListView<>();
  private final TextField field;
  private final CompletionViewModel completion;

  CompletionPopup(TextField field, CompletionViewModel completion, IntConsumer onPick) {
    this.field = field;
    this.completion = completion;
    list.setId("completions");
    list.getStyleClass().add(SearchStyles.COMPLETION_LIST);
    list.setItems(completion.suggestions());
    list.setFocusTraversable(false);
    list.setFixedCellSize(CELL_HEIGHT);
    list.setOnMouseClicked(e -> {
      int i = list.getSelectionModel().getSelectedIndex();
      if (e.getButton() == MouseButton.PRIMARY && i >= 0) {
        onPick.accept(i);
      }
    });
    Label hint = new Label("Tab takes the first · Alt+↓/↑ choose · Enter takes the chosen one");
    hint.getStyleClass().add(SearchStyles.COMPLETION_HINT);
    hint.setMaxWidth(Double.MAX_VALUE);
    VBox box = new VBox(list, hint);
    box.getStyleClass().add(SearchStyles.COMPLETION_BOX);
    popup.getContent().add(box);
    popup.setAutoHide(true);
    popup.setConsumeAutoHidingEvents(false); // a click on a facet or card works at once
    popup.setHideOnEscape(false); // Esc goes to the search box, which hides the list itself

    completion.selectedIndexProperty().addListener((obs, old, now) -> {
      int i = now.intValue();
      if (i < 0) {
        list.getSelectionModel().clearSelection();
      } else {
        list.getSelectionModel().select(i);
        list.scrollTo(i);
      }
    });
    completion.suggestions().addListener((ListChangeListener<String>) change -> refresh());
    field.focusedProperty().addListener((obs, old, focused) -> refresh());
  }

  private void refresh() {
    boolean show = completion.isShowing() && field.isFocused() && field.getScene() != null
        && field.getScene().getWindow() != null && field.getScene().getWindow().isShowing();
    if (!show) {
      popup.hide();
      return;
    }
    list.setPrefHeight(completion.suggestions().size() * CELL_HEIGHT + 4);
    list.setPrefWidth(Math.max(320, field.getWidth() * 0.6));
    if (!popup.isShowing()) {
      popup.getScene().getStylesheets().setAll(field.getScene().getStylesheets());
      Bounds bounds = field.localToScreen(field.getBoundsInLocal());
      popup.show(field, bounds.getMinX() + 8, bounds.getMaxY() + 2);
    }
  }

  /** Whether the list is on screen. */
  boolean isShowing() {
    return popup.isShowing();
  }
}
