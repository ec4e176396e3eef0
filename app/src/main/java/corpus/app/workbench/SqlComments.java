package corpus.app.workbench;

/**
 * Toggles {@code --} line comments over the lines a selection touches, as Ctrl+/ does in code editors: when
 * every non-blank line is commented the comments are removed, otherwise each line gets {@code -- }.
 *
 * <pre>{@code
 * SqlComments.Edit e = SqlComments.toggle("SELECT 1\nFROM t", 0, 0);
 * e.text();  // "-- SELECT 1\nFROM t"
 * }</pre>
 */
public final class SqlComments {

  private SqlComments() {}

  /** The text after the toggle and the selection moved with it. */
  public record Edit(String text, int selectionStart, int selectionEnd) {}

  /** Toggles the comments of the lines {@code [start, end]} touches. */
  public static Edit toggle(String text, int start, int end) {
    int from = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
    if (start == 0) {
      from = 0;
    }
    int lastChar = end > start && end > 0 && text.charAt(end - 1) == '\n' ? end - 1 : end;
    int to = text.indexOf('\n', lastChar);
    if (to < 0) {
      to = text.length();
    }
    String[] lines = text.substring(from, to).split("\n", -1);
    boolean allCommented = true;
    for (String line : lines) {
      if (!line.isBlank() && !line.stripLeading().startsWith("--")) {
        allCommented = false;
      }
    }
    StringBuilder out = new StringBuilder();
    int firstDelta = 0;
    int delta = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String changed;
      if (allCommented) {
        int at = line.indexOf("--");
        if (at < 0) {
          changed = line;
        } else {
          int cut = line.startsWith("-- ", at) ? 3 : 2;
          changed = line.substring(0, at) + line.substring(at + cut);
        }
      } else {
        changed = line.isBlank() && lines.length > 1 ? line : "-- " + line;
      }
      if (i == 0) {
        firstDelta = changed.length() - line.length();
      }
      delta += changed.length() - line.length();
      out.append(i == 0 ? "" : "\n").append(changed);
    }
    String result = text.substring(0, from) + out + text.substring(to);
    int newStart = Math.max(from, start + firstDelta);
    int newEnd = Math.max(newStart, end + delta);
    return new Edit(result, newStart, Math.min(newEnd, result.length()));
  }
}
