package corpus.gdpr.review;

import java.util.List;

/**
 * A field in the review queue: the latest suggestion with its evidence, the human decision if
 * any, and whether a later scan contradicts that decision.
 *
 * @param key the field
 * @param status suggested, confirmed, rejected or changed
 * @param suggestedCategory category of the latest scan
 * @param suggestedInfoType info type of the latest scan
 * @param confidence confidence of the latest scan
 * @param evidence evidence of the latest scan
 * @param scannedAt when the latest scan ran (UTC ISO-8601)
 * @param decidedCategory the category a reviewer chose ({@code not_personal} when rejected), or
 *     {@code null}
 * @param decidedBy reviewer name, or {@code null}
 * @param decidedAt decision time (UTC ISO-8601), or {@code null}
 * @param decisionBasis the suggested category the reviewer saw when deciding, or {@code null}
 * @param needsReReview whether a later scan contradicts the decision
 * @param reReviewReason why, or {@code null}
 */
public record ReviewItem(
    FieldKey key,
    ReviewStatus status,
    String suggestedCategory,
    String suggestedInfoType,
    double confidence,
    List<String> evidence,
    String scannedAt,
    String decidedCategory,
    String decidedBy,
    String decidedAt,
    String decisionBasis,
    boolean needsReReview,
    String reReviewReason) {

  public ReviewItem {
    evidence = List.copyOf(evidence);
  }

  /** The category in force: the decision if there is one, else the suggestion. */
  public String effectiveCategory() {
    return status.isDecided() ? decidedCategory : suggestedCategory;
  }
}
