package corpus.gdpr.propagate;

/** How a target column is computed from a source column. */
public enum Derivation {
  /** Copied unchanged ({@code SELECT email}, {@code email AS contact}). */
  IDENTITY,
  /** Computed row by row ({@code LOWER(email)}, {@code CONCAT(first, ' ', last)}, a hash). */
  TRANSFORMATION,
  /** Computed over groups of rows ({@code COUNT(email)}, {@code MAX(age)}). */
  AGGREGATION
}
