package corpus.app.history;

import corpus.indexer.history.CatalogHistory;
import corpus.indexer.history.EntityVersion;
import corpus.indexer.store.CorpusDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the app reads the catalog's own history: the versions recorded for one entity of the open
 * catalog. Blocking (SQLite): call it in a background task.
 */
@FunctionalInterface
public interface HistoryStore {

  /** Every recorded version of a table or dataset, oldest first. */
  List<EntityVersion> versions(String entity) throws IOException;

  /** No history: the tab says so. */
  HistoryStore NONE = entity -> List.of();

  /** The history in the Corpus database {@code database} of the catalog in {@code indexDir}. */
  static HistoryStore sqlite(Path database, Path indexDir) {
    return entity -> {
      if (!Files.exists(database)) {
        return List.of();
      }
      try (CorpusDatabase db = CorpusDatabase.open(database)) {
        return new CatalogHistory(db.connection()).versions(CatalogHistory.catalogKey(indexDir), entity);
      }
    };
  }
}
