package corpus.indexer.source.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableKind;
import corpus.indexer.model.TableUsage;
import corpus.indexer.source.sample.SampleFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbSourceTest {

  @TempDir Path dir;

  @Test
  void overlaysBigQueryMetadataFromTheSample() throws Exception {
    RecordingSink crawl = SampleFixture.crawl();
    Table plays = crawl.table("soundwave-prod.listening.plays");
    Table metrics = crawl.table("soundwave-prod.creator.daily_creator_metrics");

    assertThat(plays.location()).isEqualTo("EU");
    assertThat(plays.labels()).containsEntry("owner", "playback-data").containsEntry("tier", "gold")
        .containsEntry("freshness", "daily-1000-cet");
    assertThat(plays.timePartitioning().requirePartitionFilter()).isTrue();
    assertThat(plays.creationTime()).isEqualTo(Instant.parse("2021-01-15T09:00:00Z"));
    assertThat(plays.numBytes()).isGreaterThan(plays.numRows() * 50);
    assertThat(fields(metrics).get("actions_received.metric_name").description())
        .isEqualTo("follow, save, share, profile_visit or playlist_add.");
    assertThat(fields(metrics).get("top_tracks.listener_countries.listeners").description()).isNotBlank();
    assertThat(crawl.table("soundwave-prod.marketing.campaigns").location()).isEqualTo("US");
    assertThat(crawl.table("soundwave-prod.support.callback_requests").expirationTime())
        .isEqualTo(Instant.parse("2025-03-31T00:00:00Z"));
  }

  @Test
  void viewsCarryTheirBigQuerySqlAndNoRowCount() throws Exception {
    Table view = SampleFixture.crawl().table("soundwave-prod.catalog.track_metadata_current");

    assertThat(view.kind()).isEqualTo(TableKind.VIEW);
    assertThat(view.viewQuery()).contains("FROM `soundwave-prod.catalog.track_metadata`");
    assertThat(view.numRows()).isNull();
    assertThat(fields(view).get("audio_features.tempo_bpm").type()).isEqualTo("FLOAT64");
  }

  @Test
  void usageComesFromTheJobHistoryAndDiffersAcrossTables() throws Exception {
    Map<String, TableUsage> usage = SampleFixture.crawl().usage.stream()
        .collect(Collectors.toMap(u -> u.table().toString(), u -> u));

    TableUsage plays = usage.get("soundwave-prod.listening.plays");
    TableUsage raw = usage.get("soundwave-raw.raw_partner.label_deliveries");
    assertThat(plays.queryCount()).isGreaterThan(raw.queryCount());
    assertThat(plays.distinctUsers()).isGreaterThan(1);
    assertThat(plays.lastQueried()).isBetween(Instant.parse("2024-12-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
  }

  @Test
  void crawlsAPlainDuckDbFileWithoutOverlay() throws Exception {
    Path file = dir.resolve("shop.duckdb");
    exec(file, """
        CREATE SCHEMA sales;
        CREATE SCHEMA empty_one;
        CREATE TABLE sales.orders (id BIGINT, name VARCHAR, ok BOOLEAN, tags VARCHAR[],
          buyer STRUCT("full name" VARCHAR, visits STRUCT("at" TIMESTAMP WITH TIME ZONE, pages INTEGER)[]),
          attrs MAP(VARCHAR, INTEGER), amount DECIMAL(10,2), blob BLOB);
        INSERT INTO sales.orders VALUES
          (1, 'ab', true, ['x', 'yz'], {'full name': 'Ann', 'visits': [{'at': TIMESTAMPTZ '2024-01-01 00:00:00+00', 'pages': 3}]},
           MAP {'k': 1}, 12.50, '\\x01\\x02'::BLOB),
          (2, NULL, NULL, [], NULL, NULL, NULL, NULL);
        COMMENT ON TABLE sales.orders IS 'Orders of the web shop';
        COMMENT ON COLUMN sales.orders.name IS 'Customer name';
        CREATE VIEW sales.big_orders AS SELECT id, amount FROM sales.orders WHERE amount > 10;
        """);
    RecordingSink sink = new RecordingSink();

    new DuckDbSource(file).crawl(sink, (s, d, t) -> {});

    assertThat(sink.datasets).extracting(Dataset::id).containsExactlyInAnyOrder("shop.sales", "shop.empty_one");
    Table orders = sink.table("shop.sales.orders");
    assertThat(orders.description()).isEqualTo("Orders of the web shop");
    assertThat(orders.numRows()).isEqualTo(2);
    // BigQuery data sizes. Row 1: id 8 + name 2+2 + ok 1 + tags (2+1)+(2+2)
    //   + buyer (name 2+3, one visit 8+8) + attrs (key 2+1, value 8) + amount 16 + blob 2+2 = 72.
    // Row 2: id 8, NULLs and the empty list count 0.
    assertThat(orders.numBytes()).isEqualTo(80);
    Map<String, Field> f = fields(orders);
    assertThat(f.get("name").description()).isEqualTo("Customer name");
    assertThat(f.get("buyer.visits").isRepeated()).isTrue();
    assertThat(f.get("buyer.visits.at").type()).isEqualTo("TIMESTAMP");
    assertThat(f.get("buyer.full name").type()).isEqualTo("STRING");
    assertThat(f.get("attrs.value").type()).isEqualTo("INT64");
    assertThat(f.get("amount").type()).isEqualTo("NUMERIC");
    assertThat(f.get("blob").type()).isEqualTo("BYTES");
    assertThat(orders.location()).isNull();
    assertThat(sink.table("shop.sales.big_orders").kind()).isEqualTo(TableKind.VIEW);
    assertThat(sink.usage).isEmpty();
    assertThat(sink.problems).isEmpty();
  }

  @Test
  void reportsAViewThatCannotBeReadAndCrawlsTheRest() throws Exception {
    Path file = dir.resolve("broken.duckdb");
    exec(file, """
        CREATE TABLE gone (a INTEGER);
        CREATE TABLE kept (a INTEGER);
        CREATE VIEW stale AS SELECT a FROM gone;
        DROP TABLE gone;
        """);
    RecordingSink sink = new RecordingSink();

    new DuckDbSource(file).crawl(sink, (s, d, t) -> {});

    assertThat(sink.tables).extracting(t -> t.id().toString()).containsExactly("broken.main.kept");
    assertThat(sink.datasets).extracting(Dataset::id).containsExactly("broken.main");
    assertThat(sink.problems).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(file.toString());
      assertThat(p.reason()).contains("view main.stale").contains("gone");
    });
  }

  @Test
  void aMissingFileFailsNamingTheFile() {
    Path file = dir.resolve("nope.duckdb");

    assertThatThrownBy(() -> new DuckDbSource(file).crawl(new RecordingSink(), (s, d, t) -> {}))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not found");
  }

  @Test
  void aCorruptFileFailsNamingTheFile() throws Exception {
    Path file = dir.resolve("corrupt.duckdb");
    Files.writeString(file, "this is not a database ".repeat(500));

    assertThatThrownBy(() -> new DuckDbSource(file).crawl(new RecordingSink(), (s, d, t) -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("DuckDB");
  }

  @Test
  void skipsReadingTablesTheSinkAlreadyHoldsFromTheSameFile() throws Exception {
    Path file = dir.resolve("again.duckdb");
    exec(file, "CREATE SCHEMA s; CREATE TABLE s.t (a INTEGER);");
    RecordingSink first = new RecordingSink();
    new DuckDbSource(file).crawl(first, (s, d, t) -> {});
    String[] announced = new String[2];
    RecordingSink unchanged = new RecordingSink() {
      @Override
      public boolean beginOrigin(String origin, String fingerprint) {
        announced[0] = origin;
        announced[1] = fingerprint;
        return true;
      }
    };

    new DuckDbSource(file).crawl(unchanged, (s, d, t) -> {});

    assertThat(first.tables).hasSize(1);
    assertThat(unchanged.tables).isEmpty();
    assertThat(unchanged.datasets).extracting(Dataset::id).containsExactly("again.s");
    assertThat(announced[0]).isEqualTo(file.toString());
    assertThat(announced[1]).isEqualTo(Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis());
  }

  @Test
  void namesItsSpecAfterTheFile() {
    assertThat(new DuckDbSource(Path.of("/data/w.duckdb")).spec()).isEqualTo("duckdb:/data/w.duckdb");
  }

  private static Map<String, Field> fields(Table t) {
    return t.flatFields().stream().collect(Collectors.toMap(Field.Flat::path, Field.Flat::field));
  }

  private static void exec(Path file, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
