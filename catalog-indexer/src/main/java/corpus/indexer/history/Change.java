package corpus.indexer.history;

/**
 * One difference between two versions of a catalog entity, with a sentence a person reads, such
 * as "field genre retyped STRING → INT64" or "label tier changed from silver to gold".
 *
 * @param subject the field path or label key the change is about; empty for table-wide properties
 * @param before the old value, null when added
 * @param after the new value, null when removed
 */
public record Change(Kind kind, String subject, String before, String after, String text) {

  /** What changed. */
  public enum Kind {
    FIELD_ADDED,
    FIELD_REMOVED,
    FIELD_RETYPED,
    FIELD_DESCRIPTION,
    POLICY_TAGS,
    CLASSIFICATION,
    DESCRIPTION,
    LABEL,
    PARTITIONING,
    CLUSTERING,
    ENTITY_ADDED,
    ENTITY_REMOVED,
    OTHER;

    /** Lower-case id for JSON, e.g. {@code field_added}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
