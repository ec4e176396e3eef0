package corpus.app.doc;

import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The plain text of a commonmark subtree, read without recursion, so that hostile nesting (a
 * thousand levels of lists or quotes) cannot overflow the stack.
 */
final class MarkdownText {

  private MarkdownText() {}

  static String of(Node root) {
    StringBuilder out = new StringBuilder();
    append(root, out);
    Node n = root.getFirstChild();
    while (n != null) {
      append(n, out);
      if (n.getFirstChild() != null) {
        n = n.getFirstChild();
        continue;
      }
      while (n != root && n.getNext() == null) {
        n = n.getParent();
        space(n, out);
      }
      if (n == root) {
        break;
      }
      space(n, out);
      n = n.getNext();
    }
    return out.toString().strip();
  }

  private static void append(Node n, StringBuilder out) {
    switch (n) {
      case Text t -> out.append(t.getLiteral());
      case Code c -> out.append(c.getLiteral());
      case SoftLineBreak s -> out.append(' ');
      case HardLineBreak h -> out.append(' ');
      case HtmlInline h -> out.append(h.getLiteral());
      case HtmlBlock h -> out.append(h.getLiteral());
      case FencedCodeBlock f -> out.append(f.getLiteral());
      case IndentedCodeBlock i -> out.append(i.getLiteral());
      default -> { }
    }
  }

  private static void space(Node n, StringBuilder out) {
    if (n instanceof Block && !out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
      out.append(' ');
    }
  }
}
