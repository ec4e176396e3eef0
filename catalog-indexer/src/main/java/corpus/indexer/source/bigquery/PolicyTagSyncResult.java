package corpus.indexer.source.bigquery;

import corpus.indexer.model.Problem;
import corpus.indexer.model.TableId;
import java.util.List;

/**
 * What {@link PolicyTagSync#apply} did: taxonomies and tags created, tables patched, column
 * changes written, and what failed (each failure names its table, column or location; the rest
 * went on).
 */
public record PolicyTagSyncResult(List<PolicyTagCatalog.TaxonomyRef> taxonomiesCreated,
    List<PolicyTagCatalog.TagRef> tagsCreated, List<TableId> patched, List<PolicyTagChange> applied,
    List<Problem> problems) {

  public PolicyTagSyncResult {
    taxonomiesCreated = List.copyOf(taxonomiesCreated);
    tagsCreated = List.copyOf(tagsCreated);
    patched = List.copyOf(patched);
    applied = List.copyOf(applied);
    problems = List.copyOf(problems);
  }
}
