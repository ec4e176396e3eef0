package corpus.indexer.warehouse;

/** BigQuery SQL that the embedded DuckDB warehouse cannot run, naming the construct and where it is. */
public final class UnsupportedSqlException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnsupportedSqlException(String message) {
    super(message);
  }
}
