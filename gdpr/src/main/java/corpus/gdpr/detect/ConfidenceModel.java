package corpus.gdpr.detect;

import corpus.gdpr.taxonomy.Category;
import corpus.gdpr.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Combines signals into one suggestion; every number it produces can be recomputed by hand from
 * the evidence list.
 *
 * <ol>
 *   <li>For each category {@code c} with supporting signals, treat each weight {@code w} as the
 *       chance that this evidence alone is right and combine them with a noisy-or: {@code p(c) = 1
 *       - Π(1 - w)}. A context signal joins the product only when the field's own name or type
 *       supports {@code c} (a description alone is not enough).
 *   <li>Each contradiction {@code v} of {@code c} multiplies: {@code p(c) ← p(c) · (1 - v)}.
 *   <li>The category with the highest {@code p} wins (ties: higher sensitivity, then taxonomy
 *       order) if {@code p ≥ }{@link #THRESHOLD}.
 *   <li>Otherwise the field is {@code not_personal} with confidence {@code (1 - p_max) · (1 -
 *       }{@link #PRIOR_PERSONAL}{@code )}: the chance that none of the evidence is right, times
 *       the chance that a field without evidence is not personal.
 * </ol>
 */
public final class ConfidenceModel {

  /** Confidence from which a category is suggested. */
  public static final double THRESHOLD = 0.5;
  /** Share of fields without any evidence that still turn out to be personal. */
  public static final double PRIOR_PERSONAL = 0.05;

  private static final Set<String> OWN_METADATA = Set.of(NameDetector.DETECTOR, TypeDetector.DETECTOR);

  private final Taxonomy taxonomy;

  public ConfidenceModel(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** The suggestion for {@code field} from all its {@code signals}. */
  public Suggestion combine(FieldContext field, List<Signal> signals) {
    Signal context = signals.stream().filter(s -> s.kind() == Signal.Kind.CONTEXT)
        .max(Comparator.comparingDouble(Signal::weight)).orElse(null);
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, Boolean> contextUsed = new LinkedHashMap<>();
    for (Category c : taxonomy.categories()) {
      List<Signal> supports = of(signals, c.id(), Signal.Kind.SUPPORTS);
      if (supports.isEmpty() || !c.isPersonal()) {
        continue;
      }
      double miss = 1;
      boolean own = false;
      for (Signal s : supports) {
        miss *= 1 - s.weight();
        own |= OWN_METADATA.contains(s.detector());
      }
      if (own && context != null) {
        miss *= 1 - context.weight();
      }
      double p = 1 - miss;
      for (Signal s : of(signals, c.id(), Signal.Kind.CONTRADICTS)) {
        p *= 1 - s.weight();
      }
      scores.put(c.id(), p);
      contextUsed.put(c.id(), own && context != null);
    }
    String best = null;
    double bestScore = 0;
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      if (best == null || e.getValue() > bestScore + 1e-9
          || Math.abs(e.getValue() - bestScore) <= 1e-9 && sensitivity(e.getKey()) > sensitivity(best)) {
        best = e.getKey();
        bestScore = e.getValue();
      }
    }
    if (best != null && bestScore >= THRESHOLD) {
      return personal(field, signals, best, bestScore, contextUsed.get(best) ? context : null, scores);
    }
    return notPersonal(field, signals, best, bestScore);
  }

  private Suggestion personal(FieldContext field, List<Signal> signals, String category, double score,
      Signal context, Map<String, Double> scores) {
    List<Signal> used = new ArrayList<>(of(signals, category, Signal.Kind.SUPPORTS));
    used.sort(Comparator.comparingDouble(Signal::weight).reversed());
    String infoType = used.stream().map(Signal::infoType).filter(t -> t != null).findFirst()
        .orElse(taxonomy.require(category).infoType());
    if (context != null) {
      used.add(context);
    }
    used.addAll(of(signals, category, Signal.Kind.CONTRADICTS));
    List<String> evidence = new ArrayList<>(used.stream().map(Signal::describe).toList());
    scores.entrySet().stream()
        .filter(e -> !e.getKey().equals(category) && e.getValue() >= 0.2)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> evidence.add(String.format(Locale.ROOT, "also considered %s (%.2f)", e.getKey(), e.getValue())));
    return new Suggestion(field.table(), field.fieldPath(), category, infoType, round(score), evidence, used);
  }

  private Suggestion notPersonal(FieldContext field, List<Signal> signals, String best, double bestScore) {
    List<Signal> used = new ArrayList<>(signals.stream().filter(s -> s.kind() == Signal.Kind.CONTRADICTS).toList());
    used.sort(Comparator.comparingDouble(Signal::weight).reversed());
    List<String> evidence = new ArrayList<>(used.stream().map(Signal::describe).toList());
    if (best != null) {
      evidence.add(String.format(Locale.ROOT, "strongest personal candidate %s reached %.2f, below %.2f",
          best, bestScore, THRESHOLD));
      for (Signal s : of(signals, best, Signal.Kind.SUPPORTS)) {
        used.add(s);
        evidence.add(s.describe());
      }
    } else if (used.isEmpty()) {
      evidence.add("no name, description, type, value or lineage evidence of personal data");
    }
    double confidence = (1 - bestScore) * (1 - PRIOR_PERSONAL);
    Category none = taxonomy.notPersonal();
    return new Suggestion(field.table(), field.fieldPath(), none.id(), none.infoType(), round(confidence),
        evidence, used);
  }

  private int sensitivity(String category) {
    return taxonomy.category(category).map(c -> c.sensitivity().ordinal()).orElse(0);
  }

  private static List<Signal> of(List<Signal> signals, String category, Signal.Kind kind) {
    return signals.stream().filter(s -> s.kind() == kind && category.equals(s.category())).toList();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
