package corpus.app.gdpr;

import corpus.gdpr.audit.AuditEntry;
import corpus.gdpr.audit.AuditVerification;
import corpus.gdpr.detect.Classifier;
import corpus.gdpr.review.Comment;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewFilter;
import corpus.gdpr.review.ReviewItem;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.scan.ValueSampler;
import corpus.gdpr.taxonomy.Taxonomy;
import corpus.indexer.gdpr.CatalogSnapshot;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.gdpr.GdprScan;
import corpus.indexer.gdpr.ReviewedTables;
import corpus.indexer.gdpr.SubjectRequestFinder;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review queue's access to the GDPR {@link ReviewStore}: one SQLite connection shared by the
 * app's background tasks, so every call holds the store's lock. Blocking; call it off the UI thread.
 */
public final class ReviewService implements AutoCloseable {

  /** What a reviewer does to a selection of fields. */
  public enum Decision { CONFIRM, REJECT, CHANGE }

  /**
   * The audit history and comments of one field.
   *
   * @param history audit entries, oldest first
   * @param comments comments, oldest first
   */
  public record Details(List<AuditEntry> history, List<Comment> comments) {}

  /**
   * The open catalog whose search tags follow the decisions: its folder, and the reader to refresh
   * once the decided tables are rewritten ({@code null} while no catalog is open).
   */
  public record CatalogLink(Path indexDir, Supplier<CatalogReader> reader) {}

  private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);

  private final ReviewStore store;
  private final Classifier classifier;
  private volatile CatalogLink catalog;

  /** Works on {@code store}, which it closes; {@code classifier} must use the store's taxonomy. */
  public ReviewService(ReviewStore store, Classifier classifier) {
    this.store = store;
    this.classifier = classifier;
  }

  /** Rewrites the decided tables in {@code link}'s catalog after every decision, so {@code pii:} search follows. */
  public ReviewService followedBy(CatalogLink link) {
    this.catalog = link;
    return this;
  }

  public Taxonomy taxonomy() {
    return classifier.taxonomy();
  }

  public Classifier classifier() {
    return classifier;
  }

  /** Scans {@code catalog} and records the suggestions; decisions stay. */
  public synchronized GdprScan.Result scan(CatalogSnapshot catalog, ValueSampler sampler) throws SQLException {
    return new GdprScan(classifier).run(catalog, store, sampler);
  }

  /**
   * The tables holding identifier kind {@code kind} in {@code catalog}, with parameterised access and
   * erasure statements; fields never scanned are scanned from metadata and lineage first.
   */
  public synchronized List<SubjectRequestFinder.TablePlan> subjectRequestPlans(CatalogSnapshot catalog, String kind)
      throws SQLException {
    return new SubjectRequestFinder().find(catalog, GdprScan.classificationsOrScan(catalog, store, classifier), kind);
  }

  public String reviewer() {
    return store.reviewer().name();
  }

  public synchronized List<ReviewItem> queue(ReviewFilter filter) throws SQLException {
    return store.queue(filter);
  }

  /** The datasets ({@code project.dataset}) of every field the store knows, sorted. */
  public synchronized List<String> datasets() throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    for (ReviewItem i : store.queue(ReviewFilter.all())) {
      int dot = i.key().table().lastIndexOf('.');
      out.add(dot < 0 ? i.key().table() : i.key().table().substring(0, dot));
    }
    return List.copyOf(out);
  }

  /**
   * Decides every key in one transaction; {@code category} only for {@link Decision#CHANGE}. Then,
   * when a catalog is linked, rewrites the decided tables' documents and refreshes the catalog, so
   * {@code pii:email} and the "personal data" badge reflect the decision at once. A failure there
   * (say a catalog build holds the index) loses nothing: the decision stands and the next
   * {@code corpus index} writes the tags.
   */
  public synchronized List<ReviewItem> decide(Decision decision, List<FieldKey> keys, String category, String reason)
      throws SQLException {
    List<ReviewItem> done = switch (decision) {
      case CONFIRM -> store.confirmAll(keys, reason);
      case REJECT -> store.rejectAll(keys, reason);
      case CHANGE -> store.changeAll(keys, category, reason);
    };
    refreshCatalog(keys);
    return done;
  }

  private void refreshCatalog(List<FieldKey> keys) throws SQLException {
    CatalogLink link = catalog;
    if (link == null || keys.isEmpty()) {
      return;
    }
    try {
      ReviewedTables.reindex(link.indexDir(), store, classifier, keys);
      CatalogReader reader = link.reader().get();
      if (reader != null) {
        reader.refresh();
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Search tags of {} table(s) not refreshed after a review decision: {}", keys.size(), e.getMessage());
    }
  }

  public synchronized Comment comment(FieldKey key, String text) throws SQLException {
    return store.comment(key, text);
  }

  public synchronized Details details(FieldKey key) throws SQLException {
    return new Details(store.history(key), store.comments(key));
  }

  public synchronized AuditVerification verify() throws SQLException {
    return store.auditLog().verify();
  }

  @Override
  public synchronized void close() throws SQLException {
    store.close();
  }
}
