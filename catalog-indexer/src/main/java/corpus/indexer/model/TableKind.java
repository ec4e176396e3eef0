package corpus.indexer.model;

import java.util.Locale;

/** What a catalog table entry is, by BigQuery's {@code type} of a Table resource. */
public enum TableKind {
  TABLE,
  VIEW,
  MATERIALIZED_VIEW,
  EXTERNAL,
  SNAPSHOT;

  /** Reads BigQuery's type names; unknown ones count as {@link #TABLE}. */
  public static TableKind fromBigQuery(String type) {
    if (type == null) {
      return TABLE;
    }
    return switch (type.toUpperCase(Locale.ROOT)) {
      case "VIEW" -> VIEW;
      case "MATERIALIZED_VIEW" -> MATERIALIZED_VIEW;
      case "EXTERNAL" -> EXTERNAL;
      case "SNAPSHOT" -> SNAPSHOT;
      default -> TABLE;
    };
  }

  /** Lower-case label as shown in search facets, e.g. {@code materialized_view}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
