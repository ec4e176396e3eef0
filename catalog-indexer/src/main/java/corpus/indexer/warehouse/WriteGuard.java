package corpus.indexer.warehouse;

import corpus.lineage.footprint.QueryFootprint;
import java.util.Optional;

/**
 * Refuses statements that write (DML and DDL: INSERT, UPDATE, DELETE, MERGE, CREATE, DROP, …) unless writing
 * was switched on, so that a workbench tab can only read by default.
 */
public final class WriteGuard {

  private WriteGuard() {}

  /** Why {@code footprint} may not run, or empty when it only reads or writing is allowed. */
  public static Optional<String> refusal(QueryFootprint footprint, boolean writingAllowed) {
    if (writingAllowed || !footprint.ok() || !footprint.isWrite()) {
      return Optional.empty();
    }
    String kinds = String.join(", ", footprint.kinds()).toUpperCase(java.util.Locale.ROOT).replace('_', ' ');
    String targets = footprint.writes().isEmpty() ? "" : " on " + String.join(", ", footprint.writes());
    return Optional.of("This statement writes (" + kinds + targets + "). Writing is off: switch it on for this "
        + "tab to run statements that change data.");
  }
}
