package corpus.indexer.warehouse;

import java.util.Locale;

/** Formats byte counts and prices the way the BigQuery console does (1024-based units: "1.3 GB", "$0.008"). */
public final class Bytes {
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

  private Bytes() {}

  /** {@code 0 B}, {@code 512 B}, {@code 10 MB}, {@code 1.3 GB}. */
  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double v = bytes;
    int unit = 0;
    while (v >= 1024 && unit < UNITS.length - 1) {
      v /= 1024;
      unit++;
    }
    return (v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.1f", v)) + " " + UNITS[unit];
  }

  /** {@code $0.008}, {@code $1.25}, {@code $0.00006}: enough digits to show the first two significant ones. */
  public static String usd(double usd) {
    if (usd == 0) {
      return "$0";
    }
    if (usd >= 1) {
      return String.format(Locale.ROOT, "$%.2f", usd);
    }
    int decimals = Math.max(3, (int) Math.ceil(-Math.log10(usd)) + 1);
    return String.format(Locale.ROOT, "$%." + decimals + "f", usd);
  }
}
