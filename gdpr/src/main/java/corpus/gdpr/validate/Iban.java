package corpus.gdpr.validate;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * Validates International Bank Account Numbers (ISO 13616): a known country code, that country's
 * length, and the mod-97 check (the number read with letters as 10–35 after moving the first four
 * characters to the end leaves remainder 1). Spaces are ignored.
 */
public final class Iban {

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  /** IBAN lengths per country (SWIFT IBAN registry). */
  private static final Map<String, Integer> LENGTHS = Map.ofEntries(
      Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
      Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
      Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
      Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
      Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
      Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
      Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
      Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
      Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
      Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
      Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
      Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
      Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24),
      Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28),
      Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
      Map.entry("VG", 24), Map.entry("XK", 20));

  private Iban() {}

  public static boolean isValid(String value) {
    if (value == null) {
      return false;
    }
    String s = value.replace(" ", "").replace("\u00a0", "").toUpperCase(Locale.ROOT);
    if (s.length() < 15 || s.length() > 34) {
      return false;
    }
    Integer expected = LENGTHS.get(s.substring(0, 2));
    if (expected == null || expected != s.length()
        || !Character.isDigit(s.charAt(2)) || !Character.isDigit(s.charAt(3))) {
      return false;
    }
    StringBuilder digits = new StringBuilder(s.length() * 2);
    String rearranged = s.substring(4) + s.substring(0, 4);
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        digits.append(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
  }
}
