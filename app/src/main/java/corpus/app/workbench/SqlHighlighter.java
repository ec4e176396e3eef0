package corpus.app.workbench;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Colours BigQuery SQL for the editor: keywords, function names, strings, quoted identifiers, numbers,
 * comments and query parameters, each as a style class ({@code sql-keyword}, …). A small hand-written scanner:
 * fast enough to run on every keystroke, tolerant of unfinished text.
 */
public final class SqlHighlighter {

  static final String KEYWORD = "sql-keyword";
  static final String FUNCTION = "sql-function";
  static final String STRING = "sql-string";
  static final String IDENTIFIER = "sql-identifier";
  static final String NUMBER = "sql-number";
  static final String COMMENT = "sql-comment";
  static final String PARAMETER = "sql-parameter";

  /** BigQuery GoogleSQL reserved and common keywords. */
  static final Set<String> KEYWORDS = Set.of(
      "ALL", "AND", "ANY", "ARRAY", "AS", "ASC", "BETWEEN", "BY", "CASE", "CAST", "COLLATE", "CREATE", "CROSS",
      "CURRENT", "DATE", "DATETIME", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP", "ELSE", "END", "ESCAPE",
      "EXCEPT", "EXISTS", "EXTRACT", "FALSE", "FETCH", "FOLLOWING", "FOR", "FROM", "FULL", "GROUP", "HAVING", "IF",
      "IGNORE", "IN", "INNER", "INSERT", "INTERSECT", "INTERVAL", "INTO", "IS", "JOIN", "LEFT", "LIKE", "LIMIT",
      "MERGE", "NOT", "NULL", "NULLS", "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION", "PRECEDING",
      "QUALIFY", "RANGE", "RECURSIVE", "REPLACE", "RESPECT", "RIGHT", "ROLLUP", "ROWS", "SELECT", "SET", "STRUCT",
      "TABLE", "THEN", "TIMESTAMP", "TO", "TRUE", "UNBOUNDED", "UNION", "UNNEST", "UPDATE", "USING", "VALUES",
      "VIEW", "WHEN", "WHERE", "WINDOW", "WITH", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "HOUR", "MINUTE",
      "SECOND", "INT64", "FLOAT64", "NUMERIC", "BIGNUMERIC", "BOOL", "STRING", "BYTES", "TIME", "GEOGRAPHY",
      "JSON", "SAFE_CAST", "MATCHED");

  private SqlHighlighter() {}

  /** The style spans of {@code text}; unstyled stretches carry an empty collection. */
  public static StyleSpans<Collection<String>> styles(String text) {
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    int plainFrom = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      int end;
      String style;
      if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-' || c == '#') {
        end = lineEnd(text, i);
        style = COMMENT;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int close = text.indexOf("*/", i + 2);
        end = close < 0 ? n : close + 2;
        style = COMMENT;
      } else if (c == '\'' || c == '"') {
        end = quoted(text, i, c);
        style = STRING;
      } else if (c == '`') {
        end = quoted(text, i, c);
        style = IDENTIFIER;
      } else if (c == '@' && i + 1 < n && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
        end = word(text, i + 1);
        style = PARAMETER;
      } else if (Character.isDigit(c) && (i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1)))) {
        end = i;
        while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.')) {
          end++;
        }
        style = NUMBER;
      } else if (Character.isJavaIdentifierStart(c)) {
        end = word(text, i);
        String upper = text.substring(i, end).toUpperCase(Locale.ROOT);
        boolean afterDot = i > 0 && text.charAt(i - 1) == '.';
        if (!afterDot && KEYWORDS.contains(upper)) {
          style = KEYWORD;
        } else if (!afterDot && next(text, end) == '(') {
          style = FUNCTION;
        } else {
          style = null;
        }
      } else {
        i++;
        continue;
      }
      if (style != null) {
        if (i > plainFrom) {
          spans.add(Collections.emptyList(), i - plainFrom);
        }
        spans.add(Collections.singleton(style), end - i);
        plainFrom = end;
      }
      i = end;
    }
    spans.add(Collections.emptyList(), n - plainFrom);
    return spans.create();
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
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
      if (c == '\n' && quote != '`') {
        return i;
      }
      i++;
    }
    return text.length();
  }

  private static int word(String text, int from) {
    int i = from;
    while (i < text.length() && (Character.isJavaIdentifierPart(text.charAt(i)))) {
      i++;
    }
    return i;
  }

  private static char next(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return text.charAt(i);
      }
    }
    return 0;
  }
}
