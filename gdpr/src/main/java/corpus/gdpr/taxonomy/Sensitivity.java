package corpus.gdpr.taxonomy;

import java.util.Locale;

/** How much harm a leak of a category does, from {@link #NONE} to {@link #VERY_HIGH} (Art. 9/10). */
public enum Sensitivity {
  NONE,
  LOW,
  MEDIUM,
  HIGH,
  VERY_HIGH;

  /** The identifier used in the taxonomy file, e.g. {@code very_high}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a taxonomy-file identifier such as {@code high}. */
  public static Sensitivity fromId(String id) {
    return valueOf(id.strip().toUpperCase(Locale.ROOT));
  }
}
