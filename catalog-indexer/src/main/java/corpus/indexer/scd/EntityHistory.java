package corpus.indexer.scd;

import java.util.List;

/**
 * The versions of one entity (or of several, when only part of the key was given: one lane per
 * full key, e.g. per territory), oldest first, with the SQL that read them.
 *
 * @param columns the table's column names, in the order of each version's values
 * @param truncated true when more versions matched than were read
 */
public record EntityHistory(ScdTable table, List<String> columns, List<Lane> lanes, String sql, boolean truncated) {

  public EntityHistory {
    columns = List.copyOf(columns);
    lanes = List.copyOf(lanes);
  }

  /** The versions of one full key, in time order. */
  public record Lane(List<String> key, List<EntityVersion> versions) {

    public Lane {
      key = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(key));
      versions = List.copyOf(versions);
    }

    /** {@code tr_000123 / DE / master}. */
    public String label() {
      return String.join(" / ", key.stream().map(v -> v == null ? "NULL" : v).toList());
    }

    /** True when the lane's last version records a deletion or nothing is open any more. */
    public boolean deleted() {
      if (versions.isEmpty()) {
        return false;
      }
      EntityVersion last = versions.getLast();
      return last.deleted() || versions.stream().noneMatch(EntityVersion::open);
    }
  }

  /** Number of versions over all lanes. */
  public int versionCount() {
    return lanes.stream().mapToInt(l -> l.versions().size()).sum();
  }
}
