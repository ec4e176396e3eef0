package corpus.indexer.scd;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the health checks of an SCD type 2 table as bounded warehouse queries (one per check, each
 * returning a count and at most {@link #EXAMPLES} example keys; nothing is pulled in bulk).
 *
 * <pre>{@code
 * try (QueryRunner runner = QueryRunners.open("sample", home, catalog::table, null)) {
 *   ScdReport report = new ScdHealthCheck(runner, Clock.systemUTC()).run(scd);
 *   report.findings().forEach(f -> ...);   // overlaps: 2 (tr_000123 / DE / master, ...)
 * }
 * }</pre>
 */
public final class ScdHealthCheck {

  /** Example keys kept per finding. */
  public static final int EXAMPLES = 5;

  private static final Logger LOG = LoggerFactory.getLogger(ScdHealthCheck.class);

  private final QueryRunner runner;
  private final String farFuture;

  public ScdHealthCheck(QueryRunner runner, Clock clock) {
    this.runner = runner;
    this.farFuture = farFuture(clock);
  }

  /**
   * The first day of the year twenty years from now: a valid_to at or after it (or NULL) marks an
   * open version, whatever sentinel the table uses (2060-01-01, 9999-12-31, ...).
   */
  public static String farFuture(Clock clock) {
    return LocalDate.now(clock).plusYears(20).withDayOfYear(1).toString();
  }

  /** One check's query and what it would process, before anything runs. */
  public record Planned(ScdCheck check, String sql, long estimatedBytes) {}

  /**
   * The query of every check that applies, with its estimate, without running any: what {@link #run}
   * will send (the sentinel check is planned against the most common far-future value, which only
   * {@code run} reads from the table).
   */
  public List<Planned> plan(ScdTable scd) throws Exception {
    List<Planned> out = new ArrayList<>();
    if (scd.key().columns().isEmpty()) {
      return out;
    }
    ScdSql sql = new ScdSql(scd, runner.dialect(), farFuture);
    for (ScdCheck check : ScdCheck.values()) {
      if (check == ScdCheck.CURRENT_MISMATCH && !scd.columns().hasCurrentFlag()) {
        continue;
      }
      String query = sql.examples(sql.offending(check, null), EXAMPLES);
      out.add(new Planned(check, query, runner.estimateBytes(query).orElse(-1)));
    }
    return out;
  }

  /** Verifies the key, then runs every check; an interrupt stops between queries. */
  public ScdReport run(ScdTable recognised) throws Exception {
    ScdTable scd = new KeyVerifier(runner, farFuture).verify(recognised);
    ScdSql sql = new ScdSql(scd, runner.dialect(), farFuture);
    List<CheckResult> results = new ArrayList<>();
    String dominant = null;
    boolean sentinelsDiffer = false;
    if (!scd.key().columns().isEmpty()) {
      QueryResult sentinels = runner.run(sql.sentinels(), 20);
      sentinelsDiffer = sentinels.rows().size() > 1;
      dominant = sentinels.rows().isEmpty() ? null : sentinels.rows().getFirst().getFirst();
    }
    for (ScdCheck check : ScdCheck.values()) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      results.add(run(scd, sql, check, dominant, sentinelsDiffer));
    }
    LOG.info("Checked {}: {} finding(s)", scd.id(), results.stream().filter(CheckResult::isFinding).count());
    return new ScdReport(scd, results);
  }

  private CheckResult run(ScdTable scd, ScdSql sql, ScdCheck check, String dominant, boolean sentinelsDiffer)
      throws Exception {
    if (scd.key().columns().isEmpty()
        || (check == ScdCheck.CURRENT_MISMATCH && !scd.columns().hasCurrentFlag())) {
      return new CheckResult(check, CheckResult.Status.SKIPPED, check.severity(), 0, List.of(), "", -1);
    }
    String query = sql.examples(sql.offending(check, dominant), EXAMPLES);
    if (check == ScdCheck.SENTINEL && !sentinelsDiffer) {
      // the sentinel query run first answered this check: its cost is the check's
      return new CheckResult(check, CheckResult.Status.OK, check.severity(), 0, List.of(), sql.sentinels(),
          runner.estimateBytes(sql.sentinels()).orElse(-1));
    }
    OptionalLong estimate = runner.estimateBytes(query);
    QueryResult result = runner.run(query, EXAMPLES);
    int keyCount = scd.key().columns().size();
    long count = result.rows().isEmpty() ? 0 : Long.parseLong(result.rows().getFirst().get(keyCount));
    List<String> examples = result.rows().stream()
        .map(r -> String.join(" / ", r.subList(0, keyCount).stream().map(v -> v == null ? "NULL" : v).toList()))
        .toList();
    ScdCheck.Severity severity = check.severity();
    CheckResult.Status status = count == 0 ? CheckResult.Status.OK : CheckResult.Status.FOUND;
    if (check == ScdCheck.GAPS && count > 0) {
      switch (scd.gaps()) {
        case ALLOWED -> status = CheckResult.Status.ALLOWED;
        case UNDECLARED -> severity = ScdCheck.Severity.INFO;
        case NOT_ALLOWED -> severity = ScdCheck.Severity.ERROR;
      }
    }
    return new CheckResult(check, status, severity, count, examples, query, estimate.orElse(-1));
  }
}
