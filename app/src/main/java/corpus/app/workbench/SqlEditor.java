package corpus.app.workbench;

import corpus.indexer.warehouse.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.StringProperty;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The SQL editor of a workbench tab: a RichTextFX {@link CodeArea} with line numbers, BigQuery highlighting and
 * the current problems underlined at their place, kept in step with the tab's SQL property both ways.
 */
final class SqlEditor {

  static final String PROBLEM = "sql-problem";

  private final CodeArea area = new CodeArea();
  private final VirtualizedScrollPane<CodeArea> pane = new VirtualizedScrollPane<>(area);
  private List<Problem> problems = List.of();
  private boolean syncing;

  SqlEditor(StringProperty sql) {
    area.setId("sqlEditor");
    area.getStyleClass().add("sql-editor");
    area.setParagraphGraphicFactory(LineNumberFactory.get(area));
    area.setWrapText(false);
    area.replaceText(sql.get());
    area.textProperty().addListener((obs, old, text) -> {
      if (!syncing) {
        syncing = true;
        sql.set(text);
        syncing = false;
      }
      restyle();
    });
    sql.addListener((obs, old, text) -> {
      if (!syncing && !text.equals(area.getText())) {
        syncing = true;
        area.replaceText(text);
        area.moveTo(Math.min(area.getLength(), text.length()));
        syncing = false;
      }
    });
    restyle();
  }

  CodeArea area() {
    return area;
  }

  VirtualizedScrollPane<CodeArea> node() {
    return pane;
  }

  /** Underlines the problems that still fit the text. */
  void showProblems(List<Problem> current) {
    problems = List.copyOf(current);
    restyle();
  }

  private void restyle() {
    String text = area.getText();
    StyleSpans<Collection<String>> styles = SqlHighlighter.styles(text);
    List<int[]> marks = marks(text, problems);
    if (!marks.isEmpty()) {
      StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
      int at = 0;
      for (int[] m : marks) {
        if (m[0] > at) {
          b.add(List.of(), m[0] - at);
        }
        b.add(List.of(PROBLEM), m[1] - m[0]);
        at = m[1];
      }
      b.add(List.of(), text.length() - at);
      styles = styles.overlay(b.create(), (a, c) -> {
        Set<String> union = new HashSet<>(a);
        union.addAll(c);
        return union;
      });
    }
    area.setStyleSpans(0, styles);
  }

  /** Non-overlapping {@code [start, end)} ranges to underline, in order. */
  static List<int[]> marks(String text, List<Problem> problems) {
    List<int[]> out = new ArrayList<>();
    for (Problem p : problems) {
      int start;
      int end;
      if (p.span() != null) {
        start = p.span().start();
        end = p.span().end();
      } else if (p.line() > 0) {
        start = offset(text, p.line(), p.column());
        end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        if (end == start && start > 0) {
          start--;
        }
      } else {
        continue;
      }
      start = Math.max(0, Math.min(start, text.length()));
      end = Math.max(start, Math.min(end, text.length()));
      if (end > start) {
        out.add(new int[] {start, end});
      }
    }
    out.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] m : out) {
      if (!merged.isEmpty() && m[0] < merged.getLast()[1]) {
        merged.getLast()[1] = Math.max(merged.getLast()[1], m[1]);
      } else {
        merged.add(m);
      }
    }
    return merged;
  }

  private static int offset(String text, int line, int column) {
    int at = 0;
    for (int l = 1; l < line && at >= 0; l++) {
      at = text.indexOf('\n', at);
      at = at < 0 ? -1 : at + 1;
    }
    return at < 0 ? text.length() : at + Math.max(0, column - 1);
  }
}
