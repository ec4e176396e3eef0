package corpus.gdpr.detect;

import corpus.gdpr.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Combines every detector into one {@link Suggestion} per field.
 *
 * <pre>{@code
 * Classifier classifier = Classifier.withDefaults();
 * Suggestion s = classifier.classify(FieldContext.of("p.crm.users", "email", "STRING"));
 * // with a bounded sample that is consumed and forgotten:
 * ValueProfile counts = classifier.profile(sampledValues);
 * Suggestion t = classifier.classify(field, counts, List.of());
 * }</pre>
 *
 * <p>Thread-safe: it holds no mutable state.
 */
public final class Classifier {

  private final Taxonomy taxonomy;
  private final NameDetector names;
  private final DescriptionDetector descriptions;
  private final TypeDetector types;
  private final TableContextDetector tables;
  private final ValueDetector values;
  private final ValueProfiler profiler;
  private final ConfidenceModel model;
  private final Masker masker = new Masker();

  public Classifier(Taxonomy taxonomy, Lexicon lexicon, ValueProfiler profiler) {
    this.taxonomy = taxonomy;
    this.names = new NameDetector(taxonomy, lexicon);
    this.descriptions = new DescriptionDetector(taxonomy, lexicon, names);
    this.types = new TypeDetector(taxonomy);
    this.tables = new TableContextDetector(lexicon, names);
    this.values = new ValueDetector(taxonomy);
    this.profiler = profiler;
    this.model = new ConfidenceModel(taxonomy);
  }

  /** The bundled taxonomy and lexicon, default phone regions, 1,000 values per field at most. */
  public static Classifier withDefaults() {
    return new Classifier(Taxonomy.defaults(), Lexicon.defaults(), new ValueProfiler());
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** From names, descriptions, types and table context alone. */
  public Suggestion classify(FieldContext field) {
    return classify(field, null, List.of());
  }

  /**
   * From metadata, an optional value profile and extra signals (for example from {@link
   * corpus.gdpr.propagate.LineagePropagator}).
   */
  public Suggestion classify(FieldContext field, ValueProfile profile, List<Signal> extra) {
    List<Signal> signals = new ArrayList<>();
    signals.addAll(names.detect(field));
    signals.addAll(descriptions.detect(field));
    signals.addAll(types.detect(field));
    Set<String> suggested = new LinkedHashSet<>();
    for (Signal s : signals) {
      if (s.kind() == Signal.Kind.SUPPORTS) {
        suggested.add(s.category());
      }
    }
    signals.addAll(tables.detect(field));
    signals.addAll(values.detect(profile, suggested));
    signals.addAll(extra);
    Set<String> candidates = new LinkedHashSet<>();
    for (Signal s : signals) {
      if (s.kind() == Signal.Kind.SUPPORTS) {
        candidates.add(s.category());
      }
    }
    signals.addAll(types.contradictions(field, candidates));
    return model.combine(field, signals);
  }

  /** Counts what the sampled {@code values} contain; the values are consumed and forgotten. */
  public ValueProfile profile(Iterable<String> values) {
    return profiler.profile(values);
  }

  /** Classifies with a sample of values, which is consumed and forgotten. */
  public Suggestion classify(FieldContext field, Iterable<String> sample) {
    return classify(field, profile(sample), List.of());
  }

  /** A masked form of a freshly sampled value for display; never store it. */
  public String maskedExample(String category, String value) {
    return masker.mask(category, value);
  }
}
