package corpus.gdpr.report;

/**
 * A field that holds a data subject's identifier, for {@link SubjectRequests}.
 *
 * @param table {@code project.dataset.table}
 * @param fieldPath dotted path, e.g. {@code user_id} or {@code events.user_id}
 * @param type BigQuery type of the field (STRING, INT64, BYTES, …)
 * @param repeatedPrefix path of the REPEATED record containing the field (e.g. {@code events}),
 *     or {@code null} when no ancestor repeats
 * @param matchExpression SQL the field is compared with instead of the parameter itself, e.g.
 *     {@code TO_HEX(SHA256(@subject_id))} for a hashed copy; must use {@code @subject_id}; or
 *     {@code null}
 */
public record IdentifierField(String table, String fieldPath, String type, String repeatedPrefix,
    String matchExpression) {

  public IdentifierField {
    if (matchExpression != null && !matchExpression.contains("@" + SubjectRequests.PARAMETER)) {
      throw new IllegalArgumentException("matchExpression must use @" + SubjectRequests.PARAMETER);
    }
    if (repeatedPrefix != null && !fieldPath.startsWith(repeatedPrefix + ".")) {
      throw new IllegalArgumentException(repeatedPrefix + " is not a parent of " + fieldPath);
    }
  }

  /** A top-level or non-repeated nested field compared directly with the parameter. */
  public static IdentifierField of(String table, String fieldPath, String type) {
    return new IdentifierField(table, fieldPath, type, null, null);
  }
}
