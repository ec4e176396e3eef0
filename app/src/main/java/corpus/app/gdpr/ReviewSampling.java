package corpus.app.gdpr;

import corpus.gdpr.review.ReviewItem;
import corpus.indexer.progress.ProgressListener;
import java.util.Optional;

/**
 * What the review queue needs from the catalog and its warehouse: a fresh scan, and a masked
 * example of one field sampled on demand (never stored). Both are blocking; call them off the UI
 * thread.
 */
public interface ReviewSampling {

  /** Nothing to scan or sample (a catalog without a warehouse). */
  ReviewSampling NONE = new ReviewSampling() {
    @Override
    public String scan(ProgressListener progress) {
      return "Nothing to scan: no catalog is open";
    }

    @Override
    public Optional<String> maskedExample(ReviewItem item) {
      return Optional.empty();
    }
  };

  /** Scans the catalog (and samples its warehouse when there is one); returns a one-line summary. */
  String scan(ProgressListener progress) throws Exception;

  /** A masked example of the field's values, sampled afresh, or empty when none can be sampled. */
  Optional<String> maskedExample(ReviewItem item) throws Exception;
}
