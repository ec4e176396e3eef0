package corpus.indexer.scd;

import corpus.indexer.model.TableId;

/**
 * A table recognised as a slowly changing dimension of type 2: its history columns, its entity key
 * and whether gaps between versions are allowed. {@link #summary()} is the line the table page
 * shows, such as "SCD type 2 · key: track_id, territory".
 */
public record ScdTable(TableId id, ScdColumns columns, ScdKey key, GapPolicy gaps) {

  /** This table with another key (for example once a uniqueness query has verified it). */
  public ScdTable withKey(ScdKey other) {
    return new ScdTable(id, columns, other, gaps);
  }

  /** "SCD type 2 · key: track_id, territory", with "(inferred)" or "(not unique)" when so. */
  public String summary() {
    if (key.columns().isEmpty()) {
      return "SCD type 2 · key unknown";
    }
    String note = "";
    if (Boolean.FALSE.equals(key.verified())) {
      note = " (not unique with " + columns.validFrom() + ")";
    } else if (!key.source().declared()) {
      note = Boolean.TRUE.equals(key.verified()) ? " (inferred, verified)" : " (inferred)";
    }
    return "SCD type 2 · key: " + key.text() + note;
  }
}
