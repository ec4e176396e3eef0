package corpus.indexer.scd;

import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.catalog.DocRef;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recognises a catalog table as SCD type 2 with everything the catalog knows about it: the table,
 * its dataset's labels and the design documents that mention it. Metadata only, no warehouse query;
 * blocking disk reads, so call it off the UI thread.
 */
public final class ScdCatalog {

  private final CatalogReader catalog;
  private final ScdRecognizer recognizer;

  public ScdCatalog(CatalogReader catalog, ScdNames names) {
    this.catalog = catalog;
    this.recognizer = new ScdRecognizer(names);
  }

  /** The table and its SCD reading; empty when the catalog has no such table or it is not SCD2. */
  public Optional<Recognised> recognise(TableId id) throws IOException {
    Optional<Table> table = catalog.table(id);
    if (table.isEmpty()) {
      return Optional.empty();
    }
    Dataset dataset = catalog.dataset(id.project(), id.dataset()).orElse(null);
    List<Doc> docs = new ArrayList<>();
    for (DocRef ref : catalog.docsFor(id)) {
      catalog.doc(ref.id()).ifPresent(docs::add);
    }
    return recognizer.recognize(table.get(), dataset, docs).map(scd -> new Recognised(table.get(), scd));
  }

  /** A table with its SCD reading. */
  public record Recognised(Table table, ScdTable scd) {}
}
