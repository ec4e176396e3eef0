package corpus.lineage.footprint;

/**
 * Why SQL could not be parsed, and where: 1-based line and column, as an editor shows them.
 *
 * @param message the parser's message without its location suffix
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record SqlError(String message, int line, int column) {

  /** {@code message at line:column}, or the message alone when the position is unknown. */
  @Override
  public String toString() {
    return line > 0 ? message + " at " + line + ":" + column : message;
  }
}
