package corpus.app.workbench;

import corpus.indexer.catalog.CatalogReader;
import java.io.IOException;

/** Opens the {@link WorkbenchSession} of an open catalog. Blocks: call it in a background task. */
@FunctionalInterface
public interface WorkbenchConnector {

  WorkbenchSession open(CatalogReader catalog) throws Exception;

  /** No warehouse: the workbench says queries need one. */
  WorkbenchConnector NONE = catalog -> {
    throw new IOException("No warehouse is connected to this catalog.");
  };
}
