package corpus.indexer.source.sample;

import java.math.BigInteger;

/**
 * Check digits of the identifiers the sample plants, computed the way validators check them, so
 * detectors that validate (IBAN mod-97, Luhn) accept the sample's values.
 */
final class Checksums {

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private Checksums() {}

  /** A full IBAN for {@code country} and its {@code bban}, with correct mod-97 check digits. */
  static String iban(String country, String bban) {
    int check = 98 - mod97(bban + country + "00");
    return country + (check < 10 ? "0" : "") + check + bban;
  }

  /** True when the IBAN's mod-97 remainder is 1, as ISO 13616 requires. */
  static boolean ibanValid(String iban) {
    String s = iban.replace(" ", "");
    return s.length() > 4 && mod97(s.substring(4) + s.substring(0, 4)) == 1;
  }

  private static int mod97(String alnum) {
    StringBuilder digits = new StringBuilder();
    for (char c : alnum.toCharArray()) {
      if (Character.isDigit(c)) {
        digits.append(c);
      } else {
        digits.append(Character.toUpperCase(c) - 'A' + 10);
      }
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
  }

  /** {@code payload} followed by its Luhn check digit. */
  static String withLuhn(String payload) {
    int sum = 0;
    boolean dbl = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return payload + (10 - sum % 10) % 10;
  }

  static boolean luhnValid(String number) {
    return number.length() > 1
        && withLuhn(number.substring(0, number.length() - 1)).equals(number);
  }

  /** The French RIB key of bank, branch and (numeric) account number. */
  static String ribKey(String bank, String branch, String account) {
    long b = Long.parseLong(bank);
    long g = Long.parseLong(branch);
    long a = Long.parseLong(account);
    long key = 97 - ((89 * b + 15 * g + 3 * a) % 97);
    return key < 10 ? "0" + key : Long.toString(key);
  }
}
