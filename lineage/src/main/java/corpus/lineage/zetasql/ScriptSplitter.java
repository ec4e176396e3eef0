package corpus.lineage.zetasql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a script into statements at top-level semicolons, respecting strings, quoted identifiers, comments and
 * BEGIN…END / IF…END IF blocks. Used only when the whole script does not parse, so that one broken statement does
 * not hide the others.
 */
final class ScriptSplitter {
  /** A piece of the script and the file line it starts on. */
  record Chunk(String text, int firstLine) {}

  private ScriptSplitter() {}

  static List<Chunk> split(String sql) {
    List<Chunk> chunks = new ArrayList<>();
    int n = sql.length();
    int start = 0;
    int startLine = 1;
    int line = 1;
    int depth = 0;
    boolean statementStart = true;
    String lastWord = "";
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(sql, i, end);
        i = end;
      } else if (c == '\'' || c == '"' || c == '`') {
        int end = endOfQuoted(sql, i);
        line += count(sql, i, end);
        i = end;
        statementStart = false;
      } else if (c == ';') {
        i++;
        if (depth == 0) {
          chunks.add(new Chunk(sql.substring(start, i), startLine));
          start = i;
          startLine = line;
        }
        statementStart = true;
        lastWord = "";
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
          end++;
        }
        String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
        String next = nextWord(sql, end);
        switch (word) {
          case "BEGIN" -> {
            if (!next.equals("TRANSACTION") && !next.equals(";")) {
              depth++;
            }
          }
          case "CASE" -> depth += lastWord.equals("END") ? 0 : 1;
          case "END" -> depth = Math.max(0, depth - 1);
          case "IF", "WHILE", "LOOP", "REPEAT", "FOR" -> {
            if (statementStart && !lastWord.equals("END") && !next.equals("(")) {
              depth++;
            }
          }
          default -> { }
        }
        statementStart = switch (word) {
          case "BEGIN", "THEN", "ELSE", "DO", "LOOP", "REPEAT" -> true;
          default -> false;
        };
        lastWord = word;
        i = end;
      } else {
        if (!Character.isWhitespace(c)) {
          statementStart = false;
        }
        i++;
      }
    }
    if (!sql.substring(start).isBlank()) {
      chunks.add(new Chunk(sql.substring(start), startLine));
    }
    return chunks;
  }

  private static String nextWord(String sql, int from) {
    int i = from;
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    if (i >= sql.length()) {
      return "";
    }
    if (!Character.isLetter(sql.charAt(i))) {
      return String.valueOf(sql.charAt(i));
    }
    int end = i;
    while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
      end++;
    }
    return sql.substring(i, end).toUpperCase(Locale.ROOT);
  }

  private static int endOfQuoted(String sql, int i) {
    char q = sql.charAt(i);
    boolean triple = q != '`' && sql.startsWith(String.valueOf(q).repeat(3), i);
    boolean raw = i > 0 && (sql.charAt(i - 1) == 'r' || sql.charAt(i - 1) == 'R');
    int j = i + (triple ? 3 : 1);
    while (j < sql.length()) {
      char c = sql.charAt(j);
      if (c == '\\' && !raw) {
        j += 2;
        continue;
      }
      if (triple ? sql.startsWith(String.valueOf(q).repeat(3), j) : c == q) {
        return j + (triple ? 3 : 1);
      }
      if (c == '\n' && !triple && q != '`') {
        return j;
      }
      j++;
    }
    return sql.length();
  }

  private static int count(String s, int from, int to) {
    int lines = 0;
    for (int i = from; i < to && i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
