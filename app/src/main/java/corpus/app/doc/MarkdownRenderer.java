package corpus.app.doc;

import corpus.app.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Renders the Markdown of design documents (CommonMark with GFM tables and bare-URL autolinks,
 * parsed by commonmark-java)
 * as JavaFX nodes: headings, paragraphs, nested bullet and numbered lists, block quotes, code
 * blocks, rules, tables as grids, and inline code, strong, emphasis and links. Mentions of catalog
 * tables become hyperlinks ({@link TableLinks}); raw HTML shows as text.
 *
 * <pre>{@code
 * List<Node> nodes = new MarkdownRenderer().blocks(markdown, TableLinks.of(doc.mentions(), open));
 * }</pre>
 */
public final class MarkdownRenderer {

  /** Lists and quotes nested deeper than this show their content as plain text. */
  static final int MAX_DEPTH = 12;

  private static final String[] BULLETS = {"•", "◦", "▪"};

  /** Immutable and safe to share between threads, as commonmark-java documents its parsers. */
  private static final Parser PARSER = Parser.builder()
      .extensions(List.of(TablesExtension.create(), AutolinkExtension.create()))
      .build();

  /** Parses Markdown; needs no JavaFX, so it runs in background tasks. */
  public static Document parse(String markdown) {
    return (Document) PARSER.parse(markdown);
  }

  /** A heading of the given level (1–3; deeper levels look like 3). */
  public Node heading(String text, int level) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.getStyleClass().add(headingStyle(level));
    return label;
  }

  /** The blocks of a Markdown body, in order, with no table mention linked. */
  public List<Node> blocks(String markdown) {
    return blocks(markdown, TableLinks.NONE);
  }

  /** The blocks of a Markdown body, in order; mentions of {@code links} are hyperlinks. */
  public List<Node> blocks(String markdown, TableLinks links) {
    return blocks(parse(markdown), links);
  }

  /** The blocks of a parsed Markdown body, in order; mentions of {@code links} are hyperlinks. */
  public List<Node> blocks(Document document, TableLinks links) {
    VBox into = new VBox();
    new Walk(new MarkdownInlines(links)).children(document, into, 0);
    return new ArrayList<>(into.getChildren());
  }

  private static String headingStyle(int level) {
    return switch (Math.min(3, Math.max(1, level))) {
      case 1 -> Styles.MD_H1;
      case 2 -> Styles.MD_H2;
      default -> Styles.MD_H3;
    };
  }

  /** One walk of a document's blocks into nodes. */
  private record Walk(MarkdownInlines inlines) {

    void children(org.commonmark.node.Node parent, Pane into, int depth) {
      for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
        block(n, into, depth);
      }
    }

    void block(org.commonmark.node.Node node, Pane into, int depth) {
      if (depth > MAX_DEPTH) {
        into.getChildren().add(MarkdownInlines.plain(MarkdownText.of(node), Styles.MD_PARAGRAPH));
        return;
      }
      switch (node) {
        case Paragraph p -> into.getChildren().add(inlines.flow(p, Styles.MD_PARAGRAPH));
        case Heading h -> into.getChildren().add(inlines.flow(h, headingStyle(h.getLevel())));
        case ListBlock list -> into.getChildren().add(list(list, depth));
        case BlockQuote q -> {
          VBox quote = new VBox();
          quote.getStyleClass().add(Styles.MD_QUOTE);
          children(q, quote, depth + 1);
          into.getChildren().add(quote);
        }
        case FencedCodeBlock f -> into.getChildren().add(code(f.getLiteral()));
        case IndentedCodeBlock c -> into.getChildren().add(code(c.getLiteral()));
        case HtmlBlock h -> into.getChildren().add(MarkdownInlines.plain(h.getLiteral().stripTrailing(), Styles.MD_PARAGRAPH));
        case ThematicBreak t -> {
          Separator rule = new Separator();
          rule.getStyleClass().add(Styles.MD_HR);
          into.getChildren().add(rule);
        }
        case TableBlock t -> into.getChildren().add(table(t));
        case LinkReferenceDefinition d -> { }
        default -> children(node, into, depth);
      }
    }

    /** A list: one row per item, a bullet or number beside the item's blocks. */
    private Node list(ListBlock list, int depth) {
      VBox box = new VBox();
      box.getStyleClass().add(Styles.MD_LIST);
      int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
      for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        Label marker = new Label(list instanceof BulletList ? BULLETS[Math.min(depth, 2)] : number++ + ".");
        marker.getStyleClass().add(Styles.MD_LIST_MARKER);
        marker.setMinWidth(Region.USE_PREF_SIZE);
        VBox content = new VBox();
        content.getStyleClass().add(Styles.MD_LIST_ITEM);
        children(item, content, depth + 1);
        HBox row = new HBox(marker, content);
        row.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(content, Priority.ALWAYS);
        box.getChildren().add(row);
      }
      return box;
    }

    /** A code block: monospace, not wrapped, scrolling sideways when wider than the panel. */
    private static Node code(String literal) {
      Label text = new Label(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal);
      text.getStyleClass().add(Styles.MD_CODE_BLOCK);
      text.setWrapText(false);
      text.setMinWidth(Region.USE_PREF_SIZE);
      return sideways(text, Styles.MD_CODE_SCROLL);
    }

    /**
     * {@code content} in a pane as wide as the panel that scrolls sideways when the content cannot
     * narrow that far, and is always as tall as the content (plus the scroll bar when shown).
     */
    private static Node sideways(Region content, String styleClass) {
      ScrollPane scroll = new ScrollPane(content);
      scroll.getStyleClass().add(styleClass);
      scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
      scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
      scroll.setFitToWidth(true);
      scroll.setMinWidth(0);
      scroll.setPrefWidth(0);
      scroll.setMaxWidth(Double.MAX_VALUE);
      DoubleBinding height = Bindings.createDoubleBinding(
          () -> content.getHeight() + (content.getWidth() > scroll.getViewportBounds().getWidth() + 1 ? 14 : 2),
          content.widthProperty(), content.heightProperty(), scroll.viewportBoundsProperty());
      scroll.minHeightProperty().bind(height);
      scroll.prefHeightProperty().bind(height);
      scroll.maxHeightProperty().bind(height);
      return scroll;
    }

    /** A GFM table as a grid: a header row, then one row per body row; cell text wraps. */
    private Node table(TableBlock table) {
      GridPane grid = new GridPane();
      grid.getStyleClass().add(Styles.MD_TABLE);
      grid.setMaxWidth(Region.USE_PREF_SIZE);
      int row = 0;
      int columns = 0;
      for (org.commonmark.node.Node part = table.getFirstChild(); part != null; part = part.getNext()) {
        for (org.commonmark.node.Node r = part.getFirstChild(); r != null; r = r.getNext()) {
          int column = 0;
          for (org.commonmark.node.Node c = r.getFirstChild(); c != null; c = c.getNext()) {
            TableCell cell = (TableCell) c;
            TextFlow flow = inlines.flow(cell, cell.isHeader() ? Styles.MD_TABLE_HEADER : Styles.MD_TABLE_CELL,
                new CellFlow());
            flow.setMaxWidth(Double.MAX_VALUE);
            flow.setTextAlignment(switch (cell.getAlignment() == null ? TableCell.Alignment.LEFT : cell.getAlignment()) {
              case CENTER -> TextAlignment.CENTER;
              case RIGHT -> TextAlignment.RIGHT;
              default -> TextAlignment.LEFT;
            });
            grid.add(flow, column++, row);
          }
          columns = Math.max(columns, column);
          row++;
        }
      }
      for (int i = 0; i < columns; i++) {
        ColumnConstraints constraints = new ColumnConstraints();
        constraints.setHgrow(Priority.SOMETIMES);
        constraints.setFillWidth(true);
        grid.getColumnConstraints().add(constraints);
      }
      return sideways(grid, Styles.MD_TABLE_SCROLL);
    }
  }

  /**
   * A table cell: its text wraps between words, so the column may narrow down to its widest word
   * or hyperlink (which cannot wrap), never below.
   */
  private static final class CellFlow extends TextFlow {

    private static final double NARROWEST = 32;

    @Override
    protected double computeMinWidth(double height) {
      double widest = NARROWEST;
      javafx.scene.text.Text measure = new javafx.scene.text.Text();
      for (Node child : getManagedChildren()) {
        if (child instanceof javafx.scene.text.Text text) {
          measure.setFont(text.getFont());
          for (String word : text.getText().split("\\s+")) {
            measure.setText(word);
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
          }
        } else {
          widest = Math.max(widest, child.prefWidth(-1));
        }
      }
      return Math.ceil(widest) + snappedLeftInset() + snappedRightInset();
    }
  }
}
