package corpus.indexer.gdpr;

import java.util.List;

/**
 * One field's classification as {@code corpus gdpr scan --json} prints it: the category in force
 * (a reviewer's decision, else the suggestion), its concrete info type, the suggestion's
 * confidence, the review status and the evidence. Holds no sampled value.
 *
 * @param table {@code project.dataset.table}
 * @param field dotted field path
 * @param category category in force, {@code not_personal} included
 * @param infoType concrete info type, {@code NONE} when not personal
 * @param confidence confidence of the latest suggestion
 * @param status suggested, confirmed, rejected or changed
 * @param evidence evidence of the latest suggestion
 * @param needsReReview whether a later scan contradicts the decision
 */
public record FieldClassification(String table, String field, String category, String infoType, double confidence,
    String status, List<String> evidence, boolean needsReReview) {

  public FieldClassification {
    evidence = List.copyOf(evidence);
  }
}
