package corpus.app.workbench;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Shows a typed result value as text in the grid: records as {@code {name: like, value: 1}}, arrays as
 * {@code [a, b]}, bytes in base64, NULL as {@code NULL}; dates and times in ISO form.
 */
public final class ValueText {

  /** What the grid shows for SQL NULL. */
  public static final String NULL = "NULL";

  private ValueText() {}

  public static String of(Object value) {
    StringBuilder b = new StringBuilder();
    append(b, value, true);
    return b.toString();
  }

  private static void append(StringBuilder b, Object value, boolean top) {
    switch (value) {
      case null -> b.append(top ? NULL : "null");
      case byte[] bytes -> b.append(Base64.getEncoder().encodeToString(bytes));
      case BigDecimal d -> b.append(d.toPlainString());
      case List<?> list -> {
        b.append('[');
        for (int i = 0; i < list.size(); i++) {
          b.append(i == 0 ? "" : ", ");
          append(b, list.get(i), false);
        }
        b.append(']');
      }
      case Map<?, ?> map -> {
        b.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          b.append(first ? "" : ", ").append(e.getKey()).append(": ");
          append(b, e.getValue(), false);
          first = false;
        }
        b.append('}');
      }
      default -> b.append(value);
    }
  }

  /** Whether the value reads best right-aligned (numbers). */
  public static boolean numeric(Object value) {
    return value instanceof Number;
  }
}
