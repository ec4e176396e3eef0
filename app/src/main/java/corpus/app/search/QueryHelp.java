package corpus.app.search;

import corpus.app.theme.Styles;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.HPos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The query language on one card, for the help popover and the empty search page: each line shows
 * an example that runs when clicked, and what it finds.
 */
final class QueryHelp {

  /** One line of the card: a runnable example and what it does. */
  record Line(String example, String meaning) {}

  static final List<Line> LINES = List.of(
      new Line("creator plays", "words in names, descriptions and docs; more words matched rank higher"),
      new Line("\"per day\"", "an exact phrase"),
      new Line("plays -raw", "leave out what mentions a word"),
      new Line("dataset:creator", "only one dataset (also project:)"),
      new Line("kind:view", "only tables, views, fields, docs or datasets"),
      new Line("tier:gold", "by tier or owner (owner:team)"),
      new Line("label:tier=gold", "by label, or label:key for having it"),
      new Line("type:record", "fields of a type (string, int64, date, …)"),
      new Line("scd:true", "SCD type 2 tables (partitioned:true likewise)"),
      new Line("pii:email", "fields classified as that kind of personal data"));

  private QueryHelp() {}

  /** The card; clicking an example hands its query to {@code onExample}. */
  static VBox card(Consumer<String> onExample) {
    Label title = new Label("Search in a minute");
    title.getStyleClass().add(SearchStyles.HELP_TITLE);
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(2);
    ColumnConstraints examples = new ColumnConstraints();
    examples.setHalignment(HPos.LEFT);
    grid.getColumnConstraints().addAll(examples, new ColumnConstraints());
    for (int row = 0; row < LINES.size(); row++) {
      Line line = LINES.get(row);
      Hyperlink example = new Hyperlink(line.example());
      example.setMnemonicParsing(false);
      example.getStyleClass().addAll(SearchStyles.HELP_SYNTAX, Styles.MONO);
      example.setOnAction(e -> onExample.accept(line.example()));
      Label meaning = new Label(line.meaning());
      meaning.getStyleClass().add(SearchStyles.HELP_TEXT);
      grid.addRow(row, example, meaning);
    }
    Label combine = new Label(
        "Filters combine with words: dataset:creator type:record plays. Several values of one filter are "
            + "alternatives. ↑↓ move through results, Enter opens, Esc clears, Tab completes a name, Ctrl+K "
            + "comes back here.");
    combine.setWrapText(true);
    combine.getStyleClass().add(Styles.MUTED);
    combine.setMaxWidth(560);
    VBox card = new VBox(8, title, grid, combine);
    card.getStyleClass().add(SearchStyles.HELP);
    return card;
  }
}
