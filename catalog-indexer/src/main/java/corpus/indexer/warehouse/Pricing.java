package corpus.indexer.warehouse;

import java.util.List;

/**
 * BigQuery on-demand query pricing: a price per TiB of bytes billed, bytes rounded up to the next MiB, with a
 * minimum billed per referenced table and per query.
 *
 * <p>{@link #DEFAULT} is the on-demand price of the US multi-region, USD 6.25 per TiB, in force since
 * {@value #PRICE_SINCE} (cloud.google.com/bigquery/pricing, "On-demand compute pricing"); other regions differ
 * and the first TiB per month is free, which an estimate of one query ignores.
 *
 * @param usdPerTib price of one TiB (2^40 bytes) billed
 * @param minimumPerTable bytes billed at least for each table the query references (10 MiB)
 * @param minimumPerQuery bytes billed at least for the whole query (10 MiB)
 */
public record Pricing(double usdPerTib, long minimumPerTable, long minimumPerQuery) {
  /** When the default price took effect. */
  public static final String PRICE_SINCE = "2023-07-05";

  public static final long MIB = 1L << 20;
  public static final long TIB = 1L << 40;

  public static final Pricing DEFAULT = new Pricing(6.25, 10 * MIB, 10 * MIB);

  /** The same rules at another price per TiB. */
  public Pricing withUsdPerTib(double price) {
    return new Pricing(price, minimumPerTable, minimumPerQuery);
  }

  /** Bytes billed for a query that processes {@code bytesPerTable} (one entry per referenced table). */
  public long billed(List<Long> bytesPerTable) {
    long total = 0;
    for (long b : bytesPerTable) {
      total += Math.max(minimumPerTable, roundUpToMib(b));
    }
    return Math.max(minimumPerQuery, total);
  }

  /** The price of {@code bytesBilled}. */
  public double cost(long bytesBilled) {
    return bytesBilled * usdPerTib / TIB;
  }

  static long roundUpToMib(long bytes) {
    return (bytes + MIB - 1) / MIB * MIB;
  }
}
