package corpus.gdpr.detect;

/**
 * One piece of evidence a detector found about a field: it supports or contradicts a category,
 * or (as {@link Kind#CONTEXT}) raises the prior of whatever category other evidence supports.
 *
 * <p>{@code weight} is in [0, 1] and is read as "the probability that this evidence alone is
 * right"; {@link ConfidenceModel} combines weights and documents how. {@code evidence} is a
 * sentence for people and never contains a sampled value.
 *
 * @param detector short name of the detector, e.g. {@code name}, {@code values}, {@code lineage}
 * @param kind supports, contradicts or context
 * @param category category id, or {@code null} for {@link Kind#CONTEXT}
 * @param infoType concrete info type, or {@code null} to use the category's default
 * @param weight strength in [0, 1]
 * @param evidence human-readable explanation
 */
public record Signal(
    String detector, Kind kind, String category, String infoType, double weight, String evidence) {

  /** What a signal does to a category's confidence. */
  public enum Kind {
    /** Adds to the category's confidence (noisy-or). */
    SUPPORTS,
    /** Multiplies the category's confidence by {@code 1 - weight}. */
    CONTRADICTS,
    /** Joins the noisy-or of every category that has support from the field's own metadata. */
    CONTEXT
  }

  public Signal {
    if (weight < 0 || weight > 1 || Double.isNaN(weight)) {
      throw new IllegalArgumentException("weight must be in [0, 1]: " + weight);
    }
  }

  public static Signal supports(
      String detector, String category, String infoType, double weight, String evidence) {
    return new Signal(detector, Kind.SUPPORTS, category, infoType, weight, evidence);
  }

  public static Signal contradicts(String detector, String category, double weight, String evidence) {
    return new Signal(detector, Kind.CONTRADICTS, category, null, weight, evidence);
  }

  public static Signal context(String detector, double weight, String evidence) {
    return new Signal(detector, Kind.CONTEXT, null, null, weight, evidence);
  }

  /** {@code evidence} prefixed with detector and weight, as shown in evidence lists. */
  public String describe() {
    String sign = switch (kind) {
      case SUPPORTS -> "+";
      case CONTRADICTS -> "-";
      case CONTEXT -> "~";
    };
    return detector + " " + sign + String.format(java.util.Locale.ROOT, "%.2f", weight) + ": " + evidence;
  }
}
