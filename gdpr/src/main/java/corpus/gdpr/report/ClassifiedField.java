package corpus.gdpr.report;

import corpus.gdpr.review.ReviewStatus;

/**
 * A field with its category in force (the decision if any, else the suggestion).
 *
 * @param table {@code project.dataset.table}
 * @param field dotted path
 * @param category effective category id
 * @param confidence suggestion confidence
 * @param status review status
 */
public record ClassifiedField(String table, String field, String category, double confidence, ReviewStatus status) {

  public String dataset() {
    return TableInfo.datasetOf(table);
  }

  public boolean reviewed() {
    return status.isDecided();
  }
}
