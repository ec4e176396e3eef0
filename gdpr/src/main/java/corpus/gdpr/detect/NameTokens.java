package corpus.gdpr.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits identifiers and text into folded word tokens: {@code snake_case}, {@code camelCase},
 * {@code IPAddress}, dotted field paths and prose all become lists such as {@code [ip, address]}.
 * Letters and digits stay together ({@code ipv4}, {@code sha256}).
 */
public final class NameTokens {

  private NameTokens() {}

  /** Tokens of an identifier or a sentence, folded with {@link Folding#fold(String)}. */
  public static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    StringBuilder current = new StringBuilder();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(current, out);
        continue;
      }
      if (!current.isEmpty() && isBoundary(text, i)) {
        flush(current, out);
      }
      current.append(c);
    }
    flush(current, out);
    return out;
  }

  private static boolean isBoundary(String s, int i) {
    char prev = s.charAt(i - 1);
    char cur = s.charAt(i);
    if (!Character.isUpperCase(cur)) {
      return false;
    }
    if (Character.isLowerCase(prev) || Character.isDigit(prev)) {
      return true;
    }
    // "IPAddress": the A starts a word when a lower-case letter follows it.
    return Character.isUpperCase(prev) && i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
  }

  private static void flush(StringBuilder current, List<String> out) {
    if (!current.isEmpty()) {
      out.add(Folding.fold(current.toString()));
      current.setLength(0);
    }
  }
}
