package corpus.indexer.warehouse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits BigQuery SQL into tokens for rewriting: words, numbers, quoted strings ({@code '…'}, {@code "…"},
 * triple-quoted, raw and bytes prefixes), backquoted identifiers, comments, whitespace and single symbols. The
 * concatenation of the tokens is the original text.
 */
final class SqlTokens {

  /** A token's kind. */
  enum Kind { WORD, NUMBER, STRING, QUOTED_ID, COMMENT, SPACE, SYMBOL, PARAMETER }

  /** One token: its kind, text and start offset. */
  record Token(Kind kind, String text, int start) {
    boolean is(String word) {
      return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
    }

    boolean code() {
      return kind != Kind.SPACE && kind != Kind.COMMENT;
    }
  }

  private SqlTokens() {}

  static List<Token> tokenize(String sql) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int start = i;
      Kind kind;
      if (Character.isWhitespace(c)) {
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
          i++;
        }
        kind = Kind.SPACE;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
        kind = Kind.COMMENT;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        kind = Kind.COMMENT;
      } else if (c == '`') {
        int end = sql.indexOf('`', i + 1);
        i = end < 0 ? n : end + 1;
        kind = Kind.QUOTED_ID;
      } else if (c == '\'' || c == '"' || ((c == 'r' || c == 'R' || c == 'b' || c == 'B') && i + 1 < n
          && (sql.charAt(i + 1) == '\'' || sql.charAt(i + 1) == '"'))) {
        int q = c == '\'' || c == '"' ? i : i + 1;
        i = endOfString(sql, q);
        kind = Kind.STRING;
      } else if (Character.isLetter(c) || c == '_') {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
        kind = Kind.WORD;
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        kind = Kind.NUMBER;
      } else if (c == '@') {
        i++;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '@')) {
          i++;
        }
        kind = Kind.PARAMETER;
      } else {
        i++;
        kind = Kind.SYMBOL;
      }
      out.add(new Token(kind, sql.substring(start, i), start));
    }
    return out;
  }

  private static int endOfString(String sql, int q) {
    char quote = sql.charAt(q);
    boolean triple = sql.startsWith(String.valueOf(quote).repeat(3), q);
    int i = q + (triple ? 3 : 1);
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (triple ? sql.startsWith(String.valueOf(quote).repeat(3), i) : c == quote) {
        return i + (triple ? 3 : 1);
      }
      i++;
    }
    return sql.length();
  }
}
