package corpus.indexer.warehouse;

import corpus.lineage.footprint.TextSpan;

/**
 * Something wrong with a query that the user should see at its place in the editor: a syntax error, an unknown
 * table or column, a condition BigQuery would refuse the query for.
 *
 * @param message one sentence
 * @param span where it is in the text, or null
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param blocking whether the query cannot run as written (BigQuery would refuse it)
 */
public record Problem(String message, TextSpan span, int line, int column, boolean blocking) {

  /** {@code line:column: message}, or the message alone. */
  @Override
  public String toString() {
    return line > 0 ? line + ":" + column + ": " + message : message;
  }
}
