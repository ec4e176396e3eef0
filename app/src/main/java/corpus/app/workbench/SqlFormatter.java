package corpus.app.workbench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Lays BigQuery SQL out one clause per line: keywords upper-cased, each clause ({@code SELECT}, {@code FROM},
 * {@code WHERE}, {@code GROUP BY}, joins, …) of a query or subquery on its own line indented by its depth, one
 * select item per line. Strings, quoted names and comments are kept as written, so the query means the same.
 *
 * <pre>{@code
 * SqlFormatter.format("select a, b from t where x = 1");  // "SELECT\n  a,\n  b\nFROM t\nWHERE x = 1\n"
 * }</pre>
 */
public final class SqlFormatter {

  private static final Set<String> CLAUSES = Set.of("SELECT", "FROM", "WHERE", "GROUP", "HAVING", "QUALIFY",
      "WINDOW", "ORDER", "LIMIT", "UNION", "INTERSECT", "EXCEPT", "JOIN", "LEFT", "RIGHT", "FULL", "INNER", "CROSS",
      "WITH", "INSERT", "UPDATE", "DELETE", "MERGE", "SET", "VALUES");
  private static final Set<String> JOIN_KINDS = Set.of("LEFT", "RIGHT", "FULL", "INNER", "CROSS", "OUTER");

  private SqlFormatter() {}

  /** One level of parentheses: whether it holds a query, and whether its select list is open. */
  private static final class Level {
    boolean query;
    boolean selectList;

    Level(boolean query) {
      this.query = query;
    }
  }

  public static String format(String sql) {
    StringBuilder out = new StringBuilder();
    Deque<Level> levels = new ArrayDeque<>();
    levels.push(new Level(true));
    String previous = "";
    boolean space = false;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int depth = levels.size() - 1;
      if (Character.isWhitespace(c)) {
        space = true;
        i++;
        continue;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        separate(out, space);
        out.append(sql, i, end);
        newline(out, depth);
        space = false;
        i = end;
        continue;
      }
      int end;
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        end = close < 0 ? n : close + 2;
      } else if (c == '\'' || c == '"' || c == '`') {
        end = quoted(sql, i, c);
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '$') {
        end = i + 1;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
          end++;
        }
        String word = sql.substring(i, end);
        String upper = word.toUpperCase(Locale.ROOT);
        boolean afterDot = i > 0 && sql.charAt(i - 1) == '.';
        Level level = levels.peek();
        if (!afterDot && SqlHighlighter.KEYWORDS.contains(upper)) {
          word = upper;
          if ((upper.equals("SELECT") || upper.equals("WITH")) && previous.equals("(")) {
            level.query = true;
          }
          if (level.query && CLAUSES.contains(upper) && !continues(previous, upper) && next(sql, end) != '(') {
            newline(out, depth);
            space = false;
            level.selectList = upper.equals("SELECT");
          }
        }
        separate(out, space);
        out.append(word);
        space = false;
        previous = afterDot ? "" : upper;
        if (upper.equals("SELECT") && !afterDot && level.query) {
          newline(out, depth + 1);
        }
        i = end;
        continue;
      } else {
        end = i + 1;
        switch (c) {
          case '(' -> {
            separate(out, space && (previous.isEmpty() || SqlHighlighter.KEYWORDS.contains(previous)
                || !Character.isLetterOrDigit(previous.charAt(0))));
            out.append('(');
            levels.push(new Level(false));
            previous = "(";
            space = false;
            i = end;
            continue;
          }
          case ')' -> {
            if (levels.size() > 1) {
              Level closed = levels.pop();
              if (closed.query) {
                newline(out, levels.size() - 1);
              }
            }
            out.append(')');
            previous = ")";
            space = false;
            i = end;
            continue;
          }
          case ',' -> {
            out.append(',');
            if (levels.peek().selectList) {
              newline(out, depth + 1);
              space = false;
            } else {
              space = true;
            }
            previous = ",";
            i = end;
            continue;
          }
          case '.' -> {
            out.append('.');
            previous = ".";
            space = false;
            i = end;
            continue;
          }
          default -> { }
        }
      }
      separate(out, space);
      out.append(sql, i, end);
      space = false;
      previous = sql.substring(i, end);
      i = end;
    }
    return out.toString().strip() + "\n";
  }

  /** Whether a clause keyword continues the one before ({@code LEFT JOIN}, {@code DELETE FROM}, {@code * EXCEPT}). */
  private static boolean continues(String previous, String word) {
    return word.equals("JOIN") && JOIN_KINDS.contains(previous)
        || word.equals("FROM") && previous.equals("DELETE")
        || word.equals("EXCEPT") && previous.equals("*")
        || word.equals("SELECT") && previous.equals("AS");
  }

  private static void newline(StringBuilder out, int depth) {
    int len = out.length();
    while (len > 0 && out.charAt(len - 1) == ' ') {
      len--;
    }
    out.setLength(len);
    if (len > 0 && out.charAt(len - 1) != '\n') {
      out.append('\n');
    }
    out.append("  ".repeat(depth));
  }

  private static void separate(StringBuilder out, boolean space) {
    if (space && !out.isEmpty()) {
      char last = out.charAt(out.length() - 1);
      if (last != ' ' && last != '\n' && last != '(') {
        out.append(' ');
      }
    }
  }

  private static char next(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return text.charAt(i);
      }
    }
    return 0;
  }

  private static int quoted(String text, int from, char quote) {
    int i = from + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        return i + 1;
      }
      i++;
    }
    return text.length();
  }
}
