package corpus.indexer.gdpr;

import corpus.gdpr.detect.Classifier;
import corpus.gdpr.scan.ValueSampler;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the masked example shown beside a suggestion ({@code j***@e***.com}): samples the field
 * afresh, masks the first non-blank value for its category and forgets the value. Neither the
 * value nor the mask is stored or logged; call it when a reviewer asks, off the UI thread.
 */
public final class MaskedExamples {

  private final Classifier classifier;
  private final ValueSampler sampler;

  public MaskedExamples(Classifier classifier, ValueSampler sampler) {
    this.classifier = classifier;
    this.sampler = sampler;
  }

  /** The masked form of one freshly sampled value of {@code table:field}, or empty when none was found. */
  public Optional<String> example(String table, String field, String category) throws Exception {
    Map<String, ? extends Iterable<String>> sample = sampler.sample(table, List.of(field));
    Iterable<String> values = sample.get(field);
    if (values == null) {
      return Optional.empty();
    }
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return Optional.of(classifier.maskedExample(category, v));
      }
    }
    return Optional.empty();
  }
}
