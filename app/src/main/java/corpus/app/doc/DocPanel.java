package corpus.app.doc;

import corpus.app.theme.Styles;
import corpus.indexer.model.Doc;
import corpus.indexer.model.TableId;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Shows one design document, rendered from its Markdown, with a close button; used beside a table.
 * Mentions of catalog tables are hyperlinks to them ({@link #setOnOpenTable}). A document longer
 * than {@link #MAX_LINES} lines or {@link #MAX_CHARS} characters is shown up to there, with a note.
 */
public final class DocPanel extends BorderPane {

  /** Lines of Markdown shown at most; the rest of a longer document is left out, with a note. */
  public static final int MAX_LINES = 3_000;
  /** Characters of Markdown shown at most (a few huge lines count as much as many short ones). */
  public static final int MAX_CHARS = 300_000;

  private final MarkdownRenderer renderer = new MarkdownRenderer();
  private final Label path = new Label();
  private final VBox body = new VBox();
  private final Button close = new Button("Close");
  private Consumer<TableId> openTable = id -> { };

  public DocPanel() {
    getStyleClass().add(Styles.DOC_PANEL);
    setId("docPanel");
    path.getStyleClass().addAll(Styles.MUTED, Styles.MONO);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label caption = new Label("DESIGN DOCUMENT");
    caption.getStyleClass().add(Styles.SECTION_TITLE);
    HBox top = new HBox(8, caption, spacer, close);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setStyle("-fx-padding: 8 12 4 20;");
    body.getStyleClass().add("doc-body");
    body.setFillWidth(true);
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    setTop(top);
    setCenter(scroll);
  }

  /** What the close button does. */
  public void setOnClose(Runnable action) {
    close.setOnAction(e -> action.run());
  }

  /** What a click on a mention of a table does. */
  public void setOnOpenTable(Consumer<TableId> action) {
    openTable = action;
  }

  /** Parses and renders the document here; callers on the JavaFX thread use {@link #show(PreparedDoc)}. */
  public void show(Doc doc) {
    show(PreparedDoc.of(doc));
  }

  /** Renders a document parsed in the background: its title, file, then each section with its heading. */
  public void show(PreparedDoc prepared) {
    Doc doc = prepared.doc();
    TableLinks links = TableLinks.of(doc.mentions(), id -> openTable.accept(id));
    body.getChildren().clear();
    body.getChildren().add(renderer.heading(doc.title(), 1));
    path.setText(doc.path() == null ? doc.id() : doc.path());
    body.getChildren().add(path);
    for (PreparedDoc.Section section : prepared.sections()) {
      if (section.heading() != null && !section.heading().equals(doc.title())) {
        body.getChildren().add(renderer.heading(section.heading(), 2));
      }
      body.getChildren().addAll(renderer.blocks(section.body(), links));
    }
    if (prepared.shownLines() >= 0) {
      Label truncated = new Label(String.format("Document truncated at %,d lines: open %s to read the rest.",
          prepared.shownLines(), path.getText()));
      truncated.setWrapText(true);
      truncated.getStyleClass().add(Styles.MD_TRUNCATED);
      truncated.setId("docTruncated");
      body.getChildren().add(truncated);
    }
    if (doc.sections().isEmpty()) {
      Label empty = new Label("This document has no text in the catalog.");
      empty.getStyleClass().add(Styles.MUTED);
      body.getChildren().add(empty);
    }
  }

  /** The first {@code maxLines} lines of {@code text}, cut at {@code maxChars} characters. */
  static String head(String text, int maxLines, int maxChars) {
    int end = 0;
    for (int line = 0; line < maxLines && end < text.length(); line++) {
      int next = text.indexOf('\n', end);
      end = next < 0 ? text.length() : next + 1;
    }
    return text.substring(0, Math.min(end, Math.max(0, maxChars)));
  }
}
