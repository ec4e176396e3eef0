package corpus.indexer.source.bigquery;

import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.http.HttpTransportOptions;
import corpus.indexer.source.bigquery.BigQueryFailure.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach BigQuery: the project that runs (and pays for) jobs, timeouts and retries, and
 * optionally another endpoint.
 *
 * <p>{@code BigQueryConnection.of("my-project").open()} gives a client that authenticates with
 * Application Default Credentials ({@code gcloud auth application-default login} or {@code
 * GOOGLE_APPLICATION_CREDENTIALS}). {@link #withEndpoint(URI)} points the client at a local server
 * speaking the BigQuery REST protocol (tests, emulators); no credentials are ever sent there.
 *
 * @param project the billing project: jobs (queries, dry runs) run here
 * @param endpoint null for the real service, else the root URL of another server
 * @param maxAttempts attempts per call, shared by the client's retries (server errors, broken
 *     connections) and Corpus' own (rate limits)
 * @param totalTimeout upper bound for one call with all its retries
 * @param credentialsFile a service-account key file (JSON) to authenticate with instead of
 *     Application Default Credentials, or null; only its path is held, the file is read when the
 *     client is built and its contents are never logged
 */
public record BigQueryConnection(
    String project,
    URI endpoint,
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration totalTimeout,
    Path credentialsFile) {

  public BigQueryConnection {
    Objects.requireNonNull(project, "project");
    if (project.isBlank()) {
      throw new IllegalArgumentException("a BigQuery project id is needed");
    }
  }

  /** Defaults for the real service: 20 s to connect, 60 s to read, 6 attempts, backoff 1–32 s. */
  public static BigQueryConnection of(String project) {
    return new BigQueryConnection(project.strip(), null, Duration.ofSeconds(20), Duration.ofSeconds(60),
        6, Duration.ofSeconds(1), Duration.ofSeconds(32), Duration.ofMinutes(5), null);
  }

  /** Authenticates with this service-account key file instead of Application Default Credentials. */
  public BigQueryConnection withCredentials(Path keyFile) {
    return new BigQueryConnection(project, endpoint, connectTimeout, readTimeout, maxAttempts,
        initialBackoff, maxBackoff, totalTimeout, keyFile);
  }

  public BigQueryConnection withEndpoint(URI root) {
    return new BigQueryConnection(project, root, connectTimeout, readTimeout, maxAttempts,
        initialBackoff, maxBackoff, totalTimeout, credentialsFile);
  }

  public BigQueryConnection withTimeouts(Duration connect, Duration read, Duration total) {
    return new BigQueryConnection(project, endpoint, connect, read, maxAttempts, initialBackoff,
        maxBackoff, total, credentialsFile);
  }

  public BigQueryConnection withRetries(int attempts, Duration initial, Duration max) {
    return new BigQueryConnection(project, endpoint, connectTimeout, readTimeout, attempts, initial,
        max, totalTimeout, credentialsFile);
  }

  /**
   * Builds the client. Throws {@link BigQueryFailure} of kind {@link Kind#AUTH} with a one-line
   * hint when no Application Default Credentials can be found, or when the key file of {@link
   * #withCredentials} is missing or not a Google credentials file. A custom endpoint never gets
   * credentials.
   */
  public BigQuery open() {
    JdkHttpTransport transport = new JdkHttpTransport(connectTimeout,
        endpoint != null && "http".equals(endpoint.getScheme()));
    BigQueryOptions.Builder options = BigQueryOptions.newBuilder()
        .setProjectId(project)
        .setTransportOptions(HttpTransportOptions.newBuilder()
            .setHttpTransportFactory(() -> transport)
            .setConnectTimeout((int) connectTimeout.toMillis())
            .setReadTimeout((int) readTimeout.toMillis())
            .build())
        .setRetrySettings(retrySettings());
    if (endpoint != null) {
      options.setHost(endpoint.toString()).setCredentials(NoCredentials.getInstance());
    } else if (credentialsFile != null) {
      options.setCredentials(keyFileCredentials(credentialsFile));
    } else {
      options.setCredentials(applicationDefaultCredentials());
    }
    return options.build().getService();
  }

  RetrySettings retrySettings() {
    return RetrySettings.newBuilder()
        .setMaxAttempts(maxAttempts)
        .setInitialRetryDelayDuration(initialBackoff)
        .setRetryDelayMultiplier(2.0)
        .setMaxRetryDelayDuration(maxBackoff)
        .setTotalTimeoutDuration(totalTimeout)
        .setInitialRpcTimeoutDuration(readTimeout)
        .setRpcTimeoutMultiplier(1.0)
        .setMaxRpcTimeoutDuration(readTimeout)
        .build();
  }

  private static GoogleCredentials keyFileCredentials(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BigQueryFailure(Kind.AUTH, "The key file " + file + " does not exist.", null);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return GoogleCredentials.fromStream(in);
    } catch (IOException | RuntimeException e) {
      // the parser's message may quote the file's contents: keep only its type
      throw new BigQueryFailure(Kind.AUTH, "The key file " + file
          + " could not be read as a Google credentials file (a service-account key in JSON).",
          new IOException(e.getClass().getSimpleName()));
    }
  }

  private static GoogleCredentials applicationDefaultCredentials() {
    try {
      return GoogleCredentials.getApplicationDefault();
    } catch (IOException e) {
      throw new BigQueryFailure(Kind.AUTH,
          "No Google credentials found: " + BigQueryErrors.LOGIN_HINT + ".", e);
    }
  }
}
