package corpus.gdpr.scan;

import corpus.gdpr.detect.Classifier;
import corpus.gdpr.detect.FieldContext;
import corpus.gdpr.detect.Signal;
import corpus.gdpr.detect.Suggestion;
import corpus.gdpr.detect.ValueProfile;
import corpus.gdpr.propagate.ColumnEdge;
import corpus.gdpr.propagate.ColumnRef;
import corpus.gdpr.propagate.LineagePropagator;
import corpus.gdpr.propagate.SourceLabel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies every field of a catalog in two passes: each field on its own (metadata and, if a
 * {@link ValueSampler} is given, value counts), then again with what lineage carries from
 * upstream columns, where human decisions replace suggestions as sources.
 *
 * <pre>{@code
 * ScanResult result = new GdprScanner(Classifier.withDefaults())
 *     .scan(fields, edges, reviewStore.decisionsAsLabels(), ValueSampler.none());
 * reviewStore.applyScan(result.suggestions());
 * }</pre>
 *
 * <p>Blocking; checks the thread's interrupt flag between tables and throws {@link
 * CancellationException} when set.
 */
public final class GdprScanner {

  private static final Logger LOG = LoggerFactory.getLogger(GdprScanner.class);

  private final Classifier classifier;
  private final LineagePropagator propagator = new LineagePropagator();

  public GdprScanner(Classifier classifier) {
    this.classifier = classifier;
  }

  /**
   * @param fields every field to classify
   * @param edges column lineage between them (and other columns)
   * @param decisions human decisions, which take precedence over suggestions as lineage sources
   * @param sampler bounded value samples, or {@link ValueSampler#none()}
   */
  public ScanResult scan(List<FieldContext> fields, Collection<ColumnEdge> edges,
      Map<ColumnRef, SourceLabel> decisions, ValueSampler sampler) {
    List<String> problems = new ArrayList<>();
    Map<ColumnRef, ValueProfile> profiles = profiles(fields, sampler, problems);
    Map<ColumnRef, Suggestion> local = new LinkedHashMap<>();
    Map<ColumnRef, SourceLabel> labels = new HashMap<>();
    for (FieldContext f : fields) {
      ColumnRef ref = ColumnRef.of(f.table(), f.fieldPath());
      Suggestion s = classifier.classify(f, profiles.get(ref), List.of());
      local.put(ref, s);
      if (s.isPersonal()) {
        labels.put(ref, SourceLabel.suggested(s.category(), s.confidence()));
      }
    }
    labels.putAll(decisions);
    Map<ColumnRef, List<Signal>> lineage = propagator.propagate(labels, edges);
    List<Suggestion> out = new ArrayList<>(fields.size());
    for (FieldContext f : fields) {
      ColumnRef ref = ColumnRef.of(f.table(), f.fieldPath());
      List<Signal> extra = lineage.get(ref);
      out.add(extra == null ? local.get(ref) : classifier.classify(f, profiles.get(ref), extra));
    }
    LOG.info("GDPR scan classified {} fields ({} personal), {} problems", out.size(),
        out.stream().filter(Suggestion::isPersonal).count(), problems.size());
    return new ScanResult(out, problems);
  }

  /** Scans from metadata and lineage alone. */
  public ScanResult scan(List<FieldContext> fields, Collection<ColumnEdge> edges) {
    return scan(fields, edges, Map.of(), ValueSampler.none());
  }

  private Map<ColumnRef, ValueProfile> profiles(List<FieldContext> fields, ValueSampler sampler, List<String> problems) {
    Map<String, List<String>> byTable = new LinkedHashMap<>();
    for (FieldContext f : fields) {
      byTable.computeIfAbsent(f.table(), k -> new ArrayList<>()).add(f.fieldPath());
    }
    Map<ColumnRef, ValueProfile> out = new HashMap<>();
    for (Map.Entry<String, List<String>> t : byTable.entrySet()) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("GDPR scan cancelled");
      }
      try {
        Map<String, ? extends Iterable<String>> sample = sampler.sample(t.getKey(), t.getValue());
        for (Map.Entry<String, ? extends Iterable<String>> column : sample.entrySet()) {
          out.put(ColumnRef.of(t.getKey(), column.getKey()), classifier.profile(column.getValue()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("GDPR scan cancelled");
      } catch (Exception e) {
        // the message is left out on purpose: a driver error may quote a sampled value
        String problem = t.getKey() + ": values could not be sampled (" + e.getClass().getSimpleName() + ")";
        problems.add(problem);
        LOG.warn("{}", problem);
      }
    }
    return out;
  }
}
