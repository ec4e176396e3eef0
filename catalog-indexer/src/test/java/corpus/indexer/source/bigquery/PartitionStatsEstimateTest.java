package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.AcmeProject.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.warehouse.Estimate;
import corpus.indexer.warehouse.MetadataWarehouse;
import corpus.indexer.warehouse.Pricing;
import corpus.indexer.warehouse.QueryEstimator;
import corpus.indexer.warehouse.TableCost;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-partition statistics crawled from the fake server drive a metadata-only estimate through the real index. */
@Tag("bigquery")
class PartitionStatsEstimateTest {

  @TempDir Path index;

  @Test
  void partitionFilterOnACrawledTableCostsThatPartitionsRealShare() throws Exception {
    Instant modified = Instant.parse("2026-11-21T23:00:00Z");
    try (FakeBigQueryServer server = FakeBigQueryServer.start()) {
      AcmeProject.load(server);
      FakeInformationSchema views = FakeInformationSchema.install(server);
      // plays: 98e9 rows in three day partitions holding 10 %, 30 % and 60 % of its bytes
      views.addPartition(PROJECT + ".published_core.plays", "20261119", 10_000_000_000L, 549_755_813_888L, modified);
      views.addPartition(PROJECT + ".published_core.plays", "20261120", 30_000_000_000L, 1_649_267_441_664L, modified);
      views.addPartition(PROJECT + ".published_core.plays", "20261121", 58_000_000_000L, 3_298_534_883_328L, modified);
      new Indexer(index).run(List.of(new BigQuerySource(List.of(PROJECT), server.connection(PROJECT),
          CrawlOptions.defaults().withUsageWindow(Duration.ZERO))), ProgressListener.NONE);
    }

    try (LuceneCatalog catalog = LuceneCatalog.open(index)) {
      QueryEstimator estimator = QueryEstimator.of(catalog, new MetadataWarehouse(), Pricing.DEFAULT, "EU", PROJECT);
      Estimate e = estimator.estimate(
          "SELECT ms_played FROM `acme-analytics.published_core.plays` WHERE play_date = '2026-11-21'");

      TableCost plays = e.cost().table("acme-analytics.published_core.plays");
      assertThat(plays.partitionsTotal()).isEqualTo(3);
      assertThat(plays.partitionsScanned()).isEqualTo(1);
      // ms_played and play_date are 8-byte columns: 16 B x 98e9 rows, 60 % of it in 20261121
      assertThat(plays.bytes()).isEqualTo(940_800_000_000L);
      assertThat(e.cost().exact()).isFalse();
    }
  }
}
