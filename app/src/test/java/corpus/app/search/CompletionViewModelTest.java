package corpus.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.task.TaskExecutor;
import corpus.app.testing.ManualExecutor;
import corpus.app.testing.SmallCatalog;
import corpus.indexer.catalog.CatalogReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionViewModelTest {

  @TempDir static Path indexDir;
  private static CatalogReader catalog;

  private final CompletionViewModel completion =
      new CompletionViewModel(TaskExecutor.currentThread(), () -> catalog, Map::of);

  @BeforeAll
  static void buildCatalog() throws Exception {
    catalog = SmallCatalog.build(indexDir);
  }

  @AfterAll
  static void closeCatalog() throws Exception {
    catalog.close();
  }

  @Test
  void offersNamesThatContinueTheLastWord() {
    completion.update("plays metric");

    assertThat(completion.suggestions()).contains("actions_received.metric_name", "actions_received.metric_value")
        .allSatisfy(s -> assertThat(CompletionViewModel.completes(s.toLowerCase(), "metric")).isTrue());
  }

  @Test
  void offersFilterKeysBeforeNames() {
    completion.update("tier:gold ow");

    assertThat(completion.suggestions()).startsWith("owner:");
    assertThat(completion.accept("tier:gold ow", 0)).isEqualTo("tier:gold owner:");
  }

  @Test
  void altArrowsMoveTheHighlightAndAboveTheFirstNothingIsChosen() {
    completion.update("track");
    assertThat(completion.hasSelection()).isFalse();

    completion.selectNext();
    completion.selectPrevious();

    assertThat(completion.hasSelection()).isFalse();
    completion.selectNext();
    assertThat(completion.hasSelection()).isTrue();
    assertThat(completion.accept("track", completion.selectedIndexProperty().get()))
        .isEqualTo(completion.suggestions().getFirst() + " ");
  }

  @Test
  void nothingAfterASpaceOrInsideAPhrase() {
    completion.update("track ");
    assertThat(completion.suggestions()).isEmpty();
    completion.update("\"track met");
    assertThat(completion.suggestions()).isEmpty();
  }

  @Test
  void aLookupOvertakenByTheNextKeystrokeIsNeverShown() {
    ManualExecutor background = new ManualExecutor();
    ManualExecutor ui = new ManualExecutor();
    CompletionViewModel racing = new CompletionViewModel(new TaskExecutor(background, ui), () -> catalog, Map::of);

    racing.update("metric");
    background.runAll(); // the first lookup finished; its answer waits for the UI thread
    racing.update("valid");
    background.runAll();
    ui.runAll();

    assertThat(racing.suggestions()).isNotEmpty().allSatisfy(s -> assertThat(s).contains("valid"));
  }

  @Test
  void dismissHidesAndDropsAPendingLookup() {
    ManualExecutor background = new ManualExecutor();
    ManualExecutor ui = new ManualExecutor();
    CompletionViewModel racing = new CompletionViewModel(new TaskExecutor(background, ui), () -> catalog, Map::of);

    racing.update("metric");
    racing.dismiss();
    background.runAll();
    ui.runAll();

    assertThat(racing.suggestions()).isEmpty();
  }
}
