package corpus.indexer.source.bigquery;

import corpus.indexer.model.Problem;
import corpus.indexer.model.TableId;
import java.util.List;

/**
 * What {@link PolicyTagWriter#apply} did: the tables patched (or that would be, in a dry run), the
 * column changes written, and the tables skipped with the reason.
 */
public record PolicyTagResult(boolean dryRun, List<TableId> patched, List<PolicyTagChange> applied,
    List<Problem> problems) {

  public PolicyTagResult {
    patched = List.copyOf(patched);
    applied = List.copyOf(applied);
    problems = List.copyOf(problems);
  }
}
