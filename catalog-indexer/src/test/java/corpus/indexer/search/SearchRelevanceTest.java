package corpus.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.bench.RelevanceEval;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.docs.DocsSource;
import corpus.indexer.source.duckdb.DuckDbSource;
import corpus.indexer.source.pipeline.SqlSource;
import corpus.indexer.source.sample.SampleFixture;
import corpus.indexer.source.sample.SampleLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking quality users feel: 60 natural queries over the embedded sample warehouse with the
 * tables an analyst means (src/main/resources/corpus/indexer/bench/sample-eval.tsv).
 */
class SearchRelevanceTest {

  @TempDir static Path dir;
  static LuceneCatalog catalog;

  @BeforeAll
  static void indexTheSample() throws Exception {
    SampleLayout layout = SampleFixture.layout();
    new Indexer(dir).run(List.of(new DuckDbSource(layout.warehouse(), "sample"), new DocsSource(layout.docsDir()),
        new SqlSource(layout.pipelinesDir(), layout.pipelineTemplate())), ProgressListener.NONE);
    catalog = LuceneCatalog.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    catalog.close();
  }

  @Test
  void naturalQueriesFindTheTableAnAnalystMeans() throws Exception {
    List<RelevanceEval.Case> cases = RelevanceEval.load(RelevanceEval.SAMPLE_SET);
    RelevanceEval.Result result = RelevanceEval.run(cases, RelevanceEval.corpus(catalog));
    String misses = result.misses().stream()
        .map(o -> "  rank " + o.rank() + ": " + o.query().query() + " -> " + o.query().expected() + ", got " + o.top())
        .collect(Collectors.joining("\n"));
    System.out.printf("relevance over %d queries: MRR@10 %.3f, recall@3 %.3f%n%s%n", cases.size(),
        result.mrrAt10(), result.recallAt3(), misses);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
    assertThat(result.mrrAt10()).as("MRR@10\n" + misses).isGreaterThanOrEqualTo(0.85);
    assertThat(result.recallAt3()).as("recall@3\n" + misses).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void theDailyCreatorMetricsTableIsInTheTopThreeForCreatorPlaysPerDay() throws Exception {
    List<String> top = RelevanceEval.corpus(catalog).rank("creator plays per day");
    assertThat(top.subList(0, 3)).contains("soundwave-prod.creator.daily_creator_metrics");
  }

  @Test
  void exactNamesAndIdsComeFirst() throws Exception {
    assertThat(catalog.search(SearchRequest.of("user_accounts", 5)).hits().get(0).id())
        .isEqualTo("soundwave-prod.users.user_accounts");
    assertThat(catalog.search(SearchRequest.of("soundwave-prod.catalog.track_metadata", 5)).hits().get(0).id())
        .isEqualTo("soundwave-prod.catalog.track_metadata");
  }

  @Test
  void explainsWhyAHitRanks() throws Exception {
    String why = catalog.explain(SearchRequest.of("creator plays per day", 10), "soundwave-prod.creator.daily_creator_metrics");
    assertThat(why).contains("matches 3 of 3 words").contains("weight(").contains("name:creator");
  }
}
