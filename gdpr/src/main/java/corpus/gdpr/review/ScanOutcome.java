package corpus.gdpr.review;

import java.util.List;

/**
 * What {@link ReviewStore#applyScan} changed.
 *
 * @param added fields seen for the first time
 * @param updated suggestions that changed (category, confidence or evidence)
 * @param unchanged suggestions that stayed the same
 * @param flagged decided fields newly flagged for re-review
 */
public record ScanOutcome(int added, int updated, int unchanged, List<FieldKey> flagged) {

  public ScanOutcome {
    flagged = List.copyOf(flagged);
  }
}
