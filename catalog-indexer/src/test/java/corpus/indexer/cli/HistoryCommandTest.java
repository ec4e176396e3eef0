package corpus.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The catalog's own history, recorded by the real {@code corpus index} over a modified export. */
class HistoryCommandTest {

  private static final String TABLE = "acme-prod.catalog.track_metadata";

  @TempDir Path dir;
  private String previousHome;

  @BeforeEach
  void home() {
    previousHome = System.getProperty("corpus.home");
    System.setProperty("corpus.home", dir.resolve("home").toString());
  }

  @AfterEach
  void restore() {
    if (previousHome == null) {
      System.clearProperty("corpus.home");
    } else {
      System.setProperty("corpus.home", previousHome);
    }
  }

  private static String export(String description, String fields, String labels) {
    return """
        {"tableReference": {"projectId": "acme-prod", "datasetId": "catalog", "tableId": "track_metadata"},
         "type": "TABLE", "description": "%s", "labels": {%s}, "location": "EU",
         "schema": {"fields": [%s]}}
        """.formatted(description, labels, fields);
  }

  private record Run(int code, String out, String err) {}

  private static Run corpus(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CorpusCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aRecrawlOfAModifiedExportRecordsTheExpectedSchemaDiff() throws Exception {
    Path exportDir = Files.createDirectories(dir.resolve("export"));
    Path index = dir.resolve("index");
    Files.writeString(exportDir.resolve("tracks.json"), export("Track versions.",
        """
        {"name": "track_id", "type": "STRING"}, {"name": "title", "type": "STRING"},
        {"name": "duration", "type": "INTEGER"}, {"name": "valid_from", "type": "DATE"}, {"name": "valid_to", "type": "DATE"}""",
        "\"tier\": \"silver\""));
    assertThat(corpus("index", "--index-dir", index.toString(), "--source", "export:" + exportDir).code()).isZero();

    Files.writeString(exportDir.resolve("tracks.json"), export("Track versions (SCD type 2).",
        """
        {"name": "track_id", "type": "STRING"}, {"name": "title", "type": "STRING", "description": "Title"},
        {"name": "duration", "type": "FLOAT"}, {"name": "genre", "type": "STRING"},
        {"name": "valid_from", "type": "DATE"}, {"name": "valid_to", "type": "DATE"}""",
        "\"tier\": \"gold\", \"scd\": \"type2\""));
    Run reindex = corpus("index", "--index-dir", index.toString(), "--source", "export:" + exportDir);
    assertThat(reindex.code()).isZero();
    assertThat(reindex.err()).contains("catalog history: 0 added, 1 changed, 0 removed");

    Run history = corpus("history", "--index-dir", index.toString(), TABLE, "--json");
    assertThat(history.code()).as(history.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(history.out());
    assertThat(json.get("table").asText()).isEqualTo(TABLE);
    JsonNode versions = json.get("versions");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("isCurrent").asBoolean()).isFalse();
    assertThat(versions.get(0).get("validTo").asText()).isEqualTo(versions.get(1).get("validFrom").asText());
    assertThat(versions.get(1).get("isCurrent").asBoolean()).isTrue();
    assertThat(versions.get(1).get("validTo").isNull()).isTrue();
    assertThat(texts(versions.get(0).get("changes"))).containsExactly("table added to the catalog");
    assertThat(texts(versions.get(1).get("changes"))).containsExactly(
        "field duration retyped INT64 NULLABLE → FLOAT64 NULLABLE",
        "field genre added (STRING NULLABLE)",
        "description changed",
        "description of field title added",
        "label scd set to type2",
        "label tier changed from silver to gold");
    assertThat(versions.get(1).get("changes").get(0).get("kind").asText()).isEqualTo("field_retyped");
  }

  @Test
  void diffsAnyTwoVersionsAndReportsARemovedField() throws Exception {
    Path exportDir = Files.createDirectories(dir.resolve("export"));
    Path index = dir.resolve("index");
    String[] schemas = {
      "{\"name\": \"track_id\", \"type\": \"STRING\"}, {\"name\": \"isrc\", \"type\": \"STRING\"}",
      "{\"name\": \"track_id\", \"type\": \"STRING\"}, {\"name\": \"isrc\", \"type\": \"STRING\"}, {\"name\": \"genre\", \"type\": \"STRING\"}",
      "{\"name\": \"track_id\", \"type\": \"STRING\"}, {\"name\": \"genre\", \"type\": \"STRING\"}"};
    for (String schema : schemas) {
      Files.writeString(exportDir.resolve("tracks.json"), export("Tracks.", schema, ""));
      assertThat(corpus("index", "--index-dir", index.toString(), "--source", "export:" + exportDir).code()).isZero();
    }

    Run diff = corpus("history", "--index-dir", index.toString(), TABLE, "--diff", "1", "3", "--json");
    JsonNode json = new ObjectMapper().readTree(diff.out());
    assertThat(texts(json.get("changes"))).containsExactly("field genre added (STRING NULLABLE)",
        "field isrc removed (was STRING NULLABLE)");

    Run text = corpus("history", "--index-dir", index.toString(), TABLE);
    assertThat(text.out()).contains("v1", "v2", "v3  ", "→ current", "field isrc removed");
  }

  @Test
  void aTableWithoutHistoryIsOneClearSentence() throws Exception {
    Path exportDir = Files.createDirectories(dir.resolve("export"));
    Files.writeString(exportDir.resolve("tracks.json"), export("Tracks.", "{\"name\": \"a\", \"type\": \"STRING\"}", ""));
    corpus("index", "--index-dir", dir.resolve("index").toString(), "--source", "export:" + exportDir);

    Run run = corpus("history", "--index-dir", dir.resolve("index").toString(), "acme-prod.catalog.nope");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("no recorded history of acme-prod.catalog.nope").doesNotContain("Exception");
  }

  private static List<String> texts(JsonNode changes) {
    List<String> out = new ArrayList<>();
    changes.forEach(c -> out.add(c.get("text").asText()));
    return out;
  }
}
