package corpus.indexer.source.bigquery;

import corpus.indexer.model.Problem;
import corpus.indexer.model.TableId;
import java.util.List;

/**
 * The preview of a policy-tag write: the columns that change, the assignments already in place,
 * and the assignments that cannot be applied (unknown column, RECORD column, malformed tag name).
 */
public record PolicyTagPlan(List<PolicyTagChange> changes, List<PolicyTagAssignment> unchanged,
    List<Problem> problems) {

  public PolicyTagPlan {
    changes = List.copyOf(changes);
    unchanged = List.copyOf(unchanged);
    problems = List.copyOf(problems);
  }

  /** The tables that {@link PolicyTagWriter#apply} would patch, in order. */
  public List<TableId> tables() {
    return changes.stream().map(PolicyTagChange::table).distinct().toList();
  }

  /** The preview as lines a reviewer reads before confirming. */
  public List<String> describe() {
    return changes.stream().map(PolicyTagChange::describe).toList();
  }
}
