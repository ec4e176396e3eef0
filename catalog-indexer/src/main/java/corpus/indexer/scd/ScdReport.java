package corpus.indexer.scd;

import java.util.List;

/**
 * The health of one SCD type 2 table: its key (verified by a uniqueness query), its gap policy
 * and the result of every check, {@link #findings()} being those that found something.
 */
public record ScdReport(ScdTable table, List<CheckResult> checks) {

  public ScdReport {
    checks = List.copyOf(checks);
  }

  /** The checks that found entities to look at, in check order. */
  public List<CheckResult> findings() {
    return checks.stream().filter(CheckResult::isFinding).toList();
  }

  /** True when no check found an error or warning (information such as deletions aside). */
  public boolean healthy() {
    return findings().stream().allMatch(f -> f.severity() == ScdCheck.Severity.INFO);
  }
}
