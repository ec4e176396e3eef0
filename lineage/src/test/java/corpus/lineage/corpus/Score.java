package corpus.lineage.corpus;

import java.util.HashSet;
import java.util.Set;

/** Micro-averaged precision, recall and F1 over expected and actual items. */
final class Score {
  private int truePositives;
  private int falsePositives;
  private int falseNegatives;

  /** Adds one statement's expected and actual items; returns the differences for reporting. */
  String add(Set<String> expected, Set<String> actual) {
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new HashSet<>(actual);
    extra.removeAll(expected);
    truePositives += expected.size() - missing.size();
    falseNegatives += missing.size();
    falsePositives += extra.size();
    return missing.isEmpty() && extra.isEmpty() ? "" : "missing " + missing + " extra " + extra;
  }

  double precision() {
    return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
  }

  double recall() {
    return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)",
        precision(), recall(), f1(), truePositives, falsePositives, falseNegatives);
  }
}
