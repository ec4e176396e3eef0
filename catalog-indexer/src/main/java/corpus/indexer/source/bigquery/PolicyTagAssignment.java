package corpus.indexer.source.bigquery;

import corpus.indexer.model.TableId;
import java.util.Objects;

/**
 * A confirmed classification to write to BigQuery: column {@code fieldPath} of {@code table} gets
 * the policy tag {@code policyTag}, a resource name such as {@code
 * projects/p/locations/eu/taxonomies/123/policyTags/456}.
 */
public record PolicyTagAssignment(TableId table, String fieldPath, String policyTag) {

  public PolicyTagAssignment {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(fieldPath, "fieldPath");
    Objects.requireNonNull(policyTag, "policyTag");
  }
}
