package corpus.indexer.source.bigquery;

import corpus.indexer.model.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a GoogleSQL type as {@code INFORMATION_SCHEMA} prints it ({@code STRING}, {@code NUMERIC(10, 2)},
 * {@code ARRAY<STRUCT<sku STRING, qty INT64 NOT NULL>>}, {@code RANGE<DATE>}) into a catalog {@link Field}
 * tree: {@code ARRAY<T>} becomes mode REPEATED, {@code STRUCT} a RECORD with its fields in order, {@code NOT
 * NULL} mode REQUIRED; type parameters are dropped, as the catalog does not keep them.
 */
final class TypeText {

  private final String s;
  private int i;

  private TypeText(String s) {
    this.s = s;
  }

  /** The field {@code name} of type {@code type}; {@code mode} applies unless the type is an ARRAY. */
  static Field field(String name, String type, String mode) {
    TypeText t = new TypeText(type == null ? "STRING" : type);
    return t.field(name, mode);
  }

  private Field field(String name, String mode) {
    String base = word();
    if (base.equalsIgnoreCase("ARRAY")) {
      expect('<');
      Field element = field(name, "NULLABLE");
      expect('>');
      return new Field(name, element.type(), "REPEATED", null, List.of(), element.fields());
    }
    List<Field> children = new ArrayList<>();
    if (base.equalsIgnoreCase("STRUCT") || base.equalsIgnoreCase("RECORD")) {
      expect('<');
      while (!peek('>')) {
        String child = name();
        String childMode = "NULLABLE";
        Field f = field(child, childMode);
        if (notNull()) {
          f = new Field(f.name(), f.type(), f.isRepeated() ? "REPEATED" : "REQUIRED", null, List.of(), f.fields());
        }
        skipOptions();
        children.add(f);
        if (!peek(',')) {
          break;
        }
        expect(',');
      }
      expect('>');
    } else {
      skipBalanced('<', '>');
      skipBalanced('(', ')');
    }
    return new Field(name, base, mode, null, List.of(), children);
  }

  private String name() {
    skip();
    if (i < s.length() && s.charAt(i) == '`') {
      int end = s.indexOf('`', i + 1);
      String n = s.substring(i + 1, end < 0 ? s.length() : end);
      i = end < 0 ? s.length() : end + 1;
      return n;
    }
    return word();
  }

  private String word() {
    skip();
    int start = i;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    if (start == i) {
      throw new IllegalArgumentException("not a GoogleSQL type: " + s);
    }
    return s.substring(start, i);
  }

  private boolean notNull() {
    skip();
    if (s.regionMatches(true, i, "NOT NULL", 0, 8)) {
      i += 8;
      return true;
    }
    return false;
  }

  /** Skips column attributes a type string may carry ({@code COLLATE 'und:ci'}, {@code OPTIONS(...)}). */
  private void skipOptions() {
    skip();
    while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != '>') {
      if (s.charAt(i) == '(') {
        skipBalanced('(', ')');
      } else if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
        int end = s.indexOf(s.charAt(i), i + 1);
        i = end < 0 ? s.length() : end + 1;
      } else {
        i++;
      }
      skip();
    }
  }

  private void skipBalanced(char open, char close) {
    skip();
    if (i >= s.length() || s.charAt(i) != open) {
      return;
    }
    int depth = 0;
    do {
      char ch = s.charAt(i++);
      if (ch == open) {
        depth++;
      } else if (ch == close) {
        depth--;
      }
    } while (depth > 0 && i < s.length());
  }

  private boolean peek(char ch) {
    skip();
    return i < s.length() && s.charAt(i) == ch;
  }

  private void expect(char ch) {
    if (!peek(ch)) {
      throw new IllegalArgumentException("not a GoogleSQL type (expected '" + ch + "' at " + i + "): " + s);
    }
    i++;
  }

  private void skip() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }
}
