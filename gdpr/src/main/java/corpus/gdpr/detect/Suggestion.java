package corpus.gdpr.detect;

import java.util.List;

/**
 * The classifier's single suggestion for one field: category, concrete info type, confidence in
 * [0, 1] and the evidence behind it, strongest first. Holds no sampled value.
 *
 * @param table table id {@code project.dataset.table}
 * @param field dotted field path
 * @param category category id; {@code not_personal} when nothing personal was found
 * @param infoType concrete info type, e.g. {@code EMAIL_ADDRESS}; {@code NONE} when not personal
 * @param confidence how likely the category is right, see docs/gdpr.md
 * @param evidence one sentence per signal, as shown to reviewers
 * @param signals the signals the suggestion was combined from
 */
public record Suggestion(
    String table,
    String field,
    String category,
    String infoType,
    double confidence,
    List<String> evidence,
    List<Signal> signals) {

  public Suggestion {
    evidence = List.copyOf(evidence);
    signals = List.copyOf(signals);
  }

  public boolean isPersonal() {
    return !corpus.gdpr.taxonomy.Taxonomy.NOT_PERSONAL.equals(category);
  }
}
