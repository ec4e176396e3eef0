package corpus.app.scd;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.Navigator;
import corpus.app.task.TaskExecutor;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.scd.CheckResult;
import corpus.indexer.scd.EntityHistory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SCD page's view models on a real catalog and DuckDB warehouse, run on the calling thread. */
class ScdPageViewModelTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path dir;
  private static Path warehouse;
  private static LuceneCatalog catalog;
  private ScdPageViewModel vm;

  @BeforeAll
  static void build() throws Exception {
    warehouse = ScdTestCatalog.build(dir);
    ScdTestCatalog.index(dir);
    catalog = ScdTestCatalog.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    catalog.close();
  }

  @BeforeEach
  void page() {
    vm = new ScdPageViewModel(TaskExecutor.currentThread(), new Navigator(), ScdTestCatalog.connector(warehouse), CLOCK);
    vm.catalogProperty().set(catalog);
  }

  @Test
  void showsTheDeclaredKeyAndOneInputPerKeyColumn() {
    vm.load(ScdTestCatalog.TRACKS, ScdPageViewModel.Section.HISTORY);
    assertThat(vm.stateProperty().get()).isEqualTo(ScdPageViewModel.State.READY);
    assertThat(vm.summaryProperty().get()).isEqualTo("SCD type 2 · key: track_id · gaps not allowed");
    assertThat(vm.history().keyFields()).extracting(KeyField::column).containsExactly("track_id");
  }

  @Test
  void entityHistoryMarksTheChangedCellsOfEachVersion() {
    vm.load(ScdTestCatalog.TRACKS, ScdPageViewModel.Section.HISTORY);
    vm.history().keyFields().getFirst().valueProperty().set("tr_1");
    vm.history().show();

    EntityHistory h = vm.history().historyProperty().get();
    assertThat(h.lanes()).hasSize(1);
    assertThat(h.lanes().getFirst().versions()).hasSize(2);
    assertThat(h.lanes().getFirst().versions().get(1).changed()).containsExactly("title");
    assertThat(vm.history().sqlProperty().get()).contains("`track_id` = 'tr_1'");
    assertThat(vm.history().messageProperty().get()).isEqualTo("2 version(s) in 1 lane(s).");
    // the history query reads every column of the table (258 B, see the as-of test), estimated before it ran
    assertThat(vm.history().costProperty().get())
        .isEqualTo("Will process 258 B ≈ $0.0000 by BigQuery's on-demand rules; runs on test warehouse (DuckDB).");
  }

  @Test
  void inferredKeysAreVerifiedAndPartOfTheKeyGivesOneLanePerTerritory() {
    vm.load(ScdTestCatalog.RIGHTS, ScdPageViewModel.Section.HISTORY);
    assertThat(vm.summaryProperty().get()).startsWith("SCD type 2 · key: track_id, territory, rights_type (inferred, verified)");
    vm.history().keyFields().getFirst().valueProperty().set("tr_1");
    vm.history().show();

    EntityHistory h = vm.history().historyProperty().get();
    assertThat(h.lanes()).extracting(EntityHistory.Lane::label).containsExactly("tr_1 / DE / master", "tr_1 / DE / publishing",
        "tr_1 / FR / master");
    assertThat(h.lanes().getFirst().versions().get(1).overlapsPrevious()).isTrue();
  }

  @Test
  void asOfShowsTheSqlBeforeRunningAndARowOpensItsEntityHistory() {
    vm.load(ScdTestCatalog.TRACKS, ScdPageViewModel.Section.AS_OF);
    vm.asOf().dateProperty().set("2024-01-15");
    vm.asOf().preview();
    assertThat(vm.asOf().sqlProperty().get()).contains("FROM `soundwave-prod.catalog.track_metadata`")
        .contains("`valid_from` <= DATE '2024-01-15'");
    // SELECT * reads every column of the six rows by BigQuery's sizes: track_id 6 × (2 + 4) = 36, valid_from and
    // valid_to 6 × 8 each = 96, is_current and is_deleted 6 × 1 each = 12, title 17 + 18 + 12 + 12 + 10 + 10 = 79,
    // genre 5 + 5 + 6 + 7 + 6 + 6 = 35: 258 bytes
    assertThat(vm.asOf().costProperty().get())
        .isEqualTo("Will process 258 B ≈ $0.0000 by BigQuery's on-demand rules; runs on test warehouse (DuckDB).");
    assertThat(vm.asOf().rows()).isEmpty();

    vm.asOf().run();
    assertThat(vm.asOf().rows()).hasSize(3);
    int title = vm.asOf().columns().indexOf("title");
    assertThat(vm.asOf().rows()).extracting(r -> r.get(title)).containsExactly("Midnight Harbor", "Blue Lines", "Old Song");

    vm.openRow(List.copyOf(vm.asOf().columns()), vm.asOf().rows().getFirst());
    assertThat(vm.sectionProperty().get()).isEqualTo(ScdPageViewModel.Section.HISTORY);
    assertThat(vm.history().historyProperty().get().versionCount()).isEqualTo(2);
  }

  @Test
  void aBadDateIsOneSentenceAndNothingRuns() {
    vm.load(ScdTestCatalog.TRACKS, ScdPageViewModel.Section.AS_OF);
    vm.asOf().dateProperty().set("last tuesday");
    vm.asOf().preview();
    assertThat(vm.asOf().messageProperty().get()).isEqualTo("'last tuesday' is not a date such as 2024-02-01");
    assertThat(vm.asOf().previewedProperty().get()).isFalse();
  }

  @Test
  void healthCheckFindsTheGapWhereGapsAreNotAllowedAndTheDeletion() {
    vm.load(ScdTestCatalog.TRACKS, ScdPageViewModel.Section.HEALTH);
    vm.health().run();
    assertThat(vm.health().results().stream().filter(CheckResult::isFinding))
        .extracting(r -> r.check().id() + " " + r.examples())
        .containsExactly("gaps [tr_2]", "deleted_entities [tr_3]");
    assertThat(vm.health().summaryProperty().get()).isEqualTo("1 problem(s) found, 1 note(s).");
  }

  @Test
  void withoutAWarehouseTheTabsSaySoInWords() {
    ScdPageViewModel none = new ScdPageViewModel(TaskExecutor.currentThread(), new Navigator(), WarehouseConnector.NONE, CLOCK);
    none.catalogProperty().set(catalog);
    none.load(ScdTestCatalog.TRACKS, ScdPageViewModel.Section.HEALTH);
    none.health().run();
    assertThat(none.health().summaryProperty().get())
        .isEqualTo("The checks could not run: No warehouse is connected to this catalog, so its data cannot be queried.");
  }
}
