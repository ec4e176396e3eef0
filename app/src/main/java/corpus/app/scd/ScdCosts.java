package corpus.app.scd;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Says what a query will cost, in words, from the bytes it processes by BigQuery's on-demand rules: the
 * dry run on BigQuery, the estimate over the data on the embedded DuckDB warehouse (what the same query
 * would process on BigQuery, as the workbench shows).
 */
final class ScdCosts {

  /** BigQuery on-demand price per TiB, in US dollars. */
  private static final double USD_PER_TIB = 6.25;

  private ScdCosts() {}

  static String describe(OptionalLong bytes, String warehouse) {
    if (bytes.isEmpty()) {
      return "Runs on " + warehouse + "; its cost could not be estimated.";
    }
    long b = bytes.getAsLong();
    double usd = b / (double) (1L << 40) * USD_PER_TIB;
    return String.format(Locale.ROOT, "Will process %s ≈ $%.4f by BigQuery's on-demand rules; runs on %s.",
        corpus.app.format.Formats.bytes(b), usd, warehouse);
  }

  static String describe(long bytes, String warehouse) {
    return bytes < 0 ? describe(OptionalLong.empty(), warehouse) : describe(OptionalLong.of(bytes), warehouse);
  }
}
