package corpus.indexer.catalog;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableUsage;
import corpus.indexer.search.SearchRequest;
import corpus.indexer.search.SearchResponse;
import corpus.lineage.graph.LineageGraph;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Read access to a built catalog: search, and everything a table page shows. All calls are
 * blocking (disk I/O) and thread-safe; call them off the UI thread. Open one with {@code
 * LuceneCatalog.open(indexDir)}; {@link #refresh()} picks up a re-index without reopening.
 */
public interface CatalogReader extends AutoCloseable {

  SearchResponse search(SearchRequest request) throws IOException;

  /** Why an entity (table, field, doc id) ranks where it does for the request's query. */
  String explain(SearchRequest request, String entityId) throws IOException;

  Optional<Table> table(TableId id) throws IOException;

  Optional<Dataset> dataset(String project, String dataset) throws IOException;

  Optional<TableUsage> usage(TableId id) throws IOException;

  /** Design documents that mention the table or are named after it, by title. */
  List<DocRef> docsFor(TableId id) throws IOException;

  Optional<Doc> doc(String docId) throws IOException;

  /** Pipelines (SQL files, dbt models, views, observed jobs) that read or write the table. */
  List<Pipeline> pipelinesFor(TableId id) throws IOException;

  /** The table- and column-level lineage of the whole catalog, built from its pipelines. */
  LineageGraph lineageGraph() throws IOException;

  /** Table and field names starting with the prefix, best first, for autocompletion. */
  List<String> complete(String prefix, int limit) throws IOException;

  /**
   * Runs, once, the kinds of search people start with (a word being typed, several words, a
   * filter, a misspelt word, a completion) and drops the results. In a fresh JVM a search runs
   * interpreted until the JIT compiler has compiled it, so without this the first search a person
   * makes waits about 150 ms longer (docs/benchmarks.md). Call it off the UI thread, right after
   * opening; a search that runs meanwhile is not held up by it.
   */
  default void warmUp() throws IOException {
    for (String query : List.of("us", "user account", "kind:table order", "acount")) {
      search(SearchRequest.of(query, 10));
    }
    complete("us", 10);
  }

  /** Number of tables and views in the catalog. */
  long tableCount() throws IOException;

  /** Makes a newer commit of the index visible to later calls. */
  void refresh() throws IOException;

  @Override
  void close() throws IOException;
}
