package corpus.indexer.gdpr;

import corpus.gdpr.detect.Classifier;
import corpus.gdpr.detect.Suggestion;
import corpus.gdpr.review.ReviewFilter;
import corpus.gdpr.review.ReviewItem;
import corpus.gdpr.review.ReviewStatus;
import corpus.gdpr.review.ReviewStore;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one field's GDPR classification stands, as a table page shows it: the category in force,
 * whether Corpus suggested it or a person decided it, the suggestion's confidence and evidence.
 *
 * <pre>{@code
 * Map<String, FieldStatus> byPath = FieldStatus.forTable(home.database(), Classifier.withDefaults(), table);
 * byPath.get("email").text();   // "email · confirmed · 0.85"
 * }</pre>
 *
 * @param field dotted field path
 * @param category the category in force ({@code not_personal} after a rejection)
 * @param status {@code suggested}, {@code confirmed}, {@code rejected} or {@code changed}
 * @param confidence the suggestion's confidence
 * @param evidence the suggestion's evidence, one sentence per signal
 * @param decidedBy who decided, or null while suggested
 * @param decidedAt when (UTC ISO-8601), or null
 * @param stored whether the review store holds it (false: suggested from the field's metadata just now)
 */
public record FieldStatus(String field, String category, String status, double confidence, List<String> evidence,
    String decidedBy, String decidedAt, boolean stored) {

  public FieldStatus {
    evidence = List.copyOf(evidence);
  }

  /** Whether a person decided it. */
  public boolean decided() {
    return !ReviewStatus.SUGGESTED.id().equals(status);
  }

  /** {@code email · confirmed · 0.85}. */
  public String text() {
    return category + " · " + status + " · " + String.format(Locale.ROOT, "%.2f", confidence);
  }

  /**
   * The status of every leaf field of {@code table}: from the review store in {@code database}
   * (not created when missing), else the classifier's suggestion from the field's own metadata.
   * Blocking.
   */
  public static Map<String, FieldStatus> forTable(Path database, Classifier classifier, Table table)
      throws IOException {
    Map<String, ReviewItem> stored = new HashMap<>();
    if (Files.exists(database)) {
      try (ReviewStore store = GdprStores.open(database, classifier.taxonomy())) {
        for (ReviewItem item : store.queue(ReviewFilter.all().withDataset(table.id().toString()))) {
          if (item.key().table().equals(table.id().toString())) {
            stored.put(item.key().field(), item);
          }
        }
      } catch (SQLException e) {
        throw new IOException("cannot read GDPR classifications from " + database + ": " + e.getMessage(), e);
      }
    }
    List<String> paths = table.flatFields().stream().map(Field.Flat::path).toList();
    Map<String, FieldStatus> out = new LinkedHashMap<>();
    for (Field.Flat f : table.flatFields()) {
      if (f.field().isRecord()) {
        continue;
      }
      ReviewItem item = stored.get(f.path());
      if (item != null) {
        out.put(f.path(), new FieldStatus(f.path(), item.effectiveCategory(), item.status().id(), item.confidence(),
            item.evidence(), item.decidedBy(), item.decidedAt(), true));
      } else {
        Suggestion s = classifier.classify(GdprFields.context(table, f, paths));
        out.put(f.path(), new FieldStatus(f.path(), s.category(), ReviewStatus.SUGGESTED.id(), s.confidence(),
            s.evidence(), null, null, false));
      }
    }
    return out;
  }
}
