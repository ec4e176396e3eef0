package corpus.app.doc;

import corpus.app.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Renders the Markdown of design documents as JavaFX nodes that read well: headings, paragraphs,
 * bullet and numbered lists, fenced code blocks, inline {@code code} and **bold**. Tables and
 * other Markdown show as plain text; links show their text.
 */
public final class MarkdownRenderer {

  private static final Pattern INLINE = Pattern.compile("`([^`]+)`|\\*\\*([^*]+)\\*\\*|\\[([^\\]]+)]\\([^)]*\\)");
  private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(.*)$");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

  /** A heading of the given level (1–3; deeper levels look like 3). */
  public Node heading(String text, int level) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.getStyleClass().add(switch (Math.min(3, Math.max(1, level))) {
      case 1 -> Styles.MD_H1;
      case 2 -> Styles.MD_H2;
      default -> Styles.MD_H3;
    });
    return label;
  }

  /** The blocks of a Markdown body, in order. */
  public List<Node> blocks(String markdown) {
    List<Node> nodes = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    StringBuilder code = null;
    for (String line : markdown.split("\\R", -1)) {
      if (line.strip().startsWith("```")) {
        if (code == null) {
          flushParagraph(paragraph, nodes);
          code = new StringBuilder();
        } else {
          nodes.add(codeBlock(code.toString().stripTrailing()));
          code = null;
        }
        continue;
      }
      if (code != null) {
        code.append(line).append('\n');
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      Matcher item = LIST_ITEM.matcher(line);
      if (line.isBlank()) {
        flushParagraph(paragraph, nodes);
      } else if (heading.matches()) {
        flushParagraph(paragraph, nodes);
        nodes.add(heading(heading.group(2), heading.group(1).length()));
      } else if (item.matches()) {
        flushParagraph(paragraph, nodes);
        TextFlow flow = inline("•  " + item.group(1));
        flow.getStyleClass().add(Styles.MD_LIST_ITEM);
        nodes.add(flow);
      } else {
        paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.strip());
      }
    }
    if (code != null) {
      nodes.add(codeBlock(code.toString().stripTrailing()));
    }
    flushParagraph(paragraph, nodes);
    return nodes;
  }

  private void flushParagraph(StringBuilder paragraph, List<Node> nodes) {
    if (!paragraph.isEmpty()) {
      TextFlow flow = inline(paragraph.toString());
      flow.getStyleClass().add(Styles.MD_PARAGRAPH);
      nodes.add(flow);
      paragraph.setLength(0);
    }
  }

  private static Node codeBlock(String text) {
    Label label = new Label(text);
    label.getStyleClass().add(Styles.MD_CODE_BLOCK);
    label.setMaxWidth(Double.MAX_VALUE);
    return label;
  }

  /** Text with inline code, bold and link text styled. */
  static TextFlow inline(String text) {
    TextFlow flow = new TextFlow();
    Matcher m = INLINE.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        flow.getChildren().add(new Text(text.substring(at, m.start())));
      }
      Text styled;
      if (m.group(1) != null) {
        styled = new Text(m.group(1));
        styled.getStyleClass().add(Styles.MD_CODE);
      } else if (m.group(2) != null) {
        styled = new Text(m.group(2));
        styled.getStyleClass().add(Styles.MD_STRONG);
      } else {
        styled = new Text(m.group(3));
      }
      flow.getChildren().add(styled);
      at = m.end();
    }
    if (at < text.length()) {
      flow.getChildren().add(new Text(text.substring(at)));
    }
    return flow;
  }
}
