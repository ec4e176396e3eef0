package corpus.app.gdpr;

import corpus.gdpr.review.ReviewFilter;
import corpus.gdpr.review.ReviewStatus;
import java.util.Set;

/** The status choices of the review queue's filter, each with the store filter it stands for. */
public enum StatusFilter {
  PENDING("To review"),
  FLAGGED("Flagged for re-review"),
  CONFIRMED("Confirmed"),
  CHANGED("Changed"),
  REJECTED("Rejected"),
  ALL_PERSONAL("All personal"),
  ALL("All fields");

  private final String label;

  StatusFilter(String label) {
    this.label = label;
  }

  /** The store filter for this choice, before dataset, category and confidence are added. */
  public ReviewFilter filter() {
    return switch (this) {
      case PENDING -> ReviewFilter.pending();
      case FLAGGED -> ReviewFilter.flagged();
      case CONFIRMED -> ReviewFilter.all().withStatuses(Set.of(ReviewStatus.CONFIRMED));
      case CHANGED -> ReviewFilter.all().withStatuses(Set.of(ReviewStatus.CHANGED));
      case REJECTED -> ReviewFilter.all().withStatuses(Set.of(ReviewStatus.REJECTED));
      case ALL_PERSONAL -> new ReviewFilter(null, Set.of(), 0, Set.of(), null, true, 0, 0);
      case ALL -> ReviewFilter.all();
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
