package corpus.indexer.warehouse;

import corpus.lineage.footprint.QueryFootprint;
import java.util.List;

/**
 * Everything the workbench shows about a query before it runs: its footprint, cost, problems at their place and
 * coaching hints.
 *
 * @param sql the text estimated
 * @param footprint what the SQL reads (carries the syntax error, if any)
 * @param cost the cost by BigQuery's rules; null when the SQL does not parse
 * @param problems syntax errors, unknown tables and columns, conditions BigQuery refuses
 * @param hints ways to make the query cheaper
 * @param warehouse what the estimate was computed against
 */
public record Estimate(
    String sql, QueryFootprint footprint, CostEstimate cost, List<Problem> problems, List<Hint> hints,
    String warehouse) {

  public Estimate {
    problems = List.copyOf(problems);
    hints = List.copyOf(hints);
  }

  /** Whether BigQuery would accept the query as written. */
  public boolean runnable() {
    return cost != null && problems.stream().noneMatch(Problem::blocking);
  }

  /** {@code This query will process 1.3 GB ≈ $0.008}, with the billed size when the minimum applies. */
  public String summary() {
    if (cost == null) {
      return problems.isEmpty() ? "" : problems.getFirst().toString();
    }
    String text = "This query will process " + Bytes.format(cost.bytesProcessed()) + " ≈ " + Bytes.usd(cost.costUsd());
    if (cost.bytesBilled() > cost.bytesProcessed()) {
      text += " (" + Bytes.format(cost.bytesBilled()) + " billed: minimum 10 MB per table and per query)";
    }
    if (!cost.exact()) {
      text += " — estimate from catalog metadata";
    }
    if (cost.dryRunBytes() != null && cost.dryRunBytes() != cost.bytesProcessed()) {
      text += "; BigQuery's dry run says " + Bytes.format(cost.dryRunBytes());
    }
    return text;
  }
}
