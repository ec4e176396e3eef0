package corpus.indexer.source.bigquery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the GoogleSQL literals BigQuery puts in the {@code option_value} column of {@code
 * SCHEMATA_OPTIONS} and {@code TABLE_OPTIONS}: quoted strings ({@code "Curated data"}), numbers
 * ({@code 90.0}), booleans, {@code TIMESTAMP "2026-01-01 00:00:00+00"} and label arrays ({@code
 * [STRUCT("tier", "gold"), STRUCT("owner", "core")]}). A value it cannot read gives null, never an
 * exception: options are descriptive and one bad value must not lose a table.
 */
final class SqlLiterals {

  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd")
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendPattern("HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .optionalStart().appendLiteral(" UTC").optionalEnd()
      .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
      .toFormatter();

  private SqlLiterals() {}

  /** The text of a quoted string literal ({@code "..."}, {@code '...'}, {@code r"..."}, triple quotes), or null. */
  static String string(String literal) {
    if (literal == null) {
      return null;
    }
    Cursor c = new Cursor(literal.strip());
    String s = c.string();
    return s != null && c.atEnd() ? s : null;
  }

  /** {@code [STRUCT("k", "v"), ...]} as a map, or an empty map. */
  static Map<String, String> labels(String literal) {
    Map<String, String> out = new LinkedHashMap<>();
    if (literal == null) {
      return out;
    }
    Cursor c = new Cursor(literal.strip());
    if (!c.eat("[")) {
      return out;
    }
    while (!c.eat("]")) {
      if (!c.eatWord("STRUCT") || !c.eat("(")) {
        return out;
      }
      String k = c.string();
      c.eat(",");
      String v = c.string();
      if (k == null || v == null || !c.eat(")")) {
        return out;
      }
      out.put(k, v);
      c.eat(",");
      if (c.atEnd()) {
        return out;
      }
    }
    return out;
  }

  /** A number of days ({@code 90.0}) in milliseconds, rounded, or null. */
  static Long daysAsMillis(String literal) {
    try {
      return literal == null ? null : Math.round(Double.parseDouble(literal.strip()) * 86_400_000d);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static boolean bool(String literal) {
    return literal != null && literal.strip().equalsIgnoreCase("true");
  }

  /** {@code TIMESTAMP "2026-01-01T00:00:00.000Z"} (or the bare quoted text), or null. */
  static Instant timestamp(String literal) {
    if (literal == null) {
      return null;
    }
    String s = literal.strip();
    if (s.regionMatches(true, 0, "TIMESTAMP", 0, 9)) {
      s = s.substring(9).strip();
    }
    String text = string(s);
    try {
      return text == null ? null : OffsetDateTime.parse(text.strip(), TIMESTAMP).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** {@code "it's"} as {@code "it\'s"}: a double-quoted GoogleSQL string literal. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(ch);
      }
    }
    return out.append('"').toString();
  }

  private static final class Cursor {
    private final String s;
    private int i;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      skip();
      return i >= s.length();
    }

    void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    boolean eat(String token) {
      skip();
      if (s.startsWith(token, i)) {
        i += token.length();
        return true;
      }
      return false;
    }

    boolean eatWord(String word) {
      skip();
      if (s.regionMatches(true, i, word, 0, word.length())) {
        i += word.length();
        return true;
      }
      return false;
    }

    String string() {
      skip();
      boolean raw = false;
      if (i < s.length() && (s.charAt(i) == 'r' || s.charAt(i) == 'R')) {
        raw = true;
        i++;
      }
      if (i >= s.length() || (s.charAt(i) != '"' && s.charAt(i) != '\'')) {
        return null;
      }
      char q = s.charAt(i);
      String close = s.startsWith("" + q + q + q, i) ? "" + q + q + q : "" + q;
      i += close.length();
      StringBuilder out = new StringBuilder();
      while (i < s.length()) {
        if (s.startsWith(close, i)) {
          i += close.length();
          return out.toString();
        }
        char ch = s.charAt(i++);
        if (ch == '\\' && !raw && i < s.length()) {
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
              if (i + 4 <= s.length()) {
                out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                i += 4;
              }
            }
            default -> out.append(e);
          }
        } else {
          out.append(ch);
        }
      }
      return null;
    }
  }
}
