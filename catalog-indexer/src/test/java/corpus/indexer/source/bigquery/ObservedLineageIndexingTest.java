package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.AcmeProject.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.search.SearchHit;
import corpus.indexer.search.SearchRequest;
import corpus.lineage.graph.LineageEdge;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job-history lineage from the fake server through the real indexer into search and the lineage graph. */
@Tag("bigquery")
class ObservedLineageIndexingTest {

  @TempDir Path index;

  @Test
  void observedEdgeIsSearchableAndInTheLineageGraphWithItsOrigin() throws Exception {
    Instant last = Instant.parse("2026-11-21T04:05:06Z");
    try (FakeBigQueryServer server = FakeBigQueryServer.start()) {
      AcmeProject.load(server);
      JobHistoryStubs.usage(server, List.of());
      JobHistoryStubs.edges(server, List.of(JobHistoryStubs.edge("raw_events.clickstream_gcs", "published_core.plays",
          91, 1, 5_000_000_000L, last, "bquxjob_5f1c2a_0193", "INSERT")));
      new Indexer(index).run(List.of(new BigQuerySource(List.of(PROJECT), server.connection(PROJECT),
          CrawlOptions.defaults().withUsageWindow(Duration.ofDays(30)))), ProgressListener.NONE);
    }

    try (LuceneCatalog catalog = LuceneCatalog.open(index)) {
      assertThat(ids(catalog, "upstream:acme-analytics.published_core.plays")).containsExactlyInAnyOrder(
          "acme-analytics.raw_events.clickstream_gcs",
          "pipeline:job:acme-analytics.raw_events.clickstream_gcs>acme-analytics.published_core.plays");
      assertThat(ids(catalog, "downstream:acme-analytics.raw_events.clickstream_gcs kind:table"))
          .containsExactly("acme-analytics.published_core.plays");
      assertThat(catalog.pipelinesFor(TableId.parse("acme-analytics.published_core.plays")))
          .singleElement().satisfies(p -> {
            assertThat(p.observed()).isTrue();
            assertThat(p.description()).contains("91 query jobs by 1 user").contains("no column lineage");
          });

      List<LineageEdge> up = List.copyOf(catalog.lineageGraph().upstream("acme-analytics.published_core.plays", 1));
      assertThat(up).singleElement().satisfies(e -> {
        assertThat(e.from()).isEqualTo("acme-analytics.raw_events.clickstream_gcs");
        assertThat(e.kind()).isEqualTo(LineageEdge.Kind.TABLE);
        assertThat(e.origin().statementKind()).isEqualTo("insert");
        assertThat(e.origin().source()).isEqualTo("acme-analytics.region-eu.INFORMATION_SCHEMA.JOBS"
            + " · job bquxjob_5f1c2a_0193 · 91 jobs by 1 user · last seen 2026-11-21T04:05:06Z");
      });
      assertThat(catalog.search(SearchRequest.of("clickstream_gcs plays", 20)).hits())
          .extracting(SearchHit::snippet).anySatisfy(s -> assertThat(s).startsWith("observed · job"));
    }
  }


  private static List<String> ids(LuceneCatalog catalog, String query) throws Exception {
    return catalog.search(SearchRequest.of(query, 50)).hits().stream().map(SearchHit::id).toList();
  }
}
