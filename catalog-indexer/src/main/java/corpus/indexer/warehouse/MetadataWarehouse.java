package corpus.indexer.warehouse;

import corpus.indexer.model.Table;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The warehouse of a catalog built from metadata exports: no data to run queries on, sizes estimated from each
 * table's size, row count, column types and partitioning ({@link MetadataSizes}), always labelled estimates.
 */
public final class MetadataWarehouse implements Warehouse {

  @Override
  public String description() {
    return "catalog metadata only (estimates)";
  }

  @Override
  public boolean exactSizes() {
    return false;
  }

  @Override
  public Optional<TableSizes> sizes(Table table) {
    return MetadataSizes.estimate(table);
  }

  @Override
  public LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  @Override
  public boolean canRun() {
    return false;
  }

  @Override
  public QueryResult run(String sql, long maxBytesBilled, int maxRows) throws IOException {
    throw new IOException("This catalog was built from metadata exports: there is no warehouse to run queries on. "
        + "Connect to BigQuery or open the sample to run queries.");
  }

  @Override
  public QueryResult preview(Table table, int maxRows) throws IOException {
    return run("", 0, maxRows);
  }

  @Override
  public void close() {
    // nothing to release
  }
}
