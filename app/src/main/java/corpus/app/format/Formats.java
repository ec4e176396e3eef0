package corpus.app.format;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Turns catalog numbers and times into what a person reads: {@code 1.4 GB}, {@code 1,204,311},
 * {@code 2026-11-20 14:03 (2 days ago)}. Times are shown in the given zone, ages against the clock.
 */
public final class Formats {

  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private final Clock clock;
  private final ZoneId zone;

  public Formats(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  /** Formats with the system clock in the system time zone. */
  public static Formats system() {
    return new Formats(Clock.systemDefaultZone(), ZoneId.systemDefault());
  }

  /**
   * Bytes in binary multiples with the labels the BigQuery console uses (1 KB = 1,024 B), one
   * decimal below 100 units.
   */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    String pattern = value < 100 ? "%.1f %s" : "%.0f %s";
    return String.format(Locale.ROOT, pattern, value, UNITS[unit]);
  }

  /** A count with thousands separators: {@code 1,204,311}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Date and minute in the zone, followed by the age: {@code 2026-11-20 14:03 (2 days ago)}. */
  public String dateTime(Instant instant) {
    return DATE_TIME.format(instant.atZone(zone)) + " (" + age(instant) + ")";
  }

  /** How long ago (or from now) the instant is, in the largest whole unit. */
  public String age(Instant instant) {
    Duration d = Duration.between(instant, clock.instant());
    boolean future = d.isNegative();
    d = d.abs();
    String amount;
    if (d.toMinutes() < 1) {
      return "just now";
    } else if (d.toHours() < 1) {
      amount = plural(d.toMinutes(), "minute");
    } else if (d.toDays() < 1) {
      amount = plural(d.toHours(), "hour");
    } else if (d.toDays() < 60) {
      amount = plural(d.toDays(), "day");
    } else if (d.toDays() < 730) {
      amount = plural(d.toDays() / 30, "month");
    } else {
      amount = plural(d.toDays() / 365, "year");
    }
    return future ? "in " + amount : amount + " ago";
  }

  /** A duration in milliseconds as whole days, hours or minutes: {@code 90 days}. */
  public static String duration(long millis) {
    Duration d = Duration.ofMillis(millis);
    if (d.toDays() >= 1 && d.toHours() % 24 == 0) {
      return plural(d.toDays(), "day");
    } else if (d.toHours() >= 1 && d.toMinutes() % 60 == 0) {
      return plural(d.toHours(), "hour");
    }
    return plural(Math.max(1, d.toMinutes()), "minute");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
