package corpus.indexer.source.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A small tokenizer for Python source, enough to read operator calls in Airflow DAG files without running
 * them: names, numbers, single-character operators and string literals (all quote styles and prefixes, with
 * escapes decoded except in raw strings; f-strings are marked as such). Comments and whitespace are dropped.
 */
final class PythonTokens {

  /** Token kinds. */
  enum Kind { NAME, STRING, NUMBER, OP }

  /**
   * One token.
   *
   * @param text the name, the operator character, or the decoded value of a string
   * @param line 1-based line where the token starts
   * @param formatted whether a string is an f-string (its value depends on run time)
   */
  record Token(Kind kind, String text, int line, boolean formatted) {
    boolean isOp(char c) {
      return kind == Kind.OP && text.length() == 1 && text.charAt(0) == c;
    }

    boolean isName(String name) {
      return kind == Kind.NAME && text.equals(name);
    }
  }

  private PythonTokens() {}

  /** Tokenizes {@code source}; an unterminated string ends at the end of the text. */
  static List<Token> tokenize(String source) {
    List<Token> out = new ArrayList<>();
    int line = 1;
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c) || c == '\\') {
        i++;
      } else if (c == '#') {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
          i++;
        }
        String word = source.substring(start, i);
        if (i < n && (source.charAt(i) == '"' || source.charAt(i) == '\'') && word.matches("(?i)[rbuf]{1,2}")) {
          StringScan s = string(source, i, line, word.toLowerCase(java.util.Locale.ROOT));
          out.add(s.token());
          line = s.endLine();
          i = s.end();
        } else {
          out.add(new Token(Kind.NAME, word, line, false));
        }
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '.' || source.charAt(i) == '_')) {
          i++;
        }
        out.add(new Token(Kind.NUMBER, source.substring(start, i), line, false));
      } else if (c == '"' || c == '\'') {
        StringScan s = string(source, i, line, "");
        out.add(s.token());
        line = s.endLine();
        i = s.end();
      } else {
        out.add(new Token(Kind.OP, String.valueOf(c), line, false));
        i++;
      }
    }
    return out;
  }

  private record StringScan(Token token, int end, int endLine) {}

  private static StringScan string(String src, int at, int line, String prefix) {
    char quote = src.charAt(at);
    boolean triple = src.startsWith(String.valueOf(quote).repeat(3), at);
    boolean raw = prefix.contains("r");
    int i = at + (triple ? 3 : 1);
    int endLine = line;
    StringBuilder value = new StringBuilder();
    while (i < src.length()) {
      char c = src.charAt(i);
      if (triple ? src.startsWith(String.valueOf(quote).repeat(3), i) : c == quote) {
        i += triple ? 3 : 1;
        break;
      }
      if (!triple && c == '\n') {
        break; // unterminated single-quoted string: stop at the line end
      }
      if (c == '\\' && i + 1 < src.length()) {
        char next = src.charAt(i + 1);
        if (next == '\n') {
          endLine++;
        }
        if (raw) {
          value.append(c).append(next);
        } else {
          appendEscape(value, next);
        }
        i += 2;
        continue;
      }
      if (c == '\n') {
        endLine++;
      }
      value.append(c);
      i++;
    }
    return new StringScan(new Token(Kind.STRING, value.toString(), line, prefix.contains("f")), i, endLine);
  }

  private static void appendEscape(StringBuilder value, char next) {
    switch (next) {
      case 'n' -> value.append('\n');
      case 't' -> value.append('\t');
      case 'r' -> value.append('\r');
      case '\n' -> { } // line continuation inside a string
      case '\\', '\'', '"' -> value.append(next);
      default -> value.append('\\').append(next);
    }
  }
}
