package corpus.app.table;

import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.catalog.DocRef;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableUsage;
import corpus.indexer.scd.ScdCatalog;
import corpus.indexer.scd.ScdNames;
import corpus.indexer.scd.ScdTable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Everything a table page shows, read from the catalog in one go: the table, its dataset, its
 * usage, the design documents that mention it and its SCD type 2 reading. Dataset, usage and scd may be null.
 */
record TablePageData(Table table, Dataset dataset, TableUsage usage, List<DocRef> docs, ScdTable scd) {

  /** Reads the page of a table; empty when the catalog has no such table. Blocking. */
  static Optional<TablePageData> read(CatalogReader catalog, TableId id) throws IOException {
    Optional<Table> table = catalog.table(id);
    if (table.isEmpty()) {
      return Optional.empty();
    }
    Dataset dataset = catalog.dataset(id.project(), id.dataset()).orElse(null);
    TableUsage usage = catalog.usage(id).orElse(null);
    List<DocRef> docs = catalog.docsFor(id);
    ScdTable scd = new ScdCatalog(catalog, ScdNames.DEFAULTS).recognise(id).map(ScdCatalog.Recognised::scd).orElse(null);
    return Optional.of(new TablePageData(table.get(), dataset, usage, docs, scd));
  }
}
