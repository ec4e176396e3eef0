package corpus.app.gdpr;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.bigquery.BigQuery;
import corpus.app.connect.ConnectionSettings;
import corpus.indexer.source.bigquery.BigQueryConnection;
import corpus.indexer.source.bigquery.BigQueryFailure;
import corpus.indexer.source.bigquery.PolicyTagCatalog;
import corpus.indexer.source.bigquery.PolicyTagSync;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Opens a {@link PolicyTagSync} for a saved BigQuery connection: the BigQuery client and the Data
 * Catalog client with the same credentials (the connection's key file, else Application Default
 * Credentials). A connection to another endpoint (an emulator, the tests' fake) reaches Data
 * Catalog at that same endpoint, without credentials. Blocking; call it off the UI thread.
 */
public final class PolicyTagSyncConnector {

  private static final URI BIGQUERY = URI.create("https://bigquery.googleapis.com");
  private static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

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

  /** Opens a sync of {@code project}'s tables through {@code settings}. */
  public Session open(ConnectionSettings settings, PolicyTagSync.Options options, String taxonomyVersion) {
    BigQueryConnection connection = tuning.apply(BigQueryConnection.of(settings.billingProject()));
    GoogleCredentials credentials = null;
    BigQuery bigquery;
    if (settings.endpoint() != null) {
      connection = connection.withEndpoint(settings.endpoint());
      bigquery = connection.open();
    } else if (settings.keyFile() != null) {
      credentials = keyFile(settings);
      bigquery = connection.withEndpoint(BIGQUERY).open().getOptions().toBuilder()
          .setCredentials(credentials).build().getService();
    } else {
      bigquery = connection.open();
    }
    PolicyTagCatalog catalog = PolicyTagCatalog.open(connection, settings.endpoint(),
        credentials == null ? null : credentials.createScoped(List.of(CLOUD_PLATFORM)));
    return new Session(new PolicyTagSync(bigquery, connection, catalog, options, taxonomyVersion), catalog);
  }

  private static GoogleCredentials keyFile(ConnectionSettings settings) {
    try (InputStream in = Files.newInputStream(settings.keyFile())) {
      return GoogleCredentials.fromStream(in);
    } catch (IOException | RuntimeException e) {
      // the parser's message may quote the file: report the path only
      throw new BigQueryFailure(BigQueryFailure.Kind.AUTH, "The key file " + settings.keyFile()
          + " could not be read as a Google credentials file (a service-account key in JSON).", e);
    }
  }
}
