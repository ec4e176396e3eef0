package corpus.indexer.source.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second generation, replacing an outdated sample, produces exactly the same content. */
class SampleDeterminismTest {

  @TempDir static Path home;
  static SampleLayout second;

  @BeforeAll
  static void generateOverAnOutdatedSample() throws Exception {
    Path dir = home.resolve("sample");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("VERSION"), "generator 0\n");
    Files.writeString(dir.resolve("leftover.txt"), "from an older release");
    second = SampleWarehouse.ensure(dir, (stage, done, total) -> {});
  }

  @Test
  void replacesAnOutdatedSampleCompletely() throws Exception {
    assertThat(second.warehouse().resolveSibling("leftover.txt")).doesNotExist();
    assertThat(SampleWarehouse.isCurrent(home.resolve("sample"))).isTrue();
    try (Stream<Path> files = Files.list(home)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sample", "sample.lock");
    }
  }

  @Test
  void everyTableHasTheSameContentInTwoGenerations() throws Exception {
    Map<String, String> first = checksums(SampleFixture.layout().warehouse());
    Map<String, String> again = checksums(second.warehouse());

    assertThat(first).hasSizeGreaterThan(35).containsKey("_corpus_meta.jobs");
    assertThat(again).isEqualTo(first);
  }

  @Test
  void docsAndPipelinesAreIdenticalFiles() throws Exception {
    SampleLayout first = SampleFixture.layout();
    for (String folder : List.of("docs", "pipelines")) {
      Map<String, String> a = files(first.warehouse().resolveSibling(folder));
      Map<String, String> b = files(second.warehouse().resolveSibling(folder));
      assertThat(a).isNotEmpty();
      assertThat(b).isEqualTo(a);
    }
  }

  /** {@code schema.table} → row count and an order-independent hash of all rows. */
  private static Map<String, String> checksums(Path warehouse) throws Exception {
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    Map<String, String> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse, props)) {
      List<String> tables = SampleFixture.strings(c, "SELECT schema_name || '.' || table_name FROM duckdb_tables() ORDER BY 1");
      for (String t : tables) {
        out.put(t, SampleFixture.strings(c, "SELECT count(*) || ':' || CAST(sum(hash(t)) AS VARCHAR) FROM " + t + " t").getFirst());
      }
      List<String> views = SampleFixture.strings(c, "SELECT schema_name || '.' || view_name || '=' || sql FROM duckdb_views() WHERE NOT internal ORDER BY 1");
      out.put("views", String.join("\n", views));
    }
    return out;
  }

  private static Map<String, String> files(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }
}
