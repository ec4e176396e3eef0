package corpus.indexer.gdpr;

import corpus.gdpr.detect.Classifier;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewStore;
import corpus.indexer.index.TableReclassifier;
import corpus.indexer.model.TableId;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Brings a catalog's {@code pii:} tags and "personal data" badges up to date with review decisions
 * right after they are made: the tables of the decided fields are rewritten with the categories in
 * force now.
 *
 * <pre>{@code
 * List<ReviewItem> done = store.confirmAll(keys, reason);
 * ReviewedTables.reindex(indexDir, store, classifier, keys);
 * catalog.refresh();
 * }</pre>
 */
public final class ReviewedTables {

  private ReviewedTables() {}

  /**
   * Rewrites the catalog documents of the tables holding {@code keys}; blocking.
   *
   * @return how many tables were rewritten (tables the catalog does not hold are skipped)
   */
  public static int reindex(Path indexDir, ReviewStore store, Classifier classifier, Collection<FieldKey> keys)
      throws IOException, SQLException {
    TreeSet<String> tables = new TreeSet<>();
    for (FieldKey key : keys) {
      tables.add(key.table());
    }
    if (tables.isEmpty()) {
      return 0;
    }
    List<TableId> ids = tables.stream().map(TableId::parse).toList();
    return TableReclassifier.rewrite(indexDir, ids,
        GdprFieldClassifications.forTables(store, classifier, tables));
  }
}
