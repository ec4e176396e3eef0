package corpus.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.task.FxDebouncer;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.Screenshots;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterAll;
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
 * The workbench in a real window over a sample-like DuckDB warehouse: type a query, watch the estimate appear,
 * apply the partition-filter hint, watch the estimate drop, run it with Ctrl+Enter and see rows.
 */
@UiTest
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {

  @TempDir static Path dir;
  private static WorkbenchFixture fixture;

  private ExecutorService background;
  private WorkbenchViewModel viewModel;
  private Scene scene;

  @BeforeAll
  static void warehouse() throws Exception {
    fixture = WorkbenchFixture.create(dir);
  }

  @AfterAll
  static void closeFixture() throws Exception {
    fixture.close();
  }

  @Start
  void start(Stage stage) {
    Theme.LIGHT.applyBase();
    background = NamedExecutors.cachedDaemonPool("corpus-wb-test-%02d");
    viewModel = new WorkbenchViewModel(TaskExecutor.fx(background), () -> new FxDebouncer(Duration.millis(300)),
        catalog -> fixture.session(), Clock.systemUTC());
    viewModel.catalogProperty().set(fixture.catalog());
    WorkbenchView view = new WorkbenchView(viewModel);
    scene = new Scene(view.root(), 1280, 800);
    Theme.LIGHT.style(scene);
    stage.setScene(scene);
    stage.show();
    view.shown();
  }

  @AfterEach
  void stop() throws Exception {
    WaitForAsyncUtils.asyncFx(viewModel::close).get(5, TimeUnit.SECONDS);
    background.shutdownNow();
  }

  @Test
  void typeSeeTheEstimateApplyAHintWatchItDropThenRunAndSeeRows(FxRobot robot) throws Exception {
    waitFor(() -> viewModel.sessionProperty().get() != null);
    robot.clickOn("#sqlEditor");
    robot.write("SELECT track_id, country, ms\nFROM `" + WorkbenchFixture.PLAYS + "`");

    Label summary = robot.lookup("#estimateSummary").queryAs(Label.class);
    waitFor(() -> summary.getText().startsWith("This query will process"));
    String before = summary.getText();
    assertThat(before).contains("≈ $");
    assertThat(robot.lookup(".estimate-table-figures").queryAs(Label.class).getText())
        .startsWith("3 columns · 30 of 30 partitions · ");
    assertThat(robot.lookup(".hint-message").queryAs(Label.class).getText())
        .startsWith("No filter on play_date, the partitioning column of " + WorkbenchFixture.PLAYS);
    Screenshots.save(scene, "app-workbench-estimate.png");

    robot.clickOn(robot.lookup(".apply-hint").queryAs(Button.class));

    CodeArea editor = robot.lookup("#sqlEditor").queryAs(CodeArea.class);
    assertThat(editor.getText()).contains("WHERE plays.play_date >= DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY)");
    waitFor(() -> robot.lookup(".estimate-table-figures").queryAs(Label.class).getText()
        .startsWith("4 columns · 7 of 30 partitions · "));
    assertThat(processed(summary.getText())).isLessThan(processed(before));

    robot.clickOn("#sqlEditor");
    robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ENTER)
        .release(javafx.scene.input.KeyCode.ENTER, javafx.scene.input.KeyCode.CONTROL);
    Label status = robot.lookup("#runStatus").queryAs(Label.class);
    waitFor(() -> status.getText().startsWith("280 rows in "));
    TableView<?> grid = robot.lookup("#resultGrid").queryAs(TableView.class);
    assertThat(grid.getItems()).hasSize(280);
    assertThat(grid.getColumns()).extracting(c -> c.getText()).containsExactly("track_id", "country", "ms");
    assertThat(robot.lookup(".table-cell").queryAll()).anySatisfy(cell ->
        assertThat(((javafx.scene.control.Labeled) cell).getText()).startsWith("track-"));
    Screenshots.save(scene, "app-workbench.png");
  }

  @Test
  void completesNamesTogglesCommentsAndFormatsFromTheKeyboard(FxRobot robot) throws Exception {
    waitFor(() -> viewModel.sessionProperty().get() != null);
    CodeArea editor = robot.lookup("#sqlEditor").queryAs(CodeArea.class);
    robot.clickOn(editor);
    robot.write("select track_id from pla");

    robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
    waitFor(() -> robot.lookup(".context-menu .menu-item").tryQuery().isPresent());
    assertThat(robot.lookup(".context-menu .label").queryAll()).anySatisfy(n ->
        assertThat(((Label) n).getText()).isEqualTo("table  " + WorkbenchFixture.PLAYS));
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    waitFor(() -> editor.getText().equals("select track_id from `" + WorkbenchFixture.PLAYS + "`"));

    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
    waitFor(() -> editor.getText().equals("SELECT\n  track_id\nFROM `" + WorkbenchFixture.PLAYS + "`\n"));
    robot.interact(() -> editor.moveTo(0));
    robot.press(KeyCode.CONTROL, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.CONTROL);
    waitFor(() -> editor.getText().startsWith("-- SELECT\n  track_id"));
  }

  /** The bytes processed in a summary such as "This query will process 12 KB ≈ …", in bytes. */
  private static double processed(String summary) {
    String[] words = summary.substring("This query will process ".length()).split(" ");
    double value = Double.parseDouble(words[0]);
    return switch (words[1]) {
      case "B" -> value;
      case "KB" -> value * 1024;
      case "MB" -> value * 1024 * 1024;
      default -> value * 1024 * 1024 * 1024;
    };
  }

  private void waitFor(BooleanSupplier condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> condition.getAsBoolean());
    } catch (java.util.concurrent.TimeoutException e) {
      Screenshots.save(scene, "app-workbench-timeout.png");
      QueryTabViewModel tab = viewModel.selectedProperty().get();
      throw new AssertionError("timed out; summary: " + (tab == null ? "no tab" : tab.summaryProperty().get()
          + " / status: " + tab.runStatusProperty().get() + " / sql: " + tab.sqlProperty().get()), e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
