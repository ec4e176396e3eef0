package corpus.app.search;

import corpus.app.format.Formats;
import corpus.app.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Shows one {@link ResultItem} as a card: the id in bold with its kind and badges (published, SCD2,
 * partitioned, personal data, each in its own colour), the snippet, the table's usage and age when
 * a sort loaded them, and the table's matching fields as small monospace chips.
 */
final class ResultCell extends ListCell<ResultItem> {

  private final Label title = new Label();
  private final Label kind = new Label();
  private final HBox badges = new HBox(4);
  private final Label snippet = new Label();
  private final FlowPane fields = new FlowPane();
  private final Label facts = new Label();
  private final Formats formats;
  private final VBox card;

  ResultCell(Formats formats) {
    this.formats = formats;
    title.getStyleClass().add(Styles.RESULT_TITLE);
    kind.getStyleClass().add(Styles.KIND_BADGE);
    snippet.getStyleClass().add(Styles.RESULT_SNIPPET);
    snippet.setWrapText(true);
    fields.getStyleClass().add(Styles.MATCHED_FIELDS);
    HBox header = new HBox(8, title, kind, badges);
    header.setMinHeight(Region.USE_PREF_SIZE);
    header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    facts.getStyleClass().add(SearchStyles.CARD_FACTS);
    card = new VBox(header, snippet, facts, fields);
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
    kind.getStyleClass().setAll("label", Styles.KIND_BADGE, Styles.KIND_BADGE + "-" + item.kind().replace(' ', '-'));
    badges.getChildren().setAll(item.badges().stream().map(ResultCell::badge).toList());
    snippet.setText(item.snippet());
    snippet.setVisible(!item.snippet().isBlank());
    snippet.setManaged(snippet.isVisible());
    facts.setText(item.facts() == null || !item.isTable() ? "" : describe(item.facts()));
    facts.setVisible(!facts.getText().isEmpty());
    facts.setManaged(facts.isVisible());
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

  private String describe(CardFacts f) {
    String usage = f.queryCount() == 0 ? "no recorded queries"
        : Formats.count(f.queryCount()) + (f.queryCount() == 1 ? " query" : " queries")
            + (f.distinctUsers() > 0 ? " by " + Formats.count(f.distinctUsers())
                + (f.distinctUsers() == 1 ? " person" : " people") : "");
    return f.lastModified() == null ? usage : usage + " · modified " + formats.age(f.lastModified());
  }

  private static Label badge(String trait) {
    Label badge = new Label(badgeText(trait));
    String style = trait.startsWith("pii:") ? Styles.badge("pii") : Styles.badge(trait);
    badge.getStyleClass().addAll(Styles.BADGE, style);
    return badge;
  }

  /** How a badge reads: {@code scd2} → {@code SCD2}, {@code pii:email} → {@code pii: email}. */
  static String badgeText(String trait) {
    return switch (trait) {
      case "scd2" -> "SCD2";
      case "personal data" -> "⚠ personal data";
      case "published" -> "✓ published";
      default -> trait.startsWith("pii:") ? "pii: " + trait.substring(4) : trait;
    };
  }
}
