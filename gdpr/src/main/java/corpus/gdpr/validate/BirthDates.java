package corpus.gdpr.validate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses dates as birth dates are written (ISO {@code 1985-03-12}, also as the start of a
 * timestamp; {@code 12.03.1985}; {@code 12/03/1985}; {@code 19850312}; a bare year {@code 1985})
 * and decides whether they are plausible: not in the future and at most 120 years ago.
 */
public final class BirthDates {

  /** Oldest plausible age in years. */
  public static final int MAX_AGE = 120;

  private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ].*)?$");
  private static final Pattern DAY_FIRST = Pattern.compile("^(\\d{1,2})[./](\\d{1,2})[./](\\d{4})$");
  private static final Pattern SLASHED_ISO = Pattern.compile("^(\\d{4})/(\\d{2})/(\\d{2})$");
  private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
  private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");

  private final Clock clock;

  public BirthDates(Clock clock) {
    this.clock = clock;
  }

  /** Whether {@code value} parses as a date between 120 years ago and today. */
  public boolean isPlausible(String value) {
    LocalDate today = LocalDate.now(clock);
    return parse(value).map(d -> !d.isAfter(today) && !d.isBefore(today.minusYears(MAX_AGE))).orElse(false);
  }

  /** Whether {@code value} parses as a date at all. */
  public boolean isDate(String value) {
    return parse(value).isPresent();
  }

  /** The date {@code value} denotes; a bare year is its first of January. */
  public static Optional<LocalDate> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String s = value.strip();
    try {
      Matcher m = ISO.matcher(s);
      if (m.matches()) {
        return Optional.of(date(m.group(1), m.group(2), m.group(3)));
      }
      m = DAY_FIRST.matcher(s);
      if (m.matches()) {
        return Optional.of(date(m.group(3), m.group(2), m.group(1)));
      }
      m = SLASHED_ISO.matcher(s);
      if (m.matches()) {
        return Optional.of(date(m.group(1), m.group(2), m.group(3)));
      }
      m = COMPACT.matcher(s);
      if (m.matches()) {
        return Optional.of(date(m.group(1), m.group(2), m.group(3)));
      }
      m = YEAR.matcher(s);
      if (m.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1));
      }
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static LocalDate date(String y, String m, String d) {
    return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
  }
}
