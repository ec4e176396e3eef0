package corpus.app.table;

import corpus.indexer.gdpr.FieldStatus;
import corpus.indexer.model.Table;
import java.util.Map;

/**
 * Where the table page reads each field's GDPR classification from (the review store, with the
 * classifier as fallback). Blocking: the page calls it in a background task.
 */
@FunctionalInterface
public interface FieldStatusSource {

  /** No classifications: the schema's GDPR column stays empty. */
  FieldStatusSource NONE = table -> Map.of();

  /** The status of each leaf field of {@code table}, by dotted path. */
  Map<String, FieldStatus> read(Table table) throws Exception;
}
