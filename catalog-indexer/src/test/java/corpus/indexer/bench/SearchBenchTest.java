package corpus.indexer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.index.FixtureCatalog;
import corpus.indexer.progress.ProgressListener;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchBenchTest {

  @TempDir Path work;

  @Test
  void buildsQueriesAndReportsTheFirstQueriesApartFromTheSteadyState() throws Exception {
    Map<String, Object> figures = new SearchBench(ProgressListener.NONE)
        .run(FixtureCatalog.sources(), work, new SearchBench.Options(200, 50, 42, 2, false, false, false, false));

    assertThat(figures.get("tables")).isEqualTo(5L);
    assertThat(figures.get("fields")).isEqualTo(21L);
    assertThat(((Percentiles) figures.get("searchFirstQueries")).count()).isEqualTo(50);
    assertThat(((Percentiles) figures.get("search")).count()).isEqualTo(200);
    assertThat(figures.get("warmUpQueries")).isEqualTo(50);
    assertThat(figures).containsKeys("compilingMsDuringQueries", "openToFirstResultMs", "autocomplete");
  }

  @Test
  void reusesTheCatalogItBuiltAndWarmsUpExactlyAsAskedWithoutSettling() throws Exception {
    new SearchBench(ProgressListener.NONE)
        .run(FixtureCatalog.sources(), work, new SearchBench.Options(20, 10, 42, 2, false, false, false, false));
    Map<String, Object> again = new SearchBench(ProgressListener.NONE)
        .run(FixtureCatalog.sources(), work, new SearchBench.Options(20, 10, 42, 2, false, false, true, false));

    assertThat(again).doesNotContainKey("tables").containsKey("index");
    assertThat(again.get("warmUpQueries")).isEqualTo(10);
  }
}
