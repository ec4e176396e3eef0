package corpus.app.scd;

import corpus.indexer.CorpusHome;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.scd.QueryRunner;
import corpus.indexer.scd.QueryRunners;
import corpus.indexer.scd.ScdNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the warehouse the SCD pages query (entity histories, as-of views, health checks) and names
 * the SCD columns to recognise. Opening blocks: call it in a background task.
 */
public interface WarehouseConnector {

  /** Opens a query runner; the caller closes it. */
  QueryRunner open() throws Exception;

  /** The SCD column names in use. */
  default ScdNames names() {
    return ScdNames.DEFAULTS;
  }

  /** No warehouse: SCD pages explain that queries need one. */
  WarehouseConnector NONE = () -> {
    throw new NotConnectedException();
  };

  /** Thrown by {@link #NONE}: nothing to query, said in words, nothing to log. */
  final class NotConnectedException extends IOException {
    private static final long serialVersionUID = 1L;

    NotConnectedException() {
      super("No warehouse is connected to this catalog, so its data cannot be queried.");
    }
  }

  /**
   * The warehouse the catalog in {@code indexDir} was crawled from (the embedded sample when it was
   * built from it), with the user's SCD names from {@code scd-names.properties} in the home.
   */
  static WarehouseConnector forCatalog(CorpusHome home, Path indexDir) {
    return new WarehouseConnector() {
      @Override
      public QueryRunner open() throws IOException {
        String spec = QueryRunners.specOf(indexDir, home).orElse("sample");
        LuceneCatalog catalog = LuceneCatalog.exists(indexDir) ? LuceneCatalog.open(indexDir) : null;
        return QueryRunners.open(spec, home, catalog != null ? catalog::table : id -> Optional.empty(),
            catalog != null ? catalog::close : null);
      }

      @Override
      public ScdNames names() {
        try {
          return ScdNames.load(home.root().resolve("scd-names.properties"));
        } catch (IOException e) {
          return ScdNames.DEFAULTS;
        }
      }
    };
  }
}
