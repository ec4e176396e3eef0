package corpus.indexer.source.duckdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses DuckDB type strings as {@code duckdb_columns().data_type} prints them, e.g. {@code
 * STRUCT("display name" VARCHAR, tags VARCHAR[], pos STRUCT(x DOUBLE, y DOUBLE))[]}, into a
 * {@link DuckDbType} tree. Handles nesting to any depth, quoted member names with doubled quotes,
 * multi-word scalars ({@code TIMESTAMP WITH TIME ZONE}), parameters ({@code DECIMAL(18,3)}, {@code
 * ENUM('a', 'b')}), {@code MAP}, {@code UNION} and fixed-size arrays.
 */
public final class DuckDbTypeParser {

  private final String text;
  private int pos;

  private DuckDbTypeParser(String text) {
    this.text = text;
  }

  /** Parses one type string; throws {@link IllegalArgumentException} saying where it is malformed. */
  public static DuckDbType parse(String type) {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("empty DuckDB type");
    }
    DuckDbTypeParser p = new DuckDbTypeParser(type);
    DuckDbType t = p.type();
    p.skipSpace();
    if (p.pos != p.text.length()) {
      throw p.error("unexpected text");
    }
    return t;
  }

  private DuckDbType type() {
    skipSpace();
    String word = identifier();
    if (word == null) {
      throw error("expected a type name");
    }
    String upper = word.toUpperCase(Locale.ROOT);
    DuckDbType base;
    switch (upper) {
      case "STRUCT", "ROW" -> base = new DuckDbType.Struct(members());
      case "UNION" -> base = new DuckDbType.Union(members());
      case "MAP" -> {
        expect('(');
        DuckDbType key = type();
        expect(',');
        DuckDbType value = type();
        expect(')');
        base = new DuckDbType.MapOf(key, value);
      }
      case "LIST" -> {
        // LIST(X) is the long form of X[]
        expect('(');
        DuckDbType element = type();
        expect(')');
        base = new DuckDbType.ListOf(element, null);
      }
      default -> base = scalar(upper);
    }
    return suffixes(base);
  }

  private DuckDbType.Scalar scalar(String first) {
    StringBuilder name = new StringBuilder(first);
    while (true) {
      int save = pos;
      skipSpace();
      String next = identifier();
      if (next == null) {
        pos = save;
        break;
      }
      name.append(' ').append(next.toUpperCase(Locale.ROOT));
    }
    List<String> params = new ArrayList<>();
    skipSpace();
    if (peek() == '(') {
      pos++;
      while (true) {
        skipSpace();
        params.add(param());
        skipSpace();
        char c = next();
        if (c == ')') {
          break;
        }
        if (c != ',') {
          throw error("expected ',' or ')' in type parameters");
        }
      }
    }
    return new DuckDbType.Scalar(name.toString(), params);
  }

  private String param() {
    char c = peek();
    if (c == '\'') {
      return quoted('\'');
    }
    int start = pos;
    while (pos < text.length() && ",)".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a type parameter");
    }
    return text.substring(start, pos).strip();
  }

  private DuckDbType suffixes(DuckDbType base) {
    DuckDbType t = base;
    while (true) {
      int save = pos;
      skipSpace();
      if (peek() != '[') {
        pos = save;
        return t;
      }
      pos++;
      int start = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      Integer size = pos > start ? Integer.valueOf(text.substring(start, pos)) : null;
      expect(']');
      t = new DuckDbType.ListOf(t, size);
    }
  }

  private List<DuckDbType.Member> members() {
    expect('(');
    List<DuckDbType.Member> out = new ArrayList<>();
    skipSpace();
    if (peek() == ')') {
      pos++;
      return out;
    }
    while (true) {
      skipSpace();
      String name = peek() == '"' ? quoted('"') : identifier();
      if (name == null) {
        throw error("expected a member name");
      }
      out.add(new DuckDbType.Member(name, type()));
      skipSpace();
      char c = next();
      if (c == ')') {
        return out;
      }
      if (c != ',') {
        throw error("expected ',' or ')' after a member");
      }
    }
  }

  /** A quoted name or literal, with the quote doubled inside; returns the unquoted text. */
  private String quoted(char quote) {
    pos++;
    StringBuilder b = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) {
        if (pos < text.length() && text.charAt(pos) == quote) {
          b.append(quote);
          pos++;
        } else {
          return b.toString();
        }
      } else {
        b.append(c);
      }
    }
    throw error("unterminated " + quote);
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return pos > start ? text.substring(start, pos) : null;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    skipSpace();
    if (next() != c) {
      pos--;
      throw error("expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String reason) {
    return new IllegalArgumentException(
        reason + " at position " + pos + " of DuckDB type '" + text + "'");
  }
}
