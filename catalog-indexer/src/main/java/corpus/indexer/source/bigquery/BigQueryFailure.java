package corpus.indexer.source.bigquery;

/**
 * A BigQuery call that failed, with a one-sentence message fit to show a user as it is.
 *
 * <p>{@link #kind()} says what went wrong so callers can react (ask for credentials, lower the
 * byte limit, retry later) without parsing messages. The message never holds credentials,
 * e-mail addresses or data values; the original exception is kept as the cause for debugging.
 */
public final class BigQueryFailure extends RuntimeException {

  /** What kind of failure this is. */
  public enum Kind {
    /** No credentials, or credentials the service rejected. */
    AUTH,
    /** The caller lacks a permission on a project, dataset or table. */
    PERMISSION,
    NOT_FOUND,
    /** Rate limits or quotas, still failing after the retries. */
    RATE_LIMIT,
    /** Server errors or broken connections, still failing after the retries. */
    TRANSIENT,
    TIMEOUT,
    /** The query would bill more bytes than allowed; nothing was billed. */
    BYTES_LIMIT,
    /** The statement is not a read-only query and was refused. */
    NOT_READ_ONLY,
    /** Invalid SQL or request. */
    INVALID,
    CANCELLED,
    OTHER
  }

  private final Kind kind;

  public BigQueryFailure(Kind kind, String message, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
  }

  public BigQueryFailure(Kind kind, String message) {
    this(kind, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** A service message as one line fit to show a user: e-mail addresses and tokens removed. */
  public static String redact(String message) {
    return BigQueryErrors.clean(message);
  }
}
