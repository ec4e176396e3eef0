package corpus.gdpr.scan;

import java.util.List;
import java.util.Map;

/**
 * Reads a bounded sample of some columns of one table (for example BigQuery {@code TABLESAMPLE}
 * with maximum bytes billed, or DuckDB {@code USING SAMPLE}). The scanner turns each column's
 * values into counts at once and drops them; an implementation must not keep or log them either.
 */
@FunctionalInterface
public interface ValueSampler {

  /**
   * Values per field path; a field missing from the map was not sampled.
   *
   * @throws Exception when the table cannot be sampled; the scan reports it and goes on
   */
  Map<String, ? extends Iterable<String>> sample(String table, List<String> fieldPaths) throws Exception;

  /** A sampler that samples nothing: classification from metadata and lineage alone. */
  static ValueSampler none() {
    return (table, fields) -> Map.of();
  }
}
