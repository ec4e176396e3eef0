package corpus.indexer.gdpr;

import corpus.gdpr.detect.Classifier;
import corpus.gdpr.detect.FieldContext;
import corpus.gdpr.propagate.ColumnEdge;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewFilter;
import corpus.gdpr.review.ReviewItem;
import corpus.gdpr.review.ReviewStatus;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.review.ScanOutcome;
import corpus.gdpr.scan.GdprScanner;
import corpus.gdpr.scan.ScanResult;
import corpus.gdpr.scan.ValueSampler;
import corpus.gdpr.taxonomy.Category;
import corpus.gdpr.taxonomy.Taxonomy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a GDPR scan over a catalog and records it: every field is classified from its metadata,
 * sampled value counts (when a sampler is given) and column lineage, with reviewers' decisions as
 * lineage sources; the suggestions go into the {@link ReviewStore}, which never overrides a
 * decision and flags contradicted ones for re-review.
 *
 * <pre>{@code
 * GdprScan.Result r = new GdprScan(Classifier.withDefaults()).run(CatalogSnapshot.read(indexDir), store,
 *     ValueSampler.none());
 * r.fields().forEach(f -> System.out.println(f.table() + ":" + f.field() + " " + f.category()));
 * }</pre>
 *
 * <p>Blocking; a set interrupt flag cancels it between tables ({@link
 * java.util.concurrent.CancellationException}).
 */
public final class GdprScan {

  private final Classifier classifier;

  public GdprScan(Classifier classifier) {
    this.classifier = classifier;
  }

  /**
   * What a scan did.
   *
   * @param fields every field of the catalog in catalog order, as now classified
   * @param outcome what the store changed
   * @param problems tables that could not be sampled, one sentence each
   */
  public record Result(List<FieldClassification> fields, ScanOutcome outcome, List<String> problems) {
    public Result {
      fields = List.copyOf(fields);
      problems = List.copyOf(problems);
    }
  }

  /** Scans every field of {@code catalog} and records the suggestions in {@code store}. */
  public Result run(CatalogSnapshot catalog, ReviewStore store, ValueSampler sampler) throws SQLException {
    List<FieldContext> fields = GdprFields.of(catalog);
    List<ColumnEdge> edges = LineageEdges.of(catalog.pipelines());
    ScanResult result = new GdprScanner(classifier).scan(fields, edges, store.decisionsAsLabels(), sampler);
    ScanOutcome outcome = store.applyScan(result.suggestions());
    return new Result(classifications(fields, store, classifier.taxonomy()), outcome, result.problems());
  }

  /**
   * The stored classification of every field of {@code catalog}; when some field has none yet,
   * scans the catalog from metadata and lineage first (recording the suggestions, never
   * overriding a decision).
   */
  public static List<FieldClassification> classificationsOrScan(CatalogSnapshot catalog, ReviewStore store,
      Classifier classifier) throws SQLException {
    List<FieldContext> fields = GdprFields.of(catalog);
    List<FieldClassification> known = classifications(fields, store, classifier.taxonomy());
    if (known.size() < fields.size()) {
      return new GdprScan(classifier).run(catalog, store, ValueSampler.none()).fields();
    }
    return known;
  }

  /** The stored classification of every field in {@code fields}, in that order. */
  public static List<FieldClassification> classifications(List<FieldContext> fields, ReviewStore store,
      Taxonomy taxonomy) throws SQLException {
    Map<FieldKey, ReviewItem> items = new HashMap<>();
    for (ReviewItem i : store.queue(ReviewFilter.all())) {
      items.put(i.key(), i);
    }
    List<FieldClassification> out = new ArrayList<>(fields.size());
    for (FieldContext f : fields) {
      ReviewItem i = items.get(FieldKey.of(f.table(), f.fieldPath()));
      if (i != null) {
        out.add(of(i, taxonomy));
      }
    }
    return out;
  }

  /** One review item as a classification: the decision's category and info type win. */
  public static FieldClassification of(ReviewItem i, Taxonomy taxonomy) {
    String category = i.effectiveCategory();
    String infoType = i.suggestedInfoType();
    if (i.status() != ReviewStatus.SUGGESTED && !category.equals(i.suggestedCategory())) {
      infoType = taxonomy.category(category).map(Category::infoType).orElse("NONE");
    }
    return new FieldClassification(i.key().table(), i.key().field(), category, infoType, i.confidence(),
        i.status().id(), i.evidence(), i.needsReReview());
  }
}
