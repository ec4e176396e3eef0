package corpus.gdpr.validate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;

/**
 * Validates phone numbers with libphonenumber: a number written with {@code +} or {@code 00} is
 * parsed internationally; otherwise it must be valid in one of the default regions. Bare digit
 * runs without a leading {@code 0}, {@code +} or separators are not counted, because ids and
 * amounts look the same. {@link #findIn(String)} finds numbers embedded in free text.
 */
public final class PhoneNumbers {

  /** Regions tried for numbers written without a country code. */
  public static final List<String> DEFAULT_REGIONS = List.of("DE", "FR", "ES", "GB", "IT", "NL", "AT", "CH", "BE", "US");

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
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        digits++;
      } else if ("+-()./ ".indexOf(c) < 0) {
        return false;
      }
    }
    if (digits < 6 || digits > 17) {
      return false;
    }
    if (s.startsWith("00")) {
      s = "+" + s.substring(2);
    }
    boolean formatted = s.startsWith("+") || s.startsWith("0") || s.chars().anyMatch(c -> !Character.isDigit(c));
    if (!formatted) {
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
