package corpus.indexer.warehouse;

import java.util.List;

/**
 * A coaching hint: what makes the query expensive (or refused), what to do instead, what it would save, and
 * when the change is mechanical, the edit that applies it.
 *
 * @param kind what the hint is about
 * @param table the table concerned, or null
 * @param message one or two sentences for the user
 * @param savedBytes bytes billed the change would save (0 when it saves time or trouble rather than bytes)
 * @param savedUsd the price of {@code savedBytes}
 * @param edits the text edits that apply the hint, empty when it cannot be applied mechanically
 */
public record Hint(Kind kind, String table, String message, long savedBytes, double savedUsd, List<TextEdit> edits) {

  public Hint {
    edits = List.copyOf(edits);
  }

  /** The kinds of hints. */
  public enum Kind { SELECT_STAR, NO_PARTITION_FILTER, LIMIT_DOES_NOT_REDUCE, CROSS_LOCATION, REPEATED_SCAN }

  public boolean applicable() {
    return !edits.isEmpty();
  }

  /** {@code sql} with the edits applied. */
  public String apply(String sql) {
    return TextEdit.applyAll(sql, edits);
  }
}
