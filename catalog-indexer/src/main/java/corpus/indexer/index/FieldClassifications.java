package corpus.indexer.index;

import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import java.util.List;

/**
 * Tells the indexer which GDPR categories a field holds (a reviewer's decision, else the engine's
 * suggestion), so that {@code pii:email} finds it and result cards show a personal-data badge.
 * Implementations must be thread-safe: tables are indexed on several threads.
 */
@FunctionalInterface
public interface FieldClassifications {

  /** Classifies nothing: no field carries a category. */
  FieldClassifications NONE = (table, field) -> List.of();

  /**
   * Changes whenever any classification may have changed (for example the id of the latest review
   * decision), so an incremental update knows to rewrite the tables.
   */
  default String version() {
    return "";
  }

  /** Category ids such as {@code email} or {@code hashed_id}; empty when the field is not personal. */
  List<String> categories(Table table, Field.Flat field);
}
