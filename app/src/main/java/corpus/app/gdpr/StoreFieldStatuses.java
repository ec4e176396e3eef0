package corpus.app.gdpr;

import corpus.app.table.FieldStatusSource;
import corpus.gdpr.detect.Classifier;
import corpus.indexer.gdpr.FieldStatus;
import corpus.indexer.model.Table;
import java.nio.file.Path;
import java.util.Map;

/**
 * The table page's GDPR column read from the review store in the Corpus database: decisions and
 * stored suggestions, else the classifier's suggestion from the field's metadata. Opens the store
 * for each table read and closes it, so it always shows the latest decision.
 */
public final class StoreFieldStatuses implements FieldStatusSource {

  private final Path database;
  private final Classifier classifier = Classifier.withDefaults();

  public StoreFieldStatuses(Path database) {
    this.database = database;
  }

  @Override
  public Map<String, FieldStatus> read(Table table) throws Exception {
    return FieldStatus.forTable(database, classifier, table);
  }
}
