package corpus.indexer.gdpr;

import corpus.indexer.progress.ProgressListener;
import corpus.indexer.warehouse.CostEstimate;
import corpus.indexer.warehouse.Estimate;
import corpus.indexer.warehouse.Problem;
import corpus.indexer.warehouse.QueryEstimator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a cost estimate next to every data-subject statement, computed by the workbench's
 * {@link QueryEstimator} — the same rules and figures as {@code corpus estimate} for the same SQL.
 * The statements carry only the {@code @subject_id} parameter, so no subject value is involved.
 *
 * <pre>{@code
 * List<Costed> costed = SubjectRequestCosts.estimate(plans, QueryEstimator.of(catalog, warehouse, Pricing.DEFAULT, "EU", null));
 * Total total = SubjectRequestCosts.total(costed);
 * }</pre>
 */
public final class SubjectRequestCosts {

  /** Whether a statement reads the subject's rows or erases them. */
  public enum Kind { ACCESS, ERASURE }

  /**
   * One statement and what running it would cost.
   *
   * @param bytesProcessed bytes processed, or null when the estimator could not compute it (see {@code problem})
   * @param bytesBilled bytes billed (MiB rounding and minimums applied), or null
   * @param costUsd price of the billed bytes, or null
   * @param exact whether every figure comes from the data rather than catalog metadata
   * @param problem why there is no figure, or the first blocking problem; null when none
   */
  public record Statement(Kind kind, String sql, Long bytesProcessed, Long bytesBilled, Double costUsd,
      boolean exact, String problem) {}

  /** A table's plan with its statements, access first, then erasure in order. */
  public record Costed(SubjectRequestFinder.TablePlan plan, List<Statement> statements) {

    public Costed {
      statements = List.copyOf(statements);
    }
  }

  /**
   * The sum over every statement that has a figure.
   *
   * @param unestimated statements without a figure (their cost is not in the sum)
   */
  public record Total(long bytesProcessed, long bytesBilled, double costUsd, int statements, int unestimated) {}

  private SubjectRequestCosts() {}

  /** Estimates every statement of {@code plans}; blocking. */
  public static List<Costed> estimate(List<SubjectRequestFinder.TablePlan> plans, QueryEstimator estimator)
      throws IOException, InterruptedException {
    return estimate(plans, estimator, ProgressListener.NONE);
  }

  /** As above, reporting each table done to {@code progress}; stops when the thread is interrupted. */
  public static List<Costed> estimate(List<SubjectRequestFinder.TablePlan> plans, QueryEstimator estimator,
      ProgressListener progress) throws IOException, InterruptedException {
    List<Costed> out = new ArrayList<>();
    for (SubjectRequestFinder.TablePlan p : plans) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("data-subject request estimates cancelled");
      }
      progress.progress("Estimating " + p.plan().table(), out.size(), plans.size());
      List<Statement> statements = new ArrayList<>();
      statements.add(statement(Kind.ACCESS, p.plan().accessSql(), estimator));
      for (String sql : p.plan().erasureSql()) {
        statements.add(statement(Kind.ERASURE, sql, estimator));
      }
      out.add(new Costed(p, statements));
    }
    return out;
  }

  /** The sum of every estimated statement. */
  public static Total total(List<Costed> costed) {
    long processed = 0;
    long billed = 0;
    double usd = 0;
    int count = 0;
    int missing = 0;
    for (Costed c : costed) {
      for (Statement s : c.statements()) {
        count++;
        if (s.bytesProcessed() == null) {
          missing++;
          continue;
        }
        processed += s.bytesProcessed();
        billed += s.bytesBilled();
        usd += s.costUsd();
      }
    }
    return new Total(processed, billed, usd, count, missing);
  }

  private static Statement statement(Kind kind, String sql, QueryEstimator estimator)
      throws IOException, InterruptedException {
    Estimate e = estimator.estimate(sql);
    CostEstimate c = e.cost();
    String problem = e.problems().stream().filter(Problem::blocking).findFirst()
        .or(() -> e.problems().stream().findFirst()).map(Problem::message).orElse(null);
    if (c == null) {
      return new Statement(kind, sql, null, null, null, false, problem == null ? "not estimated" : problem);
    }
    return new Statement(kind, sql, c.bytesProcessed(), c.bytesBilled(), c.costUsd(), c.exact(), problem);
  }
}
