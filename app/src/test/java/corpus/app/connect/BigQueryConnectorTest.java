package corpus.app.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which client the connector builds for which credentials; no request leaves the machine. */
class BigQueryConnectorTest {

  @TempDir Path dir;

  private final BigQueryConnector connector = new BigQueryConnector();

  private Path serviceAccountKey() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String pem = ("-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n").replace("\n", "\\n"); // as JSON writes it
    Path key = dir.resolve("corpus-key.json");
    Files.writeString(key, """
        {"type": "service_account", "project_id": "acme-analytics", "private_key_id": "abc123",
         "private_key": "%s", "client_email": "corpus-indexer@acme-analytics.iam.gserviceaccount.com",
         "client_id": "1234567890", "token_uri": "https://oauth2.googleapis.com/token"}""".formatted(pem));
    return key;
  }

  @Test
  void aKeyFileGivesAClientOfTheRealServiceWithThatServiceAccount() throws Exception {
    ConnectionSettings settings = new ConnectionSettings(List.of("acme-analytics"), serviceAccountKey(), null, 30);

    BigQuery client = connector.open(settings, connector.connection(settings));

    assertThat(client.getOptions().getHost()).as("the client library's own endpoint of the real service")
        .startsWith("https://").endsWith("googleapis.com");
    assertThat(client.getOptions().getProjectId()).isEqualTo("acme-analytics");
    assertThat(client.getOptions().getCredentials()).isInstanceOfSatisfying(ServiceAccountCredentials.class,
        c -> assertThat(c.getClientEmail()).startsWith("corpus-indexer@"));
  }

  @Test
  void aCustomEndpointGetsNoCredentialsEvenWithAKeyFile() throws Exception {
    ConnectionSettings settings = new ConnectionSettings(List.of("acme-analytics"), serviceAccountKey(),
        URI.create("http://127.0.0.1:9050"), 30);

    BigQuery client = connector.open(settings, connector.connection(settings));

    assertThat(client.getOptions().getHost()).isEqualTo("http://127.0.0.1:9050");
    assertThat(client.getOptions().getCredentials()).isSameAs(NoCredentials.getInstance());
  }

  @Test
  void aFileThatIsNotAKeySaysSoWithoutQuotingIt() throws Exception {
    Path notAKey = dir.resolve("notes.json");
    Files.writeString(notAKey, "{\"type\": \"something\", \"private_key\": \"do-not-show-me\"}");
    ConnectionSettings settings = new ConnectionSettings(List.of("acme-analytics"), notAKey, null, 30);

    assertThatThrownBy(() -> connector.open(settings, connector.connection(settings)))
        .isInstanceOf(ConnectFailure.class)
        .hasMessage("The key file " + notAKey + " could not be read as a Google credentials file"
            + " (a service-account key in JSON).")
        .message().doesNotContain("do-not-show-me");
  }

  @Test
  void theCrawlSourceIsNamedLikeTheCommandLineSpec() {
    ConnectionSettings settings = new ConnectionSettings(List.of("acme-analytics", "acme-lake"), null, null, 30);

    assertThat(connector.source(settings).spec()).isEqualTo("bigquery:acme-analytics,acme-lake");
    assertThat(connector.sources(List.of(settings))).extracting(s -> s.spec())
        .containsExactly("bigquery:acme-analytics,acme-lake");
  }
}
