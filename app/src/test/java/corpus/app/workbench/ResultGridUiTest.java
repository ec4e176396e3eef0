package corpus.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.testing.UiTest;
import corpus.indexer.warehouse.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The result grid shows 100,000 rows with cells only for the visible ones, and jumps to the end at once. */
@UiTest
@ExtendWith(ApplicationExtension.class)
class ResultGridUiTest {

  private ResultGrid grid;

  @Start
  void start(Stage stage) {
    grid = new ResultGrid();
    stage.setScene(new Scene(grid, 800, 500));
    stage.show();
  }

  @Test
  void scrollsAHundredThousandRowsWithCellsForTheVisibleOnly(FxRobot robot) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    for (long i = 0; i < 100_000; i++) {
      rows.add(List.of(i, "track-" + i, List.of(Map.of("name", "like", "value", i % 5))));
    }
    QueryResult result = new QueryResult(List.of(new QueryResult.Column("n", "INT64"),
        new QueryResult.Column("track_id", "STRING"), new QueryResult.Column("actions", "ARRAY<STRUCT>")),
        rows, rows.size(), 0, 0, 0);

    long started = System.nanoTime();
    WaitForAsyncUtils.asyncFx(() -> {
      grid.show(result);
      grid.scrollTo(99_999);
    }).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    long ms = (System.nanoTime() - started) / 1_000_000;

    assertThat(ms).isLessThan(2_000);
    List<String> texts = robot.lookup(".table-cell").queryAll().stream()
        .map(n -> ((IndexedCell<?>) n).getText()).filter(t -> t != null).toList();
    assertThat(texts).contains("track-99990");
    assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("[{").contains("name: like").contains("value: 4"));
    assertThat(robot.lookup(".table-row-cell").queryAll().size()).isLessThan(60);
  }
}
