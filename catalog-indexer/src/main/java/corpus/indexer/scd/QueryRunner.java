package corpus.indexer.scd;

import java.util.OptionalLong;

/**
 * Runs the bounded, read-only queries of SCD checks, entity histories and as-of views against the
 * warehouse a catalog describes. Calls block; interrupting the calling thread cancels a running
 * query where the warehouse allows it. Open one with {@link QueryRunners#open}.
 */
public interface QueryRunner extends AutoCloseable {

  /** The SQL the warehouse speaks. */
  SqlDialect dialect();

  /** Runs a read-only query and returns at most {@code maxRows} rows. */
  QueryResult run(String sql, int maxRows) throws Exception;

  /**
   * The bytes a query would process, before it runs (a BigQuery dry run is free and exact); empty
   * when this warehouse cannot say.
   */
  OptionalLong estimateBytes(String sql) throws Exception;

  /** Where the queries go, for people: "the sample warehouse (DuckDB)", "BigQuery project p". */
  String description();

  @Override
  void close() throws java.io.IOException;
}
