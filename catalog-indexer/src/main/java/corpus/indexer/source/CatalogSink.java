package corpus.indexer.source;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableUsage;
import corpus.lineage.SchemaProvider;

/**
 * Receives what a {@link CatalogSource} finds, one entity at a time, so a crawl of a million
 * fields never has to be held in memory. Implementations must accept calls from one thread.
 */
public interface CatalogSink {

  void dataset(Dataset dataset);

  void table(Table table);

  void doc(Doc doc);

  void usage(TableUsage usage);

  /**
   * Announces that the tables that follow come from {@code origin} (an input file) whose content
   * has {@code fingerprint} (size and modification time, say). Returns true when the catalog
   * already holds exactly that file's tables: the source then skips reading it.
   */
  default boolean beginOrigin(String origin, String fingerprint) {
    return false;
  }

  /**
   * Announces that the next record of the current origin (one table's resource) has raw bytes with
   * {@code fingerprint} (a hash of the bytes as read, computed before any parsing). Returns true
   * when the catalog already holds that very record from the same origin and nothing it depends on
   * changed: the source then skips parsing it and emits nothing for it. When it returns false the
   * source parses the record and, if it is valid, passes it to {@link #table}.
   */
  default boolean unchangedRecord(String fingerprint) {
    return false;
  }

  /** A pipeline definition with its lineage; sinks that do not keep lineage ignore it. */
  default void pipeline(Pipeline pipeline) {}

  /**
   * The schemas of the tables received so far, for sources that analyse SQL after the warehouse
   * was crawled (so {@code SELECT *} expands exactly); empty when the sink keeps none.
   */
  default SchemaProvider schemas() {
    return SchemaProvider.none();
  }

  /** A bad input that was skipped; the crawl goes on. */
  void problem(Problem problem);
}
