package corpus.gdpr.propagate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One column-lineage edge: {@code target} is derived from {@code source} by {@code derivation};
 * {@code hashing} says the transformation hashes or tokenises (SHA256, FARM_FINGERPRINT, MD5, …).
 * Adapt the lineage module's {@code ColumnLineage(target, sources, derivation)} with {@link
 * #of(ColumnRef, ColumnRef, Derivation, String)}.
 *
 * @param source the column read
 * @param target the column written
 * @param derivation identity, transformation or aggregation
 * @param hashing whether the transformation is a hash
 * @param expression the SQL expression, if known (for evidence), or {@code null}
 */
public record ColumnEdge(
    ColumnRef source, ColumnRef target, Derivation derivation, boolean hashing, String expression) {

  private static final Pattern HASH_FUNCTION = Pattern.compile(
      "\\b(SHA1|SHA256|SHA512|MD5|FARM_FINGERPRINT|FINGERPRINT|HMAC\\w*|KEYS\\.\\w+|AEAD\\.ENCRYPT|DETERMINISTIC_ENCRYPT|NET\\.\\w*HASH\\w*|HASH\\w*)\\s*\\(");

  public ColumnEdge {
    if (source == null || target == null || derivation == null) {
      throw new IllegalArgumentException("source, target and derivation are required");
    }
  }

  /** An edge whose {@code hashing} flag is read from the expression's function names. */
  public static ColumnEdge of(ColumnRef source, ColumnRef target, Derivation derivation, String expression) {
    return new ColumnEdge(source, target, derivation, isHashing(expression), expression);
  }

  /** An unchanged copy. */
  public static ColumnEdge identity(ColumnRef source, ColumnRef target) {
    return new ColumnEdge(source, target, Derivation.IDENTITY, false, null);
  }

  /** Whether a SQL expression applies a hash or encryption function. */
  public static boolean isHashing(String expression) {
    return expression != null && HASH_FUNCTION.matcher(expression.toUpperCase(Locale.ROOT)).find();
  }
}
