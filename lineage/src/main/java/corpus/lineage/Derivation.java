package corpus.lineage;

/**
 * How a target column is derived from its source columns, ordered from the weakest to the strongest change.
 *
 * <p>Combining two derivations keeps the stronger one: a column copied from an aggregated column is an
 * aggregation.
 */
public enum Derivation {
  /** The value is copied unchanged (a plain column reference, possibly renamed). */
  IDENTITY,
  /** The value is computed row by row (functions, operators, casts, CASE, window functions without aggregation). */
  TRANSFORMATION,
  /** The value summarises several rows (SUM, COUNT, ARRAY_AGG, … also when used over a window). */
  AGGREGATION;

  /** Returns the stronger of this derivation and {@code other}. */
  public Derivation combine(Derivation other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** The lower-case name used in JSON and text output. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
