package corpus.gdpr.validate;

/**
 * Validates payment card numbers (PANs): 12–19 digits (spaces and dashes ignored) that pass the
 * Luhn checksum, have the length of a known issuer and start with that issuer's identification
 * number (IIN) range. A year, a CVC or an order number fails at least one of the three.
 */
public final class PaymentCards {

  private PaymentCards() {}

  /** Whether {@code value} is a plausible card number. */
  public static boolean isValid(String value) {
    if (value == null) {
      return false;
    }
    String digits = value.strip().replace(" ", "").replace("-", "");
    if (digits.length() < 12 || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    if (digits.chars().distinct().count() == 1) {
      return false;
    }
    return issuer(digits) != null && luhn(digits);
  }

  /** The card scheme whose IIN range and lengths fit {@code digits}, or {@code null}. */
  public static String issuer(String digits) {
    int len = digits.length();
    int p1 = digits.charAt(0) - '0';
    int p2 = Integer.parseInt(digits.substring(0, 2));
    int p3 = Integer.parseInt(digits.substring(0, 3));
    int p4 = Integer.parseInt(digits.substring(0, 4));
    if (p1 == 4 && (len == 13 || len == 16 || len == 19)) {
      return "VISA";
    }
    if ((p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720) && len == 16) {
      return "MASTERCARD";
    }
    if ((p2 == 34 || p2 == 37) && len == 15) {
      return "AMEX";
    }
    if ((p4 == 6011 || p2 == 65 || p3 >= 644 && p3 <= 649) && len >= 16 && len <= 19) {
      return "DISCOVER";
    }
    if (p4 >= 3528 && p4 <= 3589 && len >= 16 && len <= 19) {
      return "JCB";
    }
    if ((p3 >= 300 && p3 <= 305 || p2 == 36 || p2 == 38 || p2 == 39) && len >= 14 && len <= 19) {
      return "DINERS";
    }
    if (p2 == 62 && len >= 16 && len <= 19) {
      return "UNIONPAY";
    }
    if ((p2 == 50 || p2 >= 56 && p2 <= 69) && len >= 12 && len <= 19) {
      return "MAESTRO";
    }
    return null;
  }

  /** The Luhn (mod 10) checksum over a digit string. */
  public static boolean luhn(String digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }
}
