package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.AcmeProject.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import corpus.indexer.cli.CorpusCli;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.TableId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The options of a {@code bigquery:} source spec, through the real command line against the fake server. */
@Tag("bigquery")
class BigQuerySpecTest {

  @TempDir Path dir;

  @Test
  void optionsOfTheSpecReachTheCrawl() throws Exception {
    try (FakeBigQueryServer server = FakeBigQueryServer.start()) {
      AcmeProject.load(server);
      StringWriter err = new StringWriter();
      CommandLine cli = CorpusCli.commandLine();
      cli.setErr(new PrintWriter(err));
      cli.setOut(new PrintWriter(new StringWriter()));
      int status = cli.execute("index", "--index-dir", dir.resolve("index").toString(), "--source",
          "bigquery:" + PROJECT + "?endpoint=" + server.endpoint() + "&metadata=api&jobs-days=0&threads=2");

      assertThat(status).as(err.toString()).isZero();
      // metadata=api: no query job was sent (INFORMATION_SCHEMA and job history are queries)
      assertThat(server.requests()).noneMatch(r -> r.contains("/queries") || r.contains("/jobs"));
    }
    try (LuceneCatalog catalog = LuceneCatalog.open(dir.resolve("index"))) {
      assertThat(catalog.table(TableId.parse(PROJECT + ".published_core.plays"))).isPresent();
    }
  }

  @Test
  void aWrongOptionIsNamed() {
    assertThatThrownBy(() -> BigQuerySource.fromSpec(PROJECT + "?jobs=7"))
        .hasMessageContaining("option 'jobs' is unknown");
    assertThatThrownBy(() -> BigQuerySource.fromSpec(PROJECT + "?metadata=fast"))
        .hasMessageContaining("metadata=information-schema or metadata=api");
    assertThatThrownBy(() -> BigQuerySource.fromSpec(PROJECT + "?jobs-days=week"))
        .hasMessageContaining("jobs-days=week: expected a whole number");
    assertThat(BigQuerySource.fromSpec(PROJECT + ",other?jobs-region=EU").spec())
        .isEqualTo("bigquery:" + PROJECT + ",other");
  }
}
