package corpus.app.doc;

import corpus.app.theme.Styles;
import corpus.indexer.model.Doc;
import corpus.indexer.model.DocSection;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Shows one design document, rendered from its Markdown, with a close button; used beside a table. */
public final class DocPanel extends BorderPane {

  private final MarkdownRenderer renderer = new MarkdownRenderer();
  private final Label path = new Label();
  private final VBox body = new VBox();
  private final Button close = new Button("Close");

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

  /** Renders the document: its title, file, then each section with its heading. */
  public void show(Doc doc) {
    body.getChildren().clear();
    body.getChildren().add(renderer.heading(doc.title(), 1));
    path.setText(doc.path() == null ? doc.id() : doc.path());
    body.getChildren().add(path);
    for (DocSection section : doc.sections()) {
      if (section.heading() != null && !section.heading().equals(doc.title())) {
        body.getChildren().add(renderer.heading(section.heading(), 2));
      }
      body.getChildren().addAll(renderer.blocks(section.text()));
    }
    if (doc.sections().isEmpty()) {
      Label empty = new Label("This document has no text in the catalog.");
      empty.getStyleClass().add(Styles.MUTED);
      body.getChildren().add(empty);
    }
  }
}
