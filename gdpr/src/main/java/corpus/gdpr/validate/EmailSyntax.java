package corpus.gdpr.validate;

/**
 * Checks the syntax of an e-mail address as written in practice (RFC 5321/5322 dot-atom form):
 * a local part of at most 64 allowed characters without leading, trailing or double dots, one
 * {@code @}, and a domain of at least two labels of letters, digits and inner hyphens whose last
 * label (the TLD) is alphabetic or an IDN ({@code xn--}). Quoted local parts and IP-literal
 * domains are not accepted; they do not occur in customer data.
 */
public final class EmailSyntax {

  private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~.-";

  private EmailSyntax() {}

  public static boolean isValid(String value) {
    if (value == null) {
      return false;
    }
    String s = value.strip();
    if (s.length() > 254) {
      return false;
    }
    int at = s.lastIndexOf('@');
    if (at <= 0 || at != s.indexOf('@') || at == s.length() - 1) {
      return false;
    }
    return isLocalPart(s.substring(0, at)) && isDomain(s.substring(at + 1));
  }

  private static boolean isLocalPart(String local) {
    if (local.length() > 64 || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      return false;
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (!(isAsciiLetterOrDigit(c) || LOCAL_SPECIALS.indexOf(c) >= 0 || c > 127 && Character.isLetterOrDigit(c))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDomain(String domain) {
    if (domain.length() > 253 || domain.endsWith(".")) {
      return false;
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!(isAsciiLetterOrDigit(c) || c == '-' || c > 127 && Character.isLetterOrDigit(c))) {
          return false;
        }
      }
    }
    String tld = labels[labels.length - 1];
    return tld.length() >= 2 && (tld.chars().allMatch(Character::isLetter) || tld.startsWith("xn--"));
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }
}
