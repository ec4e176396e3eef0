package corpus.indexer.warehouse;

import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import java.io.IOException;
import java.util.Optional;

/**
 * Looks a table of the catalog up by id, for the estimator to resolve names and read schemas and partitioning:
 * {@code CatalogReader::table}, or a map of crawled tables in tests.
 */
@FunctionalInterface
public interface TableLookup {
  Optional<Table> table(TableId id) throws IOException;
}
