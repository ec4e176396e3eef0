package corpus.app.search;

import corpus.app.Place;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableUsage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the usage and last-modified time of every table card on a page, for sorting by popularity
 * or age. Blocking (one catalog read per table): call it in the search's background task.
 */
final class CardFactsLoader {

  private CardFactsLoader() {}

  /** The cards with their facts; cards that are not tables get {@link CardFacts#NONE}. */
  static List<ResultItem> withFacts(CatalogReader catalog, List<ResultItem> cards) throws IOException {
    List<ResultItem> out = new ArrayList<>(cards.size());
    for (ResultItem card : cards) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("search cancelled");
      }
      out.add(card.withFacts(card.place() instanceof Place.Table t ? facts(catalog, t.id()) : CardFacts.NONE));
    }
    return out;
  }

  private static CardFacts facts(CatalogReader catalog, TableId id) throws IOException {
    TableUsage usage = catalog.usage(id).orElse(null);
    Table table = catalog.table(id).orElse(null);
    return new CardFacts(
        usage == null ? 0 : usage.queryCount(),
        usage == null ? 0 : usage.distinctUsers(),
        table == null ? null : table.lastModifiedTime());
  }
}
