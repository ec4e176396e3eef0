package corpus.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsProbeTest {

  @TempDir Path home;

  @Test
  void findsTheGcloudLoginInTheUsersConfigFolder() throws Exception {
    Path adc = home.resolve(".config/gcloud/application_default_credentials.json");
    Files.createDirectories(adc.getParent());
    Files.writeString(adc, "{\"type\": \"authorized_user\", \"refresh_token\": \"1//secret-token\"}");

    CredentialsProbe.Found found = new CredentialsProbe(Map.<String, String>of()::get, home, false).probe();

    assertThat(found.present()).isTrue();
    assertThat(found.description()).isEqualTo("Your Google account (gcloud auth application-default login) ("
        + adc + ").").doesNotContain("secret");
  }

  @Test
  void prefersTheKeyFileNamedByTheEnvironment() throws Exception {
    Path key = home.resolve("corpus-key.json");
    Files.writeString(key, "{\"type\": \"service_account\", \"client_email\": \"corpus@acme.iam.gserviceaccount.com\","
        + " \"private_key\": \"-----BEGIN PRIVATE KEY-----\"}");

    CredentialsProbe.Found found = new CredentialsProbe(
        Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString())::get, home, false).probe();

    assertThat(found.description())
        .isEqualTo("A service-account key from GOOGLE_APPLICATION_CREDENTIALS (" + key + ").")
        .doesNotContain("corpus@", "PRIVATE");
  }

  @Test
  void saysWhenTheEnvironmentNamesAMissingFile() {
    CredentialsProbe.Found found = new CredentialsProbe(
        Map.of("GOOGLE_APPLICATION_CREDENTIALS", "/nowhere/key.json")::get, home, false).probe();

    assertThat(found.present()).isFalse();
    assertThat(found.description()).isEqualTo("GOOGLE_APPLICATION_CREDENTIALS names /nowhere/key.json, which does not exist.");
  }

  @Test
  void saysHowToLogInWhenNothingIsFound() {
    CredentialsProbe.Found found = new CredentialsProbe(Map.<String, String>of()::get, home, false).probe();

    assertThat(found.present()).isFalse();
    assertThat(found.description()).startsWith("No Application Default Credentials found on this computer: run"
        + " 'gcloud auth application-default login'");
  }

  @Test
  void looksWhereGcloudKeepsItsConfiguration() {
    assertThat(new CredentialsProbe(Map.of("CLOUDSDK_CONFIG", "/etc/gcloud")::get, home, false).wellKnownFile())
        .isEqualTo(Path.of("/etc/gcloud/application_default_credentials.json"));
    assertThat(new CredentialsProbe(Map.of("APPDATA", "/users/ann/AppData")::get, home, true).wellKnownFile())
        .isEqualTo(Path.of("/users/ann/AppData/gcloud/application_default_credentials.json"));
  }
}
