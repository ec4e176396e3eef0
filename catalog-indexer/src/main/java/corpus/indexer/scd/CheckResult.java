package corpus.indexer.scd;

import java.util.List;

/**
 * The outcome of one health check on one table: how many entities it found, a few of their keys
 * (values joined with " / "), the SQL that ran and, when the warehouse could tell before running
 * it, the bytes it would process ({@code -1} when unknown).
 */
public record CheckResult(ScdCheck check, Status status, ScdCheck.Severity severity, long count,
    List<String> examples, String sql, long estimatedBytes) {

  /** What the check concluded. */
  public enum Status {
    /** Nothing found. */
    OK,
    /** Entities found: a finding. */
    FOUND,
    /** Entities found, but the table declares them acceptable (gaps where gaps are allowed). */
    ALLOWED,
    /** Not applicable to this table (e.g. no is_current column). */
    SKIPPED
  }

  public CheckResult {
    examples = List.copyOf(examples);
  }

  /** True when this result is something to look at. */
  public boolean isFinding() {
    return status == Status.FOUND;
  }
}
