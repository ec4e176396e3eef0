package corpus.indexer.model;

/**
 * One bad input that was reported and skipped: which source, which file (and line, 0 when not
 * known) and why. Problems never stop a crawl.
 */
public record Problem(String source, String file, int line, String reason) {

  @Override
  public String toString() {
    String where = file == null ? source : file + (line > 0 ? ":" + line : "");
    return where + ": " + reason;
  }
}
