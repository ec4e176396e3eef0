package corpus.gdpr.detect;

import corpus.gdpr.validate.IpAddresses;
import java.util.Locale;

/**
 * Masks one value for display beside a suggestion ({@code j***@e***.com}, {@code +49 *** *** 12}).
 * The UI calls it with a freshly sampled value and shows the result; neither the value nor the
 * mask is ever stored. Each category keeps only what a reviewer needs to recognise the kind of
 * data: the first letters, a country prefix, the last two digits.
 */
public final class Masker {

  private static final String STARS = "***";

  /** The masked form of {@code value} for a field of {@code category}. */
  public String mask(String category, String value) {
    if (value == null) {
      return "∅";
    }
    String s = value.strip();
    if (s.isEmpty()) {
      return "";
    }
    return switch (category == null ? "" : category) {
      case "email" -> email(s);
      case "phone" -> phone(s);
      case "iban" -> keepEnds(s.replace(" ", ""), 2, 2, true);
      case "card_number" -> keepEnds(s.replaceAll("[ -]", ""), 0, 2, true);
      case "ip_address" -> ip(s);
      case "birth_date" -> s.length() >= 2 ? s.substring(0, 2) + s.substring(2).replaceAll("\\d", "*") : STARS;
      case "free_text" -> "[text, " + s.length() + " characters]";
      case "precise_location" -> s.replaceAll("(\\d)\\.\\d+", "$1.***");
      case "person_name", "postal_address" -> words(s);
      case "age", "gender" -> STARS;
      default -> s.length() <= 6 ? STARS : keepEnds(s, 2, 2, false);
    };
  }

  private static String email(String s) {
    int at = s.lastIndexOf('@');
    if (at <= 0) {
      return words(s);
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    String tld = dot >= 0 ? domain.substring(dot) : "";
    String host = dot >= 0 ? domain.substring(0, dot) : domain;
    return first(local) + STARS + "@" + first(host) + STARS + tld.toLowerCase(Locale.ROOT);
  }

  private static String phone(String s) {
    String digits = s.replaceAll("\\D", "");
    if (digits.length() < 4) {
      return STARS;
    }
    String last = digits.substring(digits.length() - 2);
    String prefix = "";
    if (s.startsWith("+")) {
      prefix = "+" + digits.substring(0, Math.min(2, digits.length() - 2)) + " ";
    } else if (s.startsWith("00")) {
      prefix = "+" + digits.substring(2, Math.min(4, digits.length() - 2)) + " ";
    }
    return prefix + "*** *** " + last;
  }

  private static String ip(String s) {
    if (IpAddresses.isIpv4(s)) {
      return s.substring(0, s.indexOf('.')) + ".*.*.*";
    }
    int colon = s.indexOf(':');
    return colon > 0 ? s.substring(0, colon) + ":****:…" : STARS;
  }

  private static String words(String s) {
    StringBuilder out = new StringBuilder();
    for (String w : s.split("\\s+")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(first(w)).append(STARS);
    }
    return out.toString();
  }

  private static String first(String s) {
    return s.isEmpty() ? "" : s.substring(0, s.offsetByCodePoints(0, 1));
  }

  private static String keepEnds(String s, int head, int tail, boolean grouped) {
    if (s.length() <= head + tail + 2) {
      return STARS;
    }
    StringBuilder out = new StringBuilder(s.substring(0, head));
    for (int i = head; i < s.length() - tail; i++) {
      out.append('*');
    }
    out.append(s.substring(s.length() - tail));
    if (!grouped) {
      return out.toString();
    }
    StringBuilder spaced = new StringBuilder();
    for (int i = 0; i < out.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        spaced.append(' ');
      }
      spaced.append(out.charAt(i));
    }
    return spaced.toString();
  }
}
