package corpus.gdpr.propagate;

import corpus.gdpr.detect.Signal;
import corpus.gdpr.taxonomy.Taxonomy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Carries categories along column lineage and returns them as {@code lineage} signals for the
 * {@link corpus.gdpr.detect.Classifier}, with the path as evidence.
 *
 * <p>From every personal column, labels walk downstream: an identity copy keeps the category
 * with factor {@link #IDENTITY}, a row-wise transformation keeps it with {@link #TRANSFORMATION},
 * a hash turns it into {@code hashed_id} with {@link #HASH}, and an aggregation carries nothing.
 * A path's weight is the source's confidence times the factors of its hops; a walk stops below
 * {@link #MIN_WEIGHT}, after {@link #MAX_HOPS} hops, on cycles and at columns a person decided.
 */
public final class LineagePropagator {

  /** Factor per identity hop. */
  public static final double IDENTITY = 0.95;
  /** Factor per row-wise transformation hop. */
  public static final double TRANSFORMATION = 0.85;
  /** Factor per hashing hop (the category becomes hashed_id). */
  public static final double HASH = 0.9;
  /** Paths weaker than this are not reported. */
  public static final double MIN_WEIGHT = 0.2;
  /** Longest path followed. */
  public static final int MAX_HOPS = 12;

  static final String DETECTOR = "lineage";

  private record Step(ColumnRef column, String category, double weight, List<String> path, int hops) {}

  /**
   * Lineage signals per target column, strongest path per category.
   *
   * @param labels known labels of columns (suggestions and decisions)
   * @param edges column-lineage edges
   */
  public Map<ColumnRef, List<Signal>> propagate(Map<ColumnRef, SourceLabel> labels, Collection<ColumnEdge> edges) {
    Map<ColumnRef, List<ColumnEdge>> bySource = new HashMap<>();
    for (ColumnEdge e : edges) {
      bySource.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
    }
    Map<ColumnRef, Map<String, Signal>> best = new LinkedHashMap<>();
    for (Map.Entry<ColumnRef, SourceLabel> root : labels.entrySet()) {
      SourceLabel label = root.getValue();
      if (Taxonomy.NOT_PERSONAL.equals(label.category()) || !bySource.containsKey(root.getKey())) {
        continue;
      }
      walk(root.getKey(), label, bySource, labels, best);
    }
    Map<ColumnRef, List<Signal>> out = new LinkedHashMap<>();
    best.forEach((col, byCategory) -> out.put(col, List.copyOf(byCategory.values())));
    return out;
  }

  private void walk(ColumnRef root, SourceLabel label, Map<ColumnRef, List<ColumnEdge>> bySource,
      Map<ColumnRef, SourceLabel> labels, Map<ColumnRef, Map<String, Signal>> best) {
    Deque<Step> queue = new ArrayDeque<>();
    Set<ColumnRef> seen = new HashSet<>();
    seen.add(root);
    String start = root + " (" + label.category() + ", " + label.origin() + ")";
    queue.add(new Step(root, label.category(), label.confidence(), List.of(start), 0));
    while (!queue.isEmpty()) {
      Step step = queue.poll();
      if (step.hops() >= MAX_HOPS) {
        continue;
      }
      for (ColumnEdge e : bySource.getOrDefault(step.column(), List.of())) {
        if (e.derivation() == Derivation.AGGREGATION || !seen.add(e.target())) {
          continue;
        }
        boolean hash = e.hashing();
        double factor = hash ? HASH : e.derivation() == Derivation.IDENTITY ? IDENTITY : TRANSFORMATION;
        double weight = step.weight() * factor;
        String category = hash ? Taxonomy.HASHED_ID : step.category();
        if (weight < MIN_WEIGHT) {
          continue;
        }
        List<String> path = new ArrayList<>(step.path());
        path.add(hopName(e) + " " + e.target());
        SourceLabel decided = labels.get(e.target());
        if (decided != null && decided.decided()) {
          continue;
        }
        Signal s = Signal.supports(DETECTOR, category, null, weight,
            "derived from " + String.join(" → ", path));
        best.computeIfAbsent(e.target(), k -> new LinkedHashMap<>())
            .merge(category, s, (a, b) -> a.weight() >= b.weight() ? a : b);
        queue.add(new Step(e.target(), category, weight, path, step.hops() + 1));
      }
    }
  }

  private static String hopName(ColumnEdge e) {
    if (e.hashing()) {
      return "hashed" + (e.expression() == null ? "" : " by " + abbreviate(e.expression())) + " into";
    }
    String kind = e.derivation().name().toLowerCase(Locale.ROOT);
    return e.expression() == null ? kind + " into" : kind + " " + abbreviate(e.expression()) + " into";
  }

  private static String abbreviate(String expression) {
    // string literals in pipeline code may be values: never repeat them
    String s = expression.strip().replaceAll("'(?:[^'\\\\]|\\\\.)*'", "'…'")
        .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"…\"").replaceAll("\\s+", " ");
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
