package corpus.app.search;

import corpus.app.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Shows one {@link ResultItem} as a card: the id in bold with its kind and badges, the snippet, and
 * the table's matching fields as small monospace chips.
 */
final class ResultCell extends ListCell<ResultItem> {

  private final Label title = new Label();
  private final Label kind = new Label();
  private final HBox badges = new HBox(4);
  private final Label snippet = new Label();
  private final FlowPane fields = new FlowPane();
  private final VBox card;

  ResultCell() {
    title.getStyleClass().add(Styles.RESULT_TITLE);
    kind.getStyleClass().add(Styles.KIND_BADGE);
    snippet.getStyleClass().add(Styles.RESULT_SNIPPET);
    snippet.setWrapText(true);
    fields.getStyleClass().add(Styles.MATCHED_FIELDS);
    HBox header = new HBox(8, title, kind, badges);
    header.setMinHeight(Region.USE_PREF_SIZE);
    header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    card = new VBox(header, snippet, fields);
    card.getStyleClass().add(Styles.RESULT_CARD);
    setPrefWidth(0); // let the list's width, not the text's, decide the card width
  }

  @Override
  protected void updateItem(ResultItem item, boolean empty) {
    super.updateItem(item, empty);
    setText(null);
    if (empty || item == null) {
      setGraphic(null);
      return;
    }
    title.setText(item.title());
    kind.setText(item.kind());
    badges.getChildren().setAll(item.badges().stream().map(ResultCell::badge).toList());
    snippet.setText(item.snippet());
    snippet.setVisible(!item.snippet().isBlank());
    snippet.setManaged(snippet.isVisible());
    fields.getChildren().clear();
    if (!item.matchedFields().isEmpty()) {
      Label caption = new Label("Matching fields");
      caption.getStyleClass().add(Styles.MUTED);
      fields.getChildren().add(caption);
      item.matchedFields().forEach(path -> {
        Label chip = new Label(path);
        chip.getStyleClass().add(Styles.FIELD_CHIP);
        fields.getChildren().add(chip);
      });
    }
    fields.setVisible(!item.matchedFields().isEmpty());
    fields.setManaged(fields.isVisible());
    setGraphic(card);
  }

  private static Label badge(String trait) {
    Label badge = new Label(trait);
    badge.getStyleClass().addAll(Styles.BADGE, Styles.badge(trait));
    return badge;
  }
}
