package corpus.gdpr.taxonomy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One personal-data category of the {@link Taxonomy}, e.g. {@code email}: its group, the legal
 * text that makes it personal data, its sensitivity, the BigQuery policy tag it maps to, the
 * BigQuery types that can hold it and the field-name terms that suggest it.
 *
 * @param id stable identifier, e.g. {@code email}
 * @param group GDPR group
 * @param label human-readable name
 * @param infoType default concrete info type, e.g. {@code EMAIL_ADDRESS}
 * @param legalReference the GDPR article and reason, in words
 * @param sensitivity harm level
 * @param policyTag BigQuery policy tag display name; empty for {@code not_personal}
 * @param valueTypes BigQuery types (standard SQL names) a field of this category can have
 * @param nameTerms folded terms that alone suggest the category
 * @param weakNameTerms folded terms that suggest it only with a person noun or context
 */
public record Category(
    String id,
    CategoryGroup group,
    String label,
    String infoType,
    String legalReference,
    Sensitivity sensitivity,
    String policyTag,
    Set<String> valueTypes,
    List<String> nameTerms,
    List<String> weakNameTerms) {

  public Category {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("category id is required");
    }
    valueTypes = valueTypes == null ? Set.of() : Set.copyOf(valueTypes);
    nameTerms = nameTerms == null ? List.of() : List.copyOf(nameTerms);
    weakNameTerms = weakNameTerms == null ? List.of() : List.copyOf(weakNameTerms);
    policyTag = policyTag == null ? "" : policyTag;
  }

  public boolean isPersonal() {
    return group.isPersonal();
  }

  /**
   * Whether a field of this BigQuery type can hold this category; an unknown or missing type is
   * accepted (nothing contradicts it).
   */
  public boolean acceptsType(String bigQueryType) {
    if (bigQueryType == null || bigQueryType.isBlank()) {
      return true;
    }
    return valueTypes.contains(normaliseType(bigQueryType));
  }

  /** Maps legacy and parameterised type names (INTEGER, STRING(10), STRUCT) to standard names. */
  public static String normaliseType(String type) {
    String t = type.strip().toUpperCase(Locale.ROOT);
    int paren = t.indexOf('(');
    if (paren > 0) {
      t = t.substring(0, paren);
    }
    int angle = t.indexOf('<');
    if (angle > 0) {
      t = t.substring(0, angle);
    }
    return switch (t) {
      case "INTEGER", "INT", "SMALLINT", "BIGINT", "TINYINT", "BYTEINT" -> "INT64";
      case "FLOAT" -> "FLOAT64";
      case "BOOLEAN" -> "BOOL";
      case "STRUCT" -> "RECORD";
      case "DECIMAL" -> "NUMERIC";
      case "BIGDECIMAL" -> "BIGNUMERIC";
      default -> t;
    };
  }
}
