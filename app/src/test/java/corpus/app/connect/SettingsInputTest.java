package corpus.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SettingsInputTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      acme-analytics                   | acme-analytics
      ' acme-analytics , acme-lake '   | acme-analytics;acme-lake
      acme-analytics acme-lake         | acme-analytics;acme-lake
      acme-analytics,acme-analytics    | acme-analytics
      example.com:legacy-project       | example.com:legacy-project
      """)
  void readsProjectListsSeparatedByCommasOrSpaces(String text, String expected) {
    assertThat(SettingsInput.problem(text, false, "", "")).isEmpty();
    assertThat(String.join(";", SettingsInput.projects(text))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      ''                | Enter the id of the BigQuery project
      Acme              | 'Acme' is not a project id
      ab                | 'ab' is not a project id
      my_project        | 'my_project' is not a project id
      1project          | '1project' is not a project id
      """)
  void explainsProjectIdsThatCannotBeRight(String text, String expected) {
    assertThat(SettingsInput.problem(text, false, "", "")).get().asString().startsWith(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      http://127.0.0.1:9050          | http://127.0.0.1:9050
      http://127.0.0.1:9050/         | http://127.0.0.1:9050
      HTTPS://proxy.example.com/bq/  | https://proxy.example.com/bq
      """)
  void normalisesEndpoints(String text, String expected) {
    assertThat(SettingsInput.problem("acme-analytics", false, "", text)).isEmpty();
    assertThat(SettingsInput.parse("acme-analytics", false, "", text, 30).endpoint()).isEqualTo(URI.create(expected));
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      127.0.0.1:9050
      ftp://127.0.0.1
      http://
      http://127.0.0.1:9050?x=1
      """)
  void refusesEndpointsThatAreNotWebUrls(String text) {
    assertThat(SettingsInput.problem("acme-analytics", false, "", text)).get().asString()
        .startsWith("The endpoint must be an http or https URL");
  }

  @Test
  void usesTheKeyFileOnlyWhenChosen() {
    assertThat(SettingsInput.problem("acme-analytics", true, " ", "")).get().asString()
        .startsWith("Choose the service-account key file");
    assertThat(SettingsInput.parse("acme-analytics", false, "/keys/k.json", "", 30).keyFile()).isNull();
    assertThat(SettingsInput.parse("acme-analytics", true, "/keys/k.json", "", 30).keyFile())
        .isEqualTo(Path.of("/keys/k.json"));
  }
}
