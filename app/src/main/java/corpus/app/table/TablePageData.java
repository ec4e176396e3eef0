package corpus.app.table;

import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.catalog.DocRef;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableUsage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Everything a table page shows, read from the catalog in one go: the table, its dataset, its
 * usage and the design documents that mention it. Dataset and usage may be null.
 */
record TablePageData(Table table, Dataset dataset, TableUsage usage, List<DocRef> docs) {

  /** Reads the page of a table; empty when the catalog has no such table. Blocking. */
  static Optional<TablePageData> read(CatalogReader catalog, TableId id) throws IOException {
    Optional<Table> table = catalog.table(id);
    if (table.isEmpty()) {
      return Optional.empty();
    }
    Dataset dataset = catalog.dataset(id.project(), id.dataset()).orElse(null);
    TableUsage usage = catalog.usage(id).orElse(null);
    List<DocRef> docs = catalog.docsFor(id);
    return Optional.of(new TablePageData(table.get(), dataset, usage, docs));
  }
}
