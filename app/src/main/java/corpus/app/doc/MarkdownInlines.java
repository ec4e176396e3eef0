package corpus.app.doc;

import corpus.app.theme.Styles;
import corpus.indexer.model.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;

/**
 * Turns the inline children of a commonmark block (text, code, emphasis, links, images, raw HTML)
 * into the styled {@link Text} nodes and hyperlinks of a {@link TextFlow}.
 */
final class MarkdownInlines {

  /** Inline markup nested deeper than this shows as its plain text. */
  static final int MAX_DEPTH = 16;

  private static final Pattern TABLE_ID = Pattern.compile(
      "(?<![\\w.-])([a-z][a-z0-9-]{2,62}[a-z0-9]\\.[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*)(?![\\w-]|\\.\\w)");

  private final TableLinks links;

  MarkdownInlines(TableLinks links) {
    this.links = links;
  }

  /** A flow of the inline children of {@code block}, with the given style class. */
  TextFlow flow(Node block, String styleClass) {
    return flow(block, styleClass, new TextFlow());
  }

  /** Fills {@code flow} with the inline children of {@code block}. */
  TextFlow flow(Node block, String styleClass, TextFlow flow) {
    flow.getStyleClass().add(styleClass);
    children(block, flow, List.of(), null, 0);
    return flow;
  }

  /** A flow of plain text, never interpreted (raw HTML, over-deep markup). */
  static TextFlow plain(String text, String styleClass) {
    TextFlow flow = new TextFlow(new Text(text));
    flow.getStyleClass().add(styleClass);
    return flow;
  }

  private void children(Node parent, TextFlow flow, List<String> classes, String tooltip, int depth) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      inline(n, flow, classes, tooltip, depth);
    }
  }

  private void inline(Node node, TextFlow flow, List<String> classes, String tooltip, int depth) {
    if (depth > MAX_DEPTH) {
      text(MarkdownText.of(node), flow, classes, tooltip, false);
      return;
    }
    switch (node) {
      case org.commonmark.node.Text t -> text(t.getLiteral(), flow, classes, tooltip, tooltip == null);
      case Code c -> {
        if (tooltip == null && links.links(c.getLiteral().strip())) {
          flow.getChildren().add(tableLink(c.getLiteral().strip(), with(classes, Styles.MD_CODE)));
        } else {
          text(c.getLiteral(), flow, with(classes, Styles.MD_CODE), tooltip, false);
        }
      }
      case SoftLineBreak s -> text(" ", flow, classes, tooltip, false);
      case HardLineBreak h -> text("\n", flow, classes, tooltip, false);
      case HtmlInline h -> text(h.getLiteral(), flow, classes, tooltip, false);
      case StrongEmphasis s -> children(s, flow, with(classes, Styles.MD_STRONG), tooltip, depth + 1);
      case Emphasis e -> children(e, flow, with(classes, Styles.MD_EM), tooltip, depth + 1);
      case Image i -> children(i, flow, with(classes, Styles.MD_IMAGE),
          i.getDestination().isEmpty() ? tooltip : "Image: " + i.getDestination(), depth + 1);
      case Link l -> link(l, flow, classes, depth);
      default -> children(node, flow, classes, tooltip, depth + 1);
    }
  }

  /** A link to a table opens it; any other shows its text, with where it points in a tooltip. */
  private void link(Link link, TextFlow flow, List<String> classes, int depth) {
    String label = MarkdownText.of(link).strip();
    String target = link.getDestination();
    if (links.links(target) || (links.links(label) && (target.isEmpty() || target.equals(label)))) {
      flow.getChildren().add(tableLink(links.links(target) ? target : label, classes, label));
      return;
    }
    String tip = target.isEmpty() ? null : target;
    children(link, flow, with(classes, Styles.MD_LINK), tip == null ? "" : tip, depth + 1);
  }

  /** Plain text; with {@code mentions}, linked table ids inside it become hyperlinks. */
  private void text(String literal, TextFlow flow, List<String> classes, String tooltip, boolean mentions) {
    if (literal.isEmpty()) {
      return;
    }
    int at = 0;
    if (mentions && !links.tables().isEmpty()) {
      Matcher m = TABLE_ID.matcher(literal);
      while (m.find()) {
        if (links.links(m.group(1))) {
          if (m.start() > at) {
            flow.getChildren().add(styled(literal.substring(at, m.start()), classes, tooltip));
          }
          flow.getChildren().add(tableLink(m.group(1), classes));
          at = m.end();
        }
      }
    }
    if (at < literal.length()) {
      flow.getChildren().add(styled(at == 0 ? literal : literal.substring(at), classes, tooltip));
    }
  }

  private static Text styled(String literal, List<String> classes, String tooltip) {
    Text text = new Text(literal);
    text.getStyleClass().addAll(classes);
    if (tooltip != null && !tooltip.isEmpty()) {
      Tooltip.install(text, new Tooltip(tooltip));
    }
    return text;
  }

  private Hyperlink tableLink(String id, List<String> classes) {
    return tableLink(id, classes, id);
  }

  private Hyperlink tableLink(String id, List<String> classes, String label) {
    Hyperlink link = new Hyperlink(label);
    link.getStyleClass().add(Styles.MD_TABLE_LINK);
    link.getStyleClass().addAll(classes);
    link.setTooltip(new Tooltip("Open the table " + id));
    link.setOnAction(e -> {
      link.setVisited(false);
      links.open().accept(TableId.parse(id));
    });
    return link;
  }

  private static List<String> with(List<String> classes, String added) {
    if (classes.contains(added)) {
      return classes;
    }
    List<String> out = new ArrayList<>(classes);
    out.add(added);
    return List.copyOf(out);
  }
}
