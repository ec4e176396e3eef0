package corpus.app.scd;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.MainWindow;
import corpus.app.Place;
import corpus.app.catalog.LuceneCatalogLoader;
import corpus.app.history.HistoryRecordingLoader;
import corpus.app.history.HistoryStore;
import corpus.app.task.FxDebouncer;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.Screenshots;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window over a small SCD warehouse: from the table page to an entity's history (changed
 * cells, timeline), to the table as of a date (SQL and cost first, then rows, then a row's history),
 * and the table's own catalog history tab.
 */
@UiTest
@ExtendWith(ApplicationExtension.class)
class ScdPageUiTest {

  @TempDir static Path dir;
  private static Path warehouse;

  private ExecutorService background;
  private MainWindow window;

  @BeforeAll
  static void warehouse() throws Exception {
    warehouse = ScdTestCatalog.build(dir);
  }

  @Start
  void start(Stage stage) {
    Theme.LIGHT.applyBase();
    background = NamedExecutors.cachedDaemonPool("corpus-scd-test-%02d");
    Path index = dir.resolve("index");
    Path db = dir.resolve("corpus.db");
    LuceneCatalogLoader catalog = new LuceneCatalogLoader(index, () -> List.of(ScdTestCatalog.source()));
    window = new MainWindow(new HistoryRecordingLoader(catalog, db, index), TaskExecutor.fx(background),
        new FxDebouncer(Duration.millis(100)), Theme.LIGHT);
    window.connectWarehouse(ScdTestCatalog.connector(warehouse), HistoryStore.sqlite(db, index));
    stage.setScene(window.scene());
    stage.setWidth(1280);
    stage.setHeight(820);
    stage.show();
    window.start();
  }

  @AfterEach
  void stop() throws Exception {
    WaitForAsyncUtils.asyncFx(window::close).get(5, TimeUnit.SECONDS);
    background.shutdownNow();
  }

  @Test
  void opensAnEntityHistoryWithTheChangedCellHighlightedAndItsTimeline(FxRobot robot) throws Exception {
    openTable(robot, ScdTestCatalog.TRACKS);
    waitUntil(() -> text(robot, "#scdLine").equals("SCD type 2 · key: track_id"));

    robot.clickOn("#entityHistoryButton");
    waitUntil(() -> robot.lookup("#key-track_id").tryQuery().isPresent());
    robot.clickOn("#key-track_id").write("tr_1");
    robot.clickOn("#showHistory");
    waitUntil(() -> text(robot, "#historyMessage").startsWith("2 version(s)"));
    waitUntil(() -> !robot.lookup(".changed-cell").queryAll().isEmpty()); // cells are styled when laid out

    assertThat(robot.lookup(".changed-cell").queryAll()).extracting(n -> ((javafx.scene.control.TableCell<?, ?>) n).getText())
        .containsExactly("Midnight Harbour");
    assertThat(robot.lookup(".timeline-version").queryAll()).hasSize(2);
    assertThat(robot.lookup(".timeline-current").queryAll()).hasSize(1);
    Screenshots.save(window.scene(), "scd-entity-history.png");

    TextField key = robot.lookup("#key-track_id").queryAs(TextField.class);
    robot.interact(key::clear); // on the FX thread: cleared from the test thread, the field raced its skin
    robot.clickOn("#key-track_id").write("tr_2");
    robot.clickOn("#showHistory");
    waitUntil(() -> !robot.lookup(".timeline-gap").queryAll().isEmpty());
    robot.interact(key::clear);
    robot.clickOn("#key-track_id").write("tr_3");
    robot.clickOn("#showHistory");
    waitUntil(() -> !robot.lookup(".timeline-deleted").queryAll().isEmpty());
  }

  @Test
  void showsTheSqlAndCostOfAnAsOfViewBeforeRunningItThenOpensARowsHistory(FxRobot robot) throws Exception {
    openTable(robot, ScdTestCatalog.TRACKS);
    waitUntil(() -> !text(robot, "#scdLine").isEmpty());
    robot.clickOn("#entityHistoryButton");
    waitUntil(() -> robot.lookup("#key-track_id").tryQuery().isPresent());
    robot.clickOn("As of");
    robot.lookup("#asOfDate").queryAs(javafx.scene.control.DatePicker.class);
    robot.interact(() -> robot.lookup("#asOfDate").queryAs(javafx.scene.control.DatePicker.class)
        .setValue(java.time.LocalDate.of(2024, 1, 15)));
    robot.clickOn("#asOfPreview");
    waitUntil(() -> robot.lookup("#asOfSql").queryAs(TextArea.class).getText().contains("DATE '2024-01-15'"));
    assertThat(text(robot, "#asOfCost")).as("the BigQuery-rules size of the whole table, see ScdPageViewModelTest")
        .startsWith("Will process 258 B ≈ $0.0000 by BigQuery's on-demand rules");
    TableView<?> rows = robot.lookup("#asOfRows").queryAs(TableView.class);
    assertThat(rows.getItems()).isEmpty();

    robot.clickOn("#asOfRun");
    waitUntil(() -> rows.getItems().size() == 3);
    Screenshots.save(window.scene(), "scd-as-of.png");

    robot.doubleClickOn(robot.lookup("#asOfRows .table-row-cell").nth(0).queryAs(Node.class));
    waitUntil(() -> text(robot, "#historyMessage").startsWith("2 version(s)"));
    assertThat(robot.lookup("#key-track_id").queryAs(TextField.class).getText()).isEqualTo("tr_1");
  }

  @Test
  void runsTheHealthCheckInOneClick(FxRobot robot) throws Exception {
    openTable(robot, ScdTestCatalog.RIGHTS);
    waitUntil(() -> !text(robot, "#scdLine").isEmpty());
    robot.clickOn("#healthCheckButton");
    waitUntil(() -> robot.lookup("#runChecks").tryQuery().map(Node::isVisible).orElse(false));
    robot.clickOn("#runChecks");
    waitUntil(() -> text(robot, "#healthSummary").contains("problem"));
    assertThat(text(robot, "#healthSummary")).isEqualTo("2 problem(s) found.");
    Screenshots.save(window.scene(), "scd-health-check.png");
  }

  @Test
  void theHistoryTabShowsTheRecordedVersionsOfTheTable(FxRobot robot) throws Exception {
    openTable(robot, ScdTestCatalog.TRACKS);
    robot.clickOn("History");
    ListView<?> versions = robot.lookup("#historyVersions").queryAs(ListView.class);
    waitUntil(() -> versions.getItems().size() == 1);
    ListView<?> diff = robot.lookup("#historyDiff").queryAs(ListView.class);
    waitUntil(() -> diff.getItems().size() == 1);
    assertThat(((corpus.indexer.history.Change) diff.getItems().getFirst()).text()).isEqualTo("table added to the catalog");
  }

  private void openTable(FxRobot robot, corpus.indexer.model.TableId id) throws Exception {
    waitUntil(() -> !robot.lookup("#catalogStatus").query().isVisible());
    robot.interact(() -> window.navigator().go(new Place.Table(id)));
  }

  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
      WaitForAsyncUtils.waitForFxEvents();
      return condition.getAsBoolean();
    });
  }
}
