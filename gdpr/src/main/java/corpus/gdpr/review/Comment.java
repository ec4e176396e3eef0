package corpus.gdpr.review;

/**
 * A reviewer's comment on a field.
 *
 * @param key the field
 * @param author reviewer name
 * @param createdAt UTC ISO-8601
 * @param text the comment
 */
public record Comment(FieldKey key, String author, String createdAt, String text) {}
