package corpus.indexer.gdpr;

import corpus.gdpr.scan.ValueSampler;
import corpus.indexer.model.TableId;
import corpus.indexer.source.bigquery.BigQueryWarehouse;
import corpus.indexer.source.bigquery.ColumnSample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples values for the GDPR value detectors from BigQuery through {@link
 * BigQueryWarehouse#sample}: {@code TABLESAMPLE SYSTEM}, a fixed number of rows per table and a
 * maximum of bytes billed, so an oversized sample fails without charge. The work is pushed down to
 * BigQuery; only the bounded sample reaches the desktop, and it is counted and dropped.
 */
public final class BigQueryValueSampler implements ValueSampler {

  /** Bytes one table's sample may bill at most unless told otherwise (1 GiB). */
  public static final long DEFAULT_MAX_BYTES_BILLED = 1L << 30;

  private final BigQueryWarehouse warehouse;
  private final int rows;
  private final long maxBytesBilled;

  public BigQueryValueSampler(BigQueryWarehouse warehouse, int rows, long maxBytesBilled) {
    this.warehouse = warehouse;
    this.rows = rows;
    this.maxBytesBilled = maxBytesBilled;
  }

  @Override
  public Map<String, List<String>> sample(String table, List<String> fieldPaths) throws InterruptedException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ColumnSample s : warehouse.sample(TableId.parse(table), fieldPaths, rows, maxBytesBilled)) {
      out.put(s.fieldPath(), s.values());
    }
    return out;
  }
}
