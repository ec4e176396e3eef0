package corpus.indexer.warehouse;

/** A query the guardrails stopped before it ran: broken SQL, a write with writing off, or over the byte budget. */
public final class QueryRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  public QueryRefusedException(String message) {
    super(message);
  }
}
