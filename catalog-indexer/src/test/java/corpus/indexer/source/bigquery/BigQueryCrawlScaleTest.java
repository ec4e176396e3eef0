package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.FakeResources.field;
import static corpus.indexer.source.bigquery.FakeResources.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableUsage;
import corpus.indexer.source.CatalogSink;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls a fake project of 10,000 tables (20 datasets × 500 in two regions, 14 fields each with a
 * nested record, 10 partitions each) through the real client and HTTP, once through the API and once
 * with region-level INFORMATION_SCHEMA queries, and records crawl time and peak heap in {@code
 * target/benchmarks/bigquery-crawl-api.txt} and {@code bigquery-crawl-information-schema.txt}.
 */
@Tag("bigquery")
class BigQueryCrawlScaleTest {

  private static final Logger LOG = LoggerFactory.getLogger(BigQueryCrawlScaleTest.class);
  private static final String PROJECT = "acme-lake";
  private static final int DATASETS = 20;
  private static final int TABLES_PER_DATASET = 500;
  private static final int PARTITIONS_PER_TABLE = 10;

  /** Counts what arrives without keeping it, as the indexer streams into Lucene. */
  private static final class CountingSink implements CatalogSink {
    final AtomicLong datasets = new AtomicLong();
    final AtomicLong tables = new AtomicLong();
    final AtomicLong fields = new AtomicLong();
    final AtomicLong problems = new AtomicLong();
    final AtomicLong partitions = new AtomicLong();

    @Override public void dataset(Dataset d) { datasets.incrementAndGet(); }
    @Override public void table(Table t) { tables.incrementAndGet(); fields.addAndGet(t.flatFields().size());
      partitions.addAndGet(t.partitions().size()); }
    @Override public void doc(Doc d) { }
    @Override public void usage(TableUsage u) { }
    @Override public void problem(Problem p) { problems.incrementAndGet(); }
  }

  @ParameterizedTest(name = "information schema: {0}")
  @ValueSource(booleans = {false, true})
  void crawlsTenThousandTablesWithinBoundedTimeAndMemory(boolean informationSchema) throws Exception {
    try (FakeBigQueryServer server = FakeBigQueryServer.start()) {
      FakeInformationSchema views = FakeInformationSchema.install(server);
      for (int d = 0; d < DATASETS; d++) {
        String dataset = "domain_%02d".formatted(d);
        server.addDataset(FakeResources.dataset(PROJECT, dataset, d % 2 == 0 ? "EU" : "europe-west1"));
        for (int t = 0; t < TABLES_PER_DATASET; t++) {
          String name = "table_%04d".formatted(t);
          server.addTable(table(dataset, name));
          for (int p = 0; p < PARTITIONS_PER_TABLE; p++) {
            views.addPartition(PROJECT + "." + dataset + "." + name, "202611%02d".formatted(p + 1), 12_345L,
                9_876_543L, Instant.parse("2026-11-21T00:00:00Z"));
          }
        }
      }
      CountingSink sink = new CountingSink();
      BigQuerySource source = new BigQuerySource(List.of(PROJECT), server.connection(PROJECT),
          CrawlOptions.defaults().withUsageWindow(Duration.ZERO).withInformationSchema(informationSchema));
      System.gc();
      List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP).toList();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();

      source.crawl(sink, corpus.indexer.progress.ProgressListener.NONE);

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      assertThat(sink.tables.get()).isEqualTo(10_000);
      assertThat(sink.datasets.get()).isEqualTo(DATASETS);
      assertThat(sink.fields.get()).isEqualTo(10_000L * 14);
      assertThat(sink.partitions.get()).isEqualTo(informationSchema ? 10_000L * PARTITIONS_PER_TABLE : 0);
      assertThat(sink.problems.get()).isZero();
      assertThat(took).isLessThan(Duration.ofSeconds(90));
      writeFigures(informationSchema, took, peak, server.requests().size(), server.count("POST /projects/.*/queries"));
    }
  }

  private static ObjectNode table(String dataset, String name) {
    ObjectNode t = FakeResources.table(PROJECT, dataset, name, "TABLE");
    t.put("description", "Synthetic table " + name + " of " + dataset + ".");
    t.put("numRows", "123456");
    t.put("numBytes", "98765432");
    t.putObject("timePartitioning").put("type", "DAY").put("field", "event_date");
    t.putObject("clustering").putArray("fields").add("user_id");
    return FakeResources.withFields(t,
        field("event_date", "DATE", "REQUIRED", "Partition day."),
        field("user_id", "STRING", "NULLABLE", "Pseudonymous user id."),
        field("event_name", "STRING", "NULLABLE", null),
        field("value", "FLOAT", "NULLABLE", null),
        record("context", "NULLABLE", "Where the event happened.",
            field("country", "STRING", "NULLABLE", null), field("city", "STRING", "NULLABLE", null),
            field("device", "STRING", "NULLABLE", null), field("app_version", "STRING", "NULLABLE", null)),
        field("ingested_at", "TIMESTAMP", "NULLABLE", null),
        field("source", "STRING", "NULLABLE", null),
        field("is_test", "BOOLEAN", "NULLABLE", null),
        field("attempt", "INTEGER", "NULLABLE", null),
        field("payload", "JSON", "NULLABLE", null));
  }

  private static void writeFigures(boolean informationSchema, Duration took, long peakHeap, int requests,
      long queries) throws IOException {
    String path = informationSchema ? "information-schema" : "api";
    String line = ("bigquery crawl (%s path) of 10,000 tables (20 datasets x 500 in 2 regions, 14 fields each,"
        + " %d partitions each) against the local fake server: %.1f s, %d HTTP requests of which %d queries,"
        + " peak heap %d MB (client and fake server in one JVM), %d cores%n")
        .formatted(path, PARTITIONS_PER_TABLE, took.toMillis() / 1000.0, requests, queries,
            peakHeap / (1024 * 1024), Runtime.getRuntime().availableProcessors());
    Path out = Path.of("target", "benchmarks", "bigquery-crawl-" + path + ".txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, line);
    LOG.warn(line.strip());
  }
}
