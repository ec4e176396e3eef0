package corpus.app.doc;

import corpus.app.theme.Styles;
import corpus.indexer.model.Doc;
import corpus.indexer.model.DocSection;
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

  /** Renders the document: its title, file, then each section with its heading. */
  public void show(Doc doc) {
    TableLinks links = TableLinks.of(doc.mentions(), id -> openTable.accept(id));
    int lines = 0;
    int chars = 0;
    body.getChildren().clear();
    body.getChildren().add(renderer.heading(doc.title(), 1));
    path.setText(doc.path() == null ? doc.id() : doc.path());
    body.getChildren().add(path);
    for (DocSection section : doc.sections()) {
      if (section.heading() != null && !section.heading().equals(doc.title())) {
        body.getChildren().add(renderer.heading(section.heading(), 2));
      }
      String text = section.text();
      int sectionLines = (int) text.lines().count();
      if (lines + sectionLines > MAX_LINES || chars + text.length() > MAX_CHARS) {
        String head = head(text, MAX_LINES - lines, MAX_CHARS - chars);
        body.getChildren().addAll(renderer.blocks(head, links));
        Label truncated = new Label(String.format("Document truncated at %,d lines: open %s to read the rest.",
            lines + head.lines().count(), path.getText()));
        truncated.setWrapText(true);
        truncated.getStyleClass().add(Styles.MD_TRUNCATED);
        truncated.setId("docTruncated");
        body.getChildren().add(truncated);
        break;
      }
      lines += sectionLines;
      chars += text.length();
      body.getChildren().addAll(renderer.blocks(text, links));
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
