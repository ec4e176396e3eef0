package corpus.indexer.source.bigquery;

import com.google.api.core.ApiFuture;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.auth.Credentials;
import com.google.cloud.datacatalog.v1.CreatePolicyTagRequest;
import com.google.cloud.datacatalog.v1.CreateTaxonomyRequest;
import com.google.cloud.datacatalog.v1.ListPolicyTagsRequest;
import com.google.cloud.datacatalog.v1.ListPolicyTagsResponse;
import com.google.cloud.datacatalog.v1.ListTaxonomiesRequest;
import com.google.cloud.datacatalog.v1.ListTaxonomiesResponse;
import com.google.cloud.datacatalog.v1.LocationName;
import com.google.cloud.datacatalog.v1.PolicyTag;
import com.google.cloud.datacatalog.v1.PolicyTagManagerClient;
import com.google.cloud.datacatalog.v1.PolicyTagManagerSettings;
import com.google.cloud.datacatalog.v1.Taxonomy;
import corpus.indexer.source.bigquery.BigQueryFailure.Kind;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * Taxonomies and policy tags in Data Catalog's Policy Tag Manager, through the official client
 * ({@code google-cloud-datacatalog}) over its HTTP/JSON transport: lists what a location holds and
 * creates what is missing.
 *
 * <pre>{@code
 * try (PolicyTagCatalog catalog = PolicyTagCatalog.open(connection, null, null)) {
 *   List<PolicyTagCatalog.TaxonomyRef> taxonomies = catalog.taxonomies("my-project", "eu");
 * }
 * }</pre>
 *
 * <p>Rate limits (429) and unavailable servers (503) are retried with the connection's backoff.
 * Every call is cancelled by interrupting the calling thread. Failures are {@link
 * BigQueryFailure}s with one sentence fit to show a user.
 */
public final class PolicyTagCatalog implements AutoCloseable {

  /** The public Data Catalog endpoint. */
  public static final URI GOOGLE_ENDPOINT = URI.create("https://datacatalog.googleapis.com");

  /** A taxonomy: resource name {@code projects/p/locations/l/taxonomies/n} and display name. */
  public record TaxonomyRef(String name, String displayName) {}

  /**
   * A policy tag: resource name, display name and the resource name of its parent tag ({@code ""}
   * at the top level).
   */
  public record TagRef(String name, String displayName, String parent) {}

  private static final Set<StatusCode.Code> RETRYABLE =
      Set.of(StatusCode.Code.RESOURCE_EXHAUSTED, StatusCode.Code.UNAVAILABLE);

  private final PolicyTagManagerClient client;

  private PolicyTagCatalog(PolicyTagManagerClient client) {
    this.client = client;
  }

  /**
   * Builds the client with the timeouts and retries of {@code connection}.
   *
   * @param endpoint null for the public service, else the root URL of another server (tests,
   *     emulators), to which no credentials are sent
   * @param credentials credentials for the public service, or null for the connection's key file
   *     ({@link BigQueryConnection#withCredentials}) or else Application Default Credentials
   */
  public static PolicyTagCatalog open(BigQueryConnection connection, URI endpoint, Credentials credentials) {
    boolean local = endpoint != null && !endpoint.equals(GOOGLE_ENDPOINT);
    if (!local && credentials == null && connection.credentialsFile() != null) {
      credentials = keyFile(connection.credentialsFile());
    }
    JdkHttpTransport transport = new JdkHttpTransport(connection.connectTimeout(),
        local && "http".equals(endpoint.getScheme()));
    CredentialsProvider provider = local ? NoCredentialsProvider.create()
        : credentials != null ? FixedCredentialsProvider.create(credentials)
        : PolicyTagManagerSettings.defaultCredentialsProviderBuilder().build();
    try {
      PolicyTagManagerSettings.Builder b = PolicyTagManagerSettings.newHttpJsonBuilder()
          .setCredentialsProvider(provider)
          .setTransportChannelProvider(PolicyTagManagerSettings.defaultHttpJsonTransportProviderBuilder()
              .setHttpTransport(transport).build());
      if (endpoint != null) {
        b.setEndpoint(endpoint.toString().replaceAll("/+$", ""));
      }
      var retry = connection.retrySettings();
      b.listTaxonomiesSettings().setRetryableCodes(RETRYABLE).setRetrySettings(retry);
      b.listPolicyTagsSettings().setRetryableCodes(RETRYABLE).setRetrySettings(retry);
      b.createTaxonomySettings().setRetryableCodes(RETRYABLE).setRetrySettings(retry);
      b.createPolicyTagSettings().setRetryableCodes(RETRYABLE).setRetrySettings(retry);
      return new PolicyTagCatalog(PolicyTagManagerClient.create(b.build()));
    } catch (IOException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      if (m.contains("credentials") || m.contains("Credentials")) {
        throw new BigQueryFailure(Kind.AUTH, "No Google credentials found: " + BigQueryErrors.LOGIN_HINT + ".", e);
      }
      throw new BigQueryFailure(Kind.OTHER,
          "Could not start the Data Catalog client: " + BigQueryErrors.clean(m) + ".", e);
    }
  }

  private static Credentials keyFile(java.nio.file.Path file) {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new BigQueryFailure(Kind.AUTH, "The key file " + file + " does not exist.", null);
    }
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      return com.google.auth.oauth2.GoogleCredentials.fromStream(in).createScoped(
          List.of("https://www.googleapis.com/auth/cloud-platform"));
    } catch (IOException | RuntimeException e) {
      // the parser's message may quote the file's contents: keep only its type
      throw new BigQueryFailure(Kind.AUTH, "The key file " + file
          + " could not be read as a Google credentials file (a service-account key in JSON).",
          new IOException(e.getClass().getSimpleName()));
    }
  }

  /** The taxonomies of {@code project} in {@code location} (e.g. {@code eu}), all pages. */
  public List<TaxonomyRef> taxonomies(String project, String location) throws InterruptedException {
    String parent = LocationName.of(project, location.toLowerCase(Locale.ROOT)).toString();
    String what = "listing the taxonomies of " + parent;
    List<TaxonomyRef> out = new ArrayList<>();
    String token = "";
    do {
      ListTaxonomiesRequest request = ListTaxonomiesRequest.newBuilder().setParent(parent)
          .setPageSize(100).setPageToken(token).build();
      ListTaxonomiesResponse page = await(client.listTaxonomiesCallable().futureCall(request), what);
      page.getTaxonomiesList().forEach(t -> out.add(new TaxonomyRef(t.getName(), t.getDisplayName())));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return out;
  }

  /** Every policy tag of {@code taxonomy} (a resource name), at any depth, all pages. */
  public List<TagRef> policyTags(String taxonomy) throws InterruptedException {
    String what = "listing the policy tags of " + taxonomy;
    List<TagRef> out = new ArrayList<>();
    String token = "";
    do {
      ListPolicyTagsRequest request = ListPolicyTagsRequest.newBuilder().setParent(taxonomy)
          .setPageSize(100).setPageToken(token).build();
      ListPolicyTagsResponse page = await(client.listPolicyTagsCallable().futureCall(request), what);
      page.getPolicyTagsList().forEach(t -> out.add(new TagRef(t.getName(), t.getDisplayName(), t.getParentPolicyTag())));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return out;
  }

  /**
   * Creates a taxonomy without any activated policy type: its tags label columns but do not
   * restrict who may read them until an administrator turns on fine-grained access control.
   */
  public TaxonomyRef createTaxonomy(String project, String location, String displayName, String description)
      throws InterruptedException {
    String parent = LocationName.of(project, location.toLowerCase(Locale.ROOT)).toString();
    CreateTaxonomyRequest request = CreateTaxonomyRequest.newBuilder().setParent(parent)
        .setTaxonomy(Taxonomy.newBuilder().setDisplayName(displayName).setDescription(description)).build();
    Taxonomy t = await(client.createTaxonomyCallable().futureCall(request),
        "creating the taxonomy \"" + displayName + "\" in " + parent);
    return new TaxonomyRef(t.getName(), t.getDisplayName());
  }

  /** Creates a policy tag in {@code taxonomy}, under {@code parent} (a tag resource name) or at the top when null. */
  public TagRef createPolicyTag(String taxonomy, String displayName, String parent, String description)
      throws InterruptedException {
    PolicyTag.Builder tag = PolicyTag.newBuilder().setDisplayName(displayName).setDescription(description);
    if (parent != null && !parent.isEmpty()) {
      tag.setParentPolicyTag(parent);
    }
    PolicyTag t = await(client.createPolicyTagCallable().futureCall(
        CreatePolicyTagRequest.newBuilder().setParent(taxonomy).setPolicyTag(tag).build()),
        "creating the policy tag \"" + displayName + "\" in " + taxonomy);
    return new TagRef(t.getName(), t.getDisplayName(), t.getParentPolicyTag());
  }

  private static <T> T await(ApiFuture<T> future, String what) throws InterruptedException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (CancellationException e) {
      throw new InterruptedException("cancelled while " + what);
    } catch (ExecutionException e) {
      throw translate(e.getCause() == null ? e : e.getCause(), what);
    }
  }

  /** The failure to report for a Data Catalog error while doing {@code what}. */
  static BigQueryFailure translate(Throwable error, String what) {
    if (!(error instanceof ApiException api)) {
      return BigQueryErrors.translate(error, what);
    }
    String detail = BigQueryErrors.clean(serviceMessage(api));
    return switch (api.getStatusCode().getCode()) {
      case UNAUTHENTICATED -> new BigQueryFailure(Kind.AUTH,
          "Data Catalog rejected the credentials while " + what + ": " + BigQueryErrors.LOGIN_HINT + ".", error);
      case PERMISSION_DENIED -> new BigQueryFailure(Kind.PERMISSION,
          "Permission denied while " + what + ": " + detail + ".", error);
      case NOT_FOUND -> new BigQueryFailure(Kind.NOT_FOUND, "Not found while " + what + ": " + detail + ".", error);
      case RESOURCE_EXHAUSTED -> new BigQueryFailure(Kind.RATE_LIMIT,
          "Data Catalog rate limit or quota exceeded while " + what + ", even after retries: " + detail + ".", error);
      case UNAVAILABLE, INTERNAL, UNKNOWN -> new BigQueryFailure(Kind.TRANSIENT,
          "Data Catalog had a server error while " + what + ", even after retries: " + detail + ".", error);
      case DEADLINE_EXCEEDED -> new BigQueryFailure(Kind.TIMEOUT,
          "Data Catalog did not answer in time while " + what + ".", error);
      case INVALID_ARGUMENT, ALREADY_EXISTS, FAILED_PRECONDITION -> new BigQueryFailure(Kind.INVALID,
          "Data Catalog refused the request while " + what + ": " + detail + ".", error);
      default -> new BigQueryFailure(Kind.OTHER, "Data Catalog failed while " + what + ": " + detail + ".", error);
    };
  }

  /** The {@code message} of the service's JSON error when the response carried one. */
  private static String serviceMessage(ApiException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    int at = m.indexOf("\"message\"");
    if (at >= 0) {
      int colon = m.indexOf(':', at);
      int open = m.indexOf('"', colon + 1);
      int close = open < 0 ? -1 : m.indexOf('"', open + 1);
      if (close > open) {
        return m.substring(open + 1, close);
      }
    }
    return m;
  }

  @Override
  public void close() {
    client.close();
  }
}
