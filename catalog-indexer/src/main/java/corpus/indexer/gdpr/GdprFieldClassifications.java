package corpus.indexer.gdpr;

import corpus.gdpr.detect.Classifier;
import corpus.gdpr.detect.Suggestion;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewFilter;
import corpus.gdpr.review.ReviewItem;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.taxonomy.Taxonomy;
import corpus.indexer.index.FieldClassifications;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The GDPR categories the indexer writes into the catalog ({@code pii:email}, badges): a
 * reviewer's decision first, else the latest stored scan suggestion (which includes sampled value
 * counts and lineage), else the classifier's suggestion from the field's own metadata, so every
 * index carries classifications even before the first {@code corpus gdpr scan}.
 *
 * <pre>{@code
 * new Indexer(indexDir).withClassifications(GdprFieldClassifications.load(home.database())).run(...);
 * }</pre>
 *
 * <p>Thread-safe: the stored categories are read once into an immutable map, and the classifier
 * holds no mutable state.
 */
public final class GdprFieldClassifications implements FieldClassifications {

  private final Classifier classifier;
  private final Map<FieldKey, String> stored;
  private final String version;
  private final ThreadLocal<Siblings> siblings = new ThreadLocal<>();

  GdprFieldClassifications(Classifier classifier, Map<FieldKey, String> stored, String version) {
    this.classifier = classifier;
    this.stored = Map.copyOf(stored);
    this.version = version;
  }

  /** Reads decisions and suggestions of the review store in {@code database} (none if it does not exist yet). */
  public static GdprFieldClassifications load(Path database) throws IOException {
    Classifier classifier = Classifier.withDefaults();
    if (!Files.exists(database)) {
      return new GdprFieldClassifications(classifier, Map.of(), classifier.taxonomy().version());
    }
    try (ReviewStore store = GdprStores.open(database, classifier.taxonomy())) {
      return of(store, classifier);
    } catch (SQLException e) {
      throw new IOException("cannot read GDPR classifications from " + database + ": " + e.getMessage(), e);
    }
  }

  /** The effective category of every field the store knows, with the classifier as fallback. */
  public static GdprFieldClassifications of(ReviewStore store, Classifier classifier) throws SQLException {
    Map<FieldKey, String> stored = new HashMap<>();
    String latest = "";
    for (ReviewItem item : store.queue(ReviewFilter.all())) {
      stored.put(item.key(), item.effectiveCategory());
      if (item.scannedAt() != null && item.scannedAt().compareTo(latest) > 0) {
        latest = item.scannedAt();
      }
    }
    String version = classifier.taxonomy().version() + "/" + stored.size() + "/" + latest + "/"
        + store.auditLog().verify().headHash();
    return new GdprFieldClassifications(classifier, stored, version);
  }

  /**
   * The effective category of the fields of {@code tableIds} only (reading just their rows), with
   * the classifier as fallback; for rewriting a few tables after a review decision.
   */
  public static GdprFieldClassifications forTables(ReviewStore store, Classifier classifier, Collection<String> tableIds)
      throws SQLException {
    Map<FieldKey, String> stored = new HashMap<>();
    for (String table : new TreeSet<>(tableIds)) {
      for (ReviewItem item : store.queue(ReviewFilter.all().withDataset(table))) {
        if (item.key().table().equals(table)) {
          stored.put(item.key(), item.effectiveCategory());
        }
      }
    }
    return new GdprFieldClassifications(classifier, stored, classifier.taxonomy().version());
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public List<String> categories(Table table, Field.Flat field) {
    String category = stored.get(FieldKey.of(table.id().toString(), field.path()));
    if (category == null) {
      Suggestion s = classifier.classify(GdprFields.context(table, field, siblingsOf(table)));
      category = s.category();
    }
    return Taxonomy.NOT_PERSONAL.equals(category) ? List.of() : List.of(category);
  }

  private List<String> siblingsOf(Table table) {
    Siblings cached = siblings.get();
    if (cached == null || cached.table() != table) {
      cached = new Siblings(table, table.flatFields().stream().map(Field.Flat::path).toList());
      siblings.set(cached);
    }
    return cached.paths();
  }

  private record Siblings(Table table, List<String> paths) {}
}
