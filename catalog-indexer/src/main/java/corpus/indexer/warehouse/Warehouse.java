package corpus.indexer.warehouse;

import corpus.indexer.model.Table;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A place queries can be estimated against and, when it holds data, run on: the embedded DuckDB sample (exact
 * sizes, BigQuery SQL translated), BigQuery itself (dry runs), or only the catalog's metadata (estimates).
 *
 * <p>Implementations are thread-safe; every call may block (disk or network) and must run off any UI thread.
 * Interrupting the calling thread cancels a running query.
 */
public interface Warehouse extends AutoCloseable {

  /** What the user is connected to, e.g. "embedded sample warehouse (DuckDB)". */
  String description();

  /** Whether {@link #sizes} are computed from the data rather than estimated from metadata. */
  boolean exactSizes();

  /** The data sizes of a table per partition and column, or empty when unknown (a view, no statistics). */
  Optional<TableSizes> sizes(Table table) throws IOException;

  /** BigQuery's own figure for the bytes a query would process (a dry run), when this warehouse can tell. */
  default Optional<Long> dryRunBytes(String sql) throws IOException, InterruptedException {
    return Optional.empty();
  }

  /** The date {@code CURRENT_DATE()} means here (the sample lives on 2025-01-01). */
  LocalDate today();

  /** Whether queries can be run (false for a metadata-only catalog). */
  boolean canRun();

  /**
   * Runs a read-only query, refusing before it starts when it would bill more than {@code maxBytesBilled}, and
   * keeps at most {@code maxRows} rows.
   */
  QueryResult run(String sql, long maxBytesBilled, int maxRows) throws IOException, InterruptedException;

  /** Up to {@code maxRows} rows of a table without running a query (free in BigQuery). */
  QueryResult preview(Table table, int maxRows) throws IOException, InterruptedException;

  @Override
  void close() throws IOException;
}
