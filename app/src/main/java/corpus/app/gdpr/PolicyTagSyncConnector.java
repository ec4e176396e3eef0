package corpus.app.gdpr;

import corpus.app.connect.ConnectionSettings;
import corpus.indexer.source.bigquery.BigQueryConnection;
import corpus.indexer.source.bigquery.PolicyTagCatalog;
import corpus.indexer.source.bigquery.PolicyTagSync;
import java.util.function.UnaryOperator;

/**
 * Opens a {@link PolicyTagSync} for a saved BigQuery connection: the BigQuery client and the Data
 * Catalog client with the same credentials (the connection's key file, else Application Default
 * Credentials). A connection to another endpoint (an emulator, the tests' fake) reaches Data
 * Catalog at that same endpoint, without credentials. Blocking; call it off the UI thread.
 */
public final class PolicyTagSyncConnector {

  /** An open sync; closing it closes the Data Catalog client. */
  public record Session(PolicyTagSync sync, PolicyTagCatalog catalog) implements AutoCloseable {
    @Override
    public void close() {
      catalog.close();
    }
  }

  private final UnaryOperator<BigQueryConnection> tuning;

  public PolicyTagSyncConnector() {
    this(UnaryOperator.identity());
  }

  /** @param tuning adjusts every connection, e.g. shorter timeouts in tests */
  public PolicyTagSyncConnector(UnaryOperator<BigQueryConnection> tuning) {
    this.tuning = tuning;
  }

  /** Opens a sync through {@code settings}; a bad key file is a {@code BigQueryFailure} of kind AUTH. */
  public Session open(ConnectionSettings settings, PolicyTagSync.Options options, String taxonomyVersion) {
    BigQueryConnection connection = tuning.apply(BigQueryConnection.of(settings.billingProject()));
    if (settings.endpoint() != null) {
      connection = connection.withEndpoint(settings.endpoint());
    } else if (settings.keyFile() != null) {
      connection = connection.withCredentials(settings.keyFile());
    }
    PolicyTagCatalog catalog = PolicyTagCatalog.open(connection, settings.endpoint(), null);
    try {
      return new Session(new PolicyTagSync(connection.open(), connection, catalog, options, taxonomyVersion), catalog);
    } catch (RuntimeException e) {
      catalog.close();
      throw e;
    }
  }
}
