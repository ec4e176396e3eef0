package corpus.app.workbench;

/**
 * Finds the name being typed at the caret and replaces it by a completion: table ids are inserted backquoted
 * ({@code `soundwave-prod.listening.plays`}), column paths as they are.
 *
 * <pre>{@code
 * SqlCompletion.Word w = SqlCompletion.wordAt("SELECT * FROM `soundwave-prod.lis", 33);
 * w.prefix();  // "soundwave-prod.lis"
 * }</pre>
 */
public final class SqlCompletion {

  private SqlCompletion() {}

  /** A name being typed: from {@code start} (an opening backquote included) to the caret. */
  public record Word(int start, int end, String prefix, boolean quoted) {}

  /** What to insert: the text and whether it names a table. */
  public record Suggestion(String name, boolean table) {
    /** The text inserted in place of the word. */
    public String insertion() {
      return table ? "`" + name + "`" : name;
    }
  }

  /** The name that ends at {@code caret}, possibly empty. */
  public static Word wordAt(String text, int caret) {
    int start = caret;
    while (start > 0 && part(text.charAt(start - 1))) {
      start--;
    }
    boolean quoted = start > 0 && text.charAt(start - 1) == '`';
    String prefix = text.substring(start, caret);
    return new Word(quoted ? start - 1 : start, caret, prefix, quoted);
  }

  /** The text and caret after replacing {@code word} with {@code suggestion}. */
  public static SqlComments.Edit apply(String text, Word word, Suggestion suggestion) {
    int end = word.end();
    if (word.quoted() && end < text.length() && text.charAt(end) == '`') {
      end++;
    }
    String insert = word.quoted() && !suggestion.table() ? "`" + suggestion.name() + "`" : suggestion.insertion();
    String result = text.substring(0, word.start()) + insert + text.substring(end);
    int caret = word.start() + insert.length();
    return new SqlComments.Edit(result, caret, caret);
  }

  private static boolean part(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }
}
