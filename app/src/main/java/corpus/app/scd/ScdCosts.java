package corpus.app.scd;

import corpus.indexer.warehouse.Pricing;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Says what a query will cost, in words, from the bytes it processes by BigQuery's on-demand rules: the
 * dry run on BigQuery, the estimate over the data on the embedded DuckDB warehouse (what the same query
 * would process on BigQuery, as the workbench shows).
 */
final class ScdCosts {

  private ScdCosts() {}

  static String describe(OptionalLong bytes, String warehouse) {
    if (bytes.isEmpty()) {
      return "Runs on " + warehouse + "; its cost could not be estimated.";
    }
    long b = bytes.getAsLong();
    double usd = Pricing.DEFAULT.cost(b);
    return String.format(Locale.ROOT, "Will process %s ≈ $%.4f by BigQuery's on-demand rules; runs on %s.",
        corpus.app.format.Formats.bytes(b), usd, warehouse);
  }

  static String describe(long bytes, String warehouse) {
    return bytes < 0 ? describe(OptionalLong.empty(), warehouse) : describe(OptionalLong.of(bytes), warehouse);
  }
}
