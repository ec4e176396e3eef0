package corpus.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.task.Debouncer;
import corpus.app.task.TaskExecutor;
import corpus.indexer.warehouse.Hint;
import corpus.indexer.warehouse.Pricing;
import corpus.indexer.warehouse.QueryHistory;
import corpus.indexer.warehouse.TableCost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench view models on a real DuckDB warehouse and catalog, without a toolkit. */
class WorkbenchViewModelTest {

  @TempDir static Path dir;
  private static WorkbenchFixture fixture;
  private WorkbenchViewModel workbench;

  @BeforeAll
  static void warehouse() throws Exception {
    fixture = WorkbenchFixture.create(dir);
  }

  @AfterAll
  static void close() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void open() {
    workbench = new WorkbenchViewModel(TaskExecutor.currentThread(), Debouncer::immediate, catalog ->
        fixture.session(), Clock.systemUTC());
    workbench.catalogProperty().set(fixture.catalog());
    workbench.open();
  }

  @AfterEach
  void closeWorkbench() {
    workbench.close();
  }

  private QueryTabViewModel tab() {
    return workbench.selectedProperty().get();
  }

  @Test
  void estimatesAsTheUserTypesWithABreakdownPerTable() {
    tab().sqlProperty().set(WorkbenchFixture.QUERY);

    assertThat(tab().summaryProperty().get()).startsWith("This query will process ").contains("≈ $")
        .contains("10 MB billed");
    TableCost plays = tab().tables().getFirst();
    assertThat(plays.table()).isEqualTo(WorkbenchFixture.PLAYS);
    assertThat(plays.columns()).containsExactlyInAnyOrder("track_id", "ms");
    assertThat(plays.partitionsScanned()).isEqualTo(30);
    assertThat(plays.partitionsTotal()).isEqualTo(30);
    assertThat(tab().problems()).isEmpty();
  }

  @Test
  void applyingThePartitionFilterHintReadsFewerPartitions() {
    tab().sqlProperty().set(WorkbenchFixture.QUERY);
    long before = tab().estimateProperty().get().cost().bytesProcessed();
    Hint hint = tab().hints().stream().filter(h -> h.kind() == Hint.Kind.NO_PARTITION_FILTER).findFirst()
        .orElseThrow();

    tab().apply(hint);

    assertThat(tab().sqlProperty().get()).contains("WHERE").contains("play_date >= DATE_SUB(CURRENT_DATE(), "
        + "INTERVAL 7 DAY)");
    assertThat(tab().tables().getFirst().partitionsScanned()).isLessThan(30);
    assertThat(tab().estimateProperty().get().cost().bytesProcessed()).isLessThan(before);
    assertThat(tab().hints()).noneMatch(h -> h.kind() == Hint.Kind.NO_PARTITION_FILTER);
  }

  @Test
  void showsUnknownColumnsAtTheirLineAndColumn() {
    tab().sqlProperty().set("SELECT track_id,\n  no_such_column\nFROM `" + WorkbenchFixture.PLAYS + "`");

    assertThat(tab().problems()).anySatisfy(p -> {
      assertThat(p.message()).contains("no_such_column");
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.column()).isEqualTo(3);
    });
  }

  @Test
  void runsTheQueryShowsRowsAndRecordsItInTheHistory() {
    tab().sqlProperty().set(WorkbenchFixture.QUERY + " WHERE play_date = '2024-12-31' ORDER BY ms");

    tab().run();

    assertThat(tab().resultProperty().get().rows()).hasSize(40);
    assertThat(tab().resultProperty().get().columns()).extracting(c -> c.name()).containsExactly("track_id", "ms");
    assertThat(tab().runStatusProperty().get()).startsWith("40 rows in ").contains("10 MB billed");
    assertThat(tab().runFailedProperty().get()).isFalse();
    assertThat(workbench.history().getFirst().status()).isEqualTo(QueryHistory.Status.SUCCEEDED);
    assertThat(workbench.history().getFirst().bytesBilled()).isEqualTo(10L << 20);
    assertThat(workbench.spendProperty().get()).hasSize(WorkbenchViewModel.SPEND_DAYS);
  }

  @Test
  void refusesWritesUntilWritingIsSwitchedOnForTheTab() {
    tab().sqlProperty().set("DELETE FROM `" + WorkbenchFixture.PLAYS + "` WHERE play_date = '2024-12-01'");

    tab().run();

    assertThat(tab().runFailedProperty().get()).isTrue();
    assertThat(tab().runStatusProperty().get()).contains("Writing is off");
    assertThat(workbench.history().getFirst().status()).isEqualTo(QueryHistory.Status.REFUSED);
  }

  @Test
  void asksBeforeRunningAboveTheThresholdAndRefusesOverTheBudget() {
    workbench.guardrails().confirmAboveProperty().set(Pricing.MIB);
    tab().sqlProperty().set(WorkbenchFixture.QUERY);

    tab().run();

    assertThat(tab().confirmationProperty().get()).contains("This query will bill 10 MB").contains("Run it anyway?");
    assertThat(tab().resultProperty().get()).isNull();
    tab().confirmRun();
    assertThat(tab().resultProperty().get().totalRows()).isEqualTo(1200);

    workbench.guardrails().maxBytesBilledProperty().set(Pricing.MIB);
    tab().run();
    assertThat(tab().runStatusProperty().get()).contains("over the budget of 1 MB");
  }

  @Test
  void queryThisTableStartsFromItsColumnsAndAPartitionFilter() {
    workbench.queryTable(corpus.indexer.model.TableId.parse(WorkbenchFixture.PLAYS));

    assertThat(tab().titleProperty().get()).isEqualTo("plays");
    assertThat(tab().sqlProperty().get()).startsWith("SELECT\n  play_date,\n  track_id,")
        .contains("FROM `soundwave-prod.listening.plays`\nWHERE play_date >= DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY)");
    assertThat(tab().problems()).isEmpty();
    assertThat(tab().tables().getFirst().partitionsScanned()).isEqualTo(7);
  }

  @Test
  void exportsTheResultAsCsvAndJson() throws Exception {
    tab().sqlProperty().set("SELECT track_id, actions FROM `" + WorkbenchFixture.PLAYS + "` "
        + "WHERE play_date = '2024-12-31' ORDER BY ms LIMIT 2");
    tab().run();

    Path csv = dir.resolve("out.csv");
    Path json = dir.resolve("out.json");
    tab().export(ResultExport.Format.CSV, csv);
    tab().export(ResultExport.Format.JSON, json);

    assertThat(Files.readAllLines(csv)).first().isEqualTo("track_id,actions");
    assertThat(Files.readAllLines(csv)).hasSize(3).element(1).asString()
        .contains("\"[{\"\"name\"\":\"\"like\"\",\"\"value\"\":");
    assertThat(Files.readString(json)).startsWith("[\n  {\"track_id\":\"track-").contains("\"actions\":[{\"name\":");
    assertThat(tab().runStatusProperty().get()).isEqualTo("Saved 2 rows to out.json");
  }

  @Test
  void previewsTheFirstRowsForFreeWithoutRecordingARun() {
    TablePreviewViewModel preview = new TablePreviewViewModel(TaskExecutor.currentThread(), workbench);
    int runs = workbench.history().size();

    preview.preview(corpus.indexer.model.TableId.parse(WorkbenchFixture.PLAYS));

    assertThat(preview.resultProperty().get().rows()).hasSize(TablePreviewViewModel.ROWS);
    assertThat(preview.statusProperty().get()).isEqualTo("First 100 rows · free: a preview runs no query");
    workbench.refreshHistory();
    assertThat(workbench.history()).hasSize(runs);
  }

  @Test
  void completesTablesAndColumnsFromTheCatalog() {
    tab().sqlProperty().set("SELECT track_id FROM pla");

    tab().complete(fixture.catalog(), tab().sqlProperty().get().length());

    assertThat(tab().completions()).contains(new SqlCompletion.Suggestion(WorkbenchFixture.PLAYS, true));
    tab().acceptCompletion(new SqlCompletion.Suggestion(WorkbenchFixture.PLAYS, true));
    assertThat(tab().sqlProperty().get()).isEqualTo("SELECT track_id FROM `" + WorkbenchFixture.PLAYS + "`");
    assertThat(tab().problems()).isEmpty();
  }

  @Test
  void togglesCommentsOnTheSelectedLines() {
    tab().sqlProperty().set("SELECT 1\nFROM x");

    tab().toggleComment(0, 10);
    assertThat(tab().sqlProperty().get()).isEqualTo("-- SELECT 1\n-- FROM x");
    tab().toggleComment(0, 3);
    assertThat(tab().sqlProperty().get()).isEqualTo("SELECT 1\n-- FROM x");
  }
}
