package corpus.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionStoreTest {

  @TempDir Path dir;

  private ConnectionStore store(String instant) {
    return new ConnectionStore(dir.resolve("settings/bigquery-connections.json"),
        Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  @Test
  void remembersConnectionsMostRecentFirstAndReplacesOneToTheSameProjects() throws Exception {
    ConnectionSettings lake = new ConnectionSettings(List.of("acme-lake"), null, null, 30);
    ConnectionSettings analytics = new ConnectionSettings(List.of("acme-analytics"), Path.of("/keys/corpus.json"),
        URI.create("http://127.0.0.1:9050"), 7);
    store("2026-11-20T10:00:00Z").save(lake);
    store("2026-11-21T10:00:00Z").save(analytics);
    store("2026-11-22T10:00:00Z").save(new ConnectionSettings(List.of("acme-lake"), null, null, 0));

    assertThat(store("2026-11-23T00:00:00Z").load()).containsExactly(
        new ConnectionSettings(List.of("acme-lake"), null, null, 0), analytics);
    String json = Files.readString(dir.resolve("settings/bigquery-connections.json"));
    assertThat(json).contains("\"lastCrawled\" : \"2026-11-22T10:00:00Z\"", "\"lastCrawled\" : \"2026-11-21T10:00:00Z\"");
  }

  @Test
  void storesTheKeyFilePathButNeverItsContents() throws Exception {
    Path key = dir.resolve("key.json");
    Files.writeString(key, "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----abc\"}");
    store("2026-11-22T10:00:00Z").save(new ConnectionSettings(List.of("acme-analytics"), key, null, 30));

    String json = Files.readString(dir.resolve("settings/bigquery-connections.json"));
    assertThat(json).contains(key.toString()).doesNotContain("PRIVATE KEY", "service_account");
  }

  @Test
  void ignoresUnknownFieldsFromANewerCorpus() throws Exception {
    Path file = dir.resolve("settings/bigquery-connections.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        {"version": 2, "theme": "dark", "connections": [
          {"projects": ["acme-analytics"], "region": "EU", "jobHistoryDays": 14, "future": {"x": 1}},
          {"projects": []}
        ]}""");

    assertThat(store("2026-11-22T10:00:00Z").load()).containsExactly(
        new ConnectionSettings(List.of("acme-analytics"), null, null, 14));
  }

  @Test
  void aDamagedFileReadsAsNoConnections() throws Exception {
    Path file = dir.resolve("settings/bigquery-connections.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{not json");

    assertThat(store("2026-11-22T10:00:00Z").load()).isEmpty();
  }
}
