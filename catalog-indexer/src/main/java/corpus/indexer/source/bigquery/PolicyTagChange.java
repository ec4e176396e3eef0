package corpus.indexer.source.bigquery;

import corpus.indexer.model.TableId;
import java.util.List;

/** One column whose policy tags change: what it has now and what it will have. */
public record PolicyTagChange(TableId table, String fieldPath, List<String> before, List<String> after) {

  public PolicyTagChange {
    before = List.copyOf(before);
    after = List.copyOf(after);
  }

  /** A line for the preview, e.g. {@code p.d.t  email: (none) -> projects/…/policyTags/456}. */
  public String describe() {
    return table + "  " + fieldPath + ": " + (before.isEmpty() ? "(none)" : String.join(", ", before))
        + " -> " + String.join(", ", after);
  }
}
