package corpus.indexer.warehouse;

import java.util.Comparator;
import java.util.List;

/**
 * Replaces the characters {@code [start, end)} of a SQL text by {@code replacement} (an insertion when
 * {@code start == end}).
 */
public record TextEdit(int start, int end, String replacement) {

  /** Applies edits that do not overlap, in any order. */
  public static String applyAll(String text, List<TextEdit> edits) {
    StringBuilder b = new StringBuilder(text);
    edits.stream().sorted(Comparator.comparingInt(TextEdit::start).reversed())
        .forEach(e -> b.replace(e.start(), e.end(), e.replacement()));
    return b.toString();
  }
}
