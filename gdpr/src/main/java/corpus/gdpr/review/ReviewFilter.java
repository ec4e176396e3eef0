package corpus.gdpr.review;

import java.util.Set;

/**
 * Which items {@link ReviewStore#queue(ReviewFilter)} returns; {@code null} or empty means "any".
 *
 * @param datasetPrefix table ids starting with this, e.g. {@code project.dataset}
 * @param categories effective categories to include
 * @param minConfidence lowest suggestion confidence
 * @param statuses statuses to include
 * @param needsReReview only flagged (true) or unflagged (false) items
 * @param personalOnly leave out items whose effective category is {@code not_personal}
 * @param limit most items returned (0 = no limit)
 * @param offset items skipped
 */
public record ReviewFilter(
    String datasetPrefix,
    Set<String> categories,
    double minConfidence,
    Set<ReviewStatus> statuses,
    Boolean needsReReview,
    boolean personalOnly,
    int limit,
    int offset) {

  public ReviewFilter {
    categories = categories == null ? Set.of() : Set.copyOf(categories);
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }

  /** Everything. */
  public static ReviewFilter all() {
    return new ReviewFilter(null, Set.of(), 0, Set.of(), null, false, 0, 0);
  }

  /** The default work queue: personal suggestions nobody has decided yet. */
  public static ReviewFilter pending() {
    return new ReviewFilter(null, Set.of(), 0, Set.of(ReviewStatus.SUGGESTED), null, true, 0, 0);
  }

  /** Decisions that a later scan contradicts. */
  public static ReviewFilter flagged() {
    return new ReviewFilter(null, Set.of(), 0, Set.of(), true, false, 0, 0);
  }

  public ReviewFilter withDataset(String prefix) {
    return new ReviewFilter(prefix, categories, minConfidence, statuses, needsReReview, personalOnly, limit, offset);
  }

  public ReviewFilter withCategories(Set<String> newCategories) {
    return new ReviewFilter(datasetPrefix, newCategories, minConfidence, statuses, needsReReview, personalOnly, limit, offset);
  }

  public ReviewFilter withMinConfidence(double min) {
    return new ReviewFilter(datasetPrefix, categories, min, statuses, needsReReview, personalOnly, limit, offset);
  }

  public ReviewFilter withStatuses(Set<ReviewStatus> newStatuses) {
    return new ReviewFilter(datasetPrefix, categories, minConfidence, newStatuses, needsReReview, personalOnly, limit, offset);
  }

  public ReviewFilter withNeedsReReview(Boolean flag) {
    return new ReviewFilter(datasetPrefix, categories, minConfidence, statuses, flag, personalOnly, limit, offset);
  }

  public ReviewFilter page(int newLimit, int newOffset) {
    return new ReviewFilter(datasetPrefix, categories, minConfidence, statuses, needsReReview, personalOnly, newLimit, newOffset);
  }
}
