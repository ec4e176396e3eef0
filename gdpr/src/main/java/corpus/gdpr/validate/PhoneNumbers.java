package corpus.gdpr.validate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates phone numbers with libphonenumber: a number written with {@code +} or {@code 00} is
 * parsed internationally; otherwise it must be valid in one of the default regions. Values that
 * are other things written with digits are refused before libphonenumber, whose lenient parsing
 * would accept many of them: bare digit runs without a leading {@code 0} (ids), short
 * zero-padded runs ({@code 0123456}), decimals ({@code 1234.50}, {@code -3.5}, {@code 1.5e3}),
 * dates ({@code 2024-03-01}, {@code 01.03.2024}, {@code 03/01/2024}), thousands-grouped numbers
 * ({@code 1.234.567}), version strings ({@code 2.10.12.345}) and IPv4
 * addresses. {@link #findIn(String)} finds numbers embedded in free text.
 */
public final class PhoneNumbers {

  /** Regions tried for numbers written without a country code. */
  public static final List<String> DEFAULT_REGIONS = List.of("DE", "FR", "ES", "GB", "IT", "NL", "AT", "CH", "BE", "US");

  /** Fewest digits of a number that can reach a person (area code and subscriber number). */
  private static final int MIN_DIGITS = 7;
  /** Fewest digits of a national number written as one run with its trunk {@code 0}. */
  private static final int MIN_DIGITS_UNFORMATTED = 9;
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+[.,]\\d+");
  private static final Pattern DATE = Pattern.compile(
      "(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})|(\\d{1,2})([-/.])(\\d{1,2})\\6(\\d{4}|\\d{2})");
  private static final Pattern THOUSANDS = Pattern.compile("[1-9]\\d{0,2}([.,']\\d{3})+");
  private static final Pattern VERSION = Pattern.compile("(0|[1-9]\\d?)(\\.\\d{1,4}){2,}");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final List<String> regions;

  public PhoneNumbers() {
    this(DEFAULT_REGIONS);
  }

  /** @param regions ISO 3166 region codes tried, in order, for national numbers */
  public PhoneNumbers(List<String> regions) {
    this.regions = List.copyOf(regions);
  }

  public boolean isValid(String value) {
    if (value == null) {
      return false;
    }
    String s = value.strip();
    if (s.startsWith("-") || looksLikeOtherNumber(s)) {
      return false;
    }
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        digits++;
      } else if ("+-()./ ".indexOf(c) < 0) {
        return false;
      }
    }
    if (digits < MIN_DIGITS || digits > 17) {
      return false;
    }
    if (s.startsWith("00")) {
      s = "+" + s.substring(2);
    }
    boolean formatted = s.startsWith("+") || s.startsWith("0") || s.chars().anyMatch(c -> !Character.isDigit(c));
    if (!formatted || (s.startsWith("0") && digits < MIN_DIGITS_UNFORMATTED && s.chars().allMatch(Character::isDigit))) {
      return false;
    }
    if (s.startsWith("+")) {
      return valid(s, "ZZ");
    }
    for (String region : regions) {
      if (valid(s, region)) {
        return true;
      }
    }
    return false;
  }

  /** Decimals, calendar dates, thousands-grouped numbers and version strings and IPv4 addresses. */
  static boolean looksLikeOtherNumber(String s) {
    if (DECIMAL.matcher(s).matches() || THOUSANDS.matcher(s).matches() || VERSION.matcher(s).matches()
        || IPV4.matcher(s).matches()) {
      return true;
    }
    Matcher date = DATE.matcher(s);
    if (!date.matches()) {
      return false;
    }
    int a = Integer.parseInt(date.group(date.group(1) != null ? 3 : 5));
    int b = Integer.parseInt(date.group(date.group(1) != null ? 4 : 7));
    return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
  }

  private boolean valid(String s, String region) {
    try {
      PhoneNumber n = util.parse(s, region);
      return util.isValidNumber(n);
    } catch (NumberParseException e) {
      return false;
    }
  }

  /** Whether {@code text} contains a valid phone number (first default region for national ones). */
  public boolean findIn(String text) {
    return util.findNumbers(text, regions.getFirst(), PhoneNumberUtil.Leniency.VALID, 50).iterator().hasNext();
  }
}
