package corpus.indexer.scd;

import java.util.List;
import java.util.Set;

/**
 * One version of an entity in an SCD type 2 table: the row's values (display strings, in the
 * table's column order), its validity, and how it relates to the version before it in its lane.
 *
 * @param validTo null when the version is open (NULL or far-future valid_to)
 * @param changed the columns whose value differs from the previous version (validity columns aside)
 * @param gapBefore true when the previous version ended before this one starts
 * @param overlapsPrevious true when this version starts before the previous one ended
 */
public record EntityVersion(List<String> values, String validFrom, String validTo, boolean current, boolean deleted,
    Set<String> changed, boolean gapBefore, boolean overlapsPrevious) {

  public EntityVersion {
    values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    changed = Set.copyOf(changed);
  }

  /** True when the version has no end yet. */
  public boolean open() {
    return validTo == null;
  }
}
