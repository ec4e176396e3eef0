package corpus.indexer.history;

import corpus.indexer.gdpr.CatalogSnapshot;
import corpus.indexer.index.FieldClassifications;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Table;
import corpus.indexer.store.CorpusDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what a finished crawl changed in a catalog: reads the catalog in the index folder, turns
 * each table and dataset into an {@link EntityState} and hands them to {@link CatalogHistory}.
 * Called by {@code corpus index} after every successful run, and by any other builder of a
 * catalog (the desktop app) the same way.
 *
 * <pre>{@code
 * try (CorpusDatabase db = CorpusDatabase.open(home.database())) {
 *   HistoryRecorder.record(db, indexDir, classifications, crawlId);
 * }
 * }</pre>
 */
public final class HistoryRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);

  private HistoryRecorder() {}

  /** The states of every table and dataset of a catalog, by entity id. */
  public static Map<String, EntityState> states(CatalogSnapshot catalog, FieldClassifications classifications) {
    Map<String, EntityState> out = new LinkedHashMap<>();
    for (Dataset d : catalog.datasets()) {
      out.put(d.id(), EntityState.of(d));
    }
    for (Table t : catalog.tables()) {
      out.put(t.id().toString(), EntityState.of(t, classifications));
    }
    return out;
  }

  /** Diffs the catalog in {@code indexDir} against its recorded history and stores the changes (none when there is no catalog). */
  public static CatalogHistory.Outcome record(CorpusDatabase db, Path indexDir, FieldClassifications classifications,
      Long crawlId) throws IOException {
    if (!LuceneCatalog.exists(indexDir)) {
      return new CatalogHistory.Outcome(0, 0, 0, 0);
    }
    CatalogSnapshot catalog = CatalogSnapshot.read(indexDir);
    CatalogHistory.Outcome outcome = new CatalogHistory(db.connection())
        .record(CatalogHistory.catalogKey(indexDir), states(catalog, classifications), Instant.now(), crawlId);
    LOG.info("Catalog history of {}: {} added, {} changed, {} removed, {} unchanged", indexDir, outcome.added(),
        outcome.changed(), outcome.removed(), outcome.unchanged());
    return outcome;
  }
}
