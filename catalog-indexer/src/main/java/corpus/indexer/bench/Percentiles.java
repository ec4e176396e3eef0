package corpus.indexer.bench;

import java.util.Arrays;

/** Latency percentiles of a set of measurements in nanoseconds, reported in milliseconds. */
public record Percentiles(int count, double p50, double p95, double p99, double max, double mean) {

  public static Percentiles of(long[] nanos) {
    if (nanos.length == 0) {
      return new Percentiles(0, 0, 0, 0, 0, 0);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    return new Percentiles(sorted.length, ms(at(sorted, 0.50)), ms(at(sorted, 0.95)), ms(at(sorted, 0.99)),
        ms(sorted[sorted.length - 1]), sum / sorted.length / 1e6);
  }

  private static long at(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
