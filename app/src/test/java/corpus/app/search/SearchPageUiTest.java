package corpus.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.MainWindow;
import corpus.app.Place;
import corpus.app.task.FxDebouncer;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.Screenshots;
import corpus.app.testing.SmallCatalog;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The search page in the real window over a real catalog, used with the keyboard: results follow
 * each typed character, completions offer names and Tab takes one, the next Tab reaches the facets,
 * Space drills down, Enter opens the chosen result; the "?" popover runs an example.
 */
@UiTest
@ExtendWith(ApplicationExtension.class)
class SearchPageUiTest {

  @TempDir static Path indexDir;

  private ExecutorService background;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    Theme.LIGHT.applyBase();
    background = NamedExecutors.cachedDaemonPool("corpus-test-bg-%02d");
    window = new MainWindow(SmallCatalog.loader(indexDir.resolve("index")), TaskExecutor.fx(background),
        new FxDebouncer(Duration.millis(150)), Theme.LIGHT);
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
  void resultsFollowEachCharacterTabCompletesAFacetNarrowsAndEnterOpensTheChosenOne(FxRobot robot) throws Exception {
    waitUntil(() -> !robot.lookup("#catalogStatus").query().isVisible());
    waitUntil(() -> !checkBoxes(robot).isEmpty()); // the empty page offers the catalog's facets
    TextField search = robot.lookup("#searchField").queryAs(TextField.class);
    ListView<?> results = robot.lookup("#results").queryAs(ListView.class);
    robot.clickOn(search);

    Set<List<String>> seen = new LinkedHashSet<>();
    for (char c : "track".toCharArray()) {
      robot.write(c);
      String typed = search.getText();
      waitUntil(() -> !statusLine(robot).isEmpty() && shownQuery(robot).equals(typed));
      seen.add(call(() -> cardIds(results)));
    }
    assertThat(seen).as("result lists seen while typing").hasSizeGreaterThan(1);
    assertThat(call(() -> cardIds(results))).first().isEqualTo(SmallCatalog.TRACKS.toString());

    ListView<?> completions = robot.lookup("#completions").queryAs(ListView.class);
    waitUntil(() -> completions.getScene().getWindow().isShowing() && !completions.getItems().isEmpty());
    assertThat(call(() -> List.copyOf(completions.getItems()))).asString().contains("track_id");
    String first = call(() -> (String) completions.getItems().getFirst());
    robot.type(KeyCode.TAB); // takes the first completion
    assertThat(call(() -> search.getText())).isEqualTo(first + " ");
    waitUntil(() -> !completions.getScene().getWindow().isShowing() && shownQuery(robot).equals(first));
    assertThat(call(() -> cardIds(results))).contains(SmallCatalog.TRACKS.toString());

    robot.type(KeyCode.TAB);
    waitUntil(() -> focusedFacet(robot) != null);
    for (int i = 0; i < 20 && !"dataset=catalog".equals(call(() -> focusedFacet(robot))); i++) {
      robot.type(KeyCode.TAB);
    }
    assertThat(call(() -> focusedFacet(robot))).isEqualTo("dataset=catalog");
    robot.type(KeyCode.SPACE);
    waitUntil(() -> chips(robot).contains("dataset: catalog  ×")
        && cardIds(results).stream().allMatch(id -> id.startsWith("soundwave-prod.catalog")),
        () -> "chips " + chips(robot) + ", cards " + cardIds(results) + ", query " + search.getText());
    assertThat(call(() -> cardIds(results))).contains(SmallCatalog.TRACKS.toString(), SmallCatalog.TOP_TRACKS.toString())
        .doesNotContain(SmallCatalog.CREATOR_METRICS.toString());
    waitUntil(() -> "dataset=catalog".equals(focusedFacet(robot))); // the focus survives the new counts
    Screenshots.save(window.scene(), "search-facet.png");

    robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
    waitUntil(search::isFocused);
    robot.type(KeyCode.DOWN);
    for (int i = 0; i < 5 && !(call(() -> selectedItem(results).place()) instanceof Place.Table); i++) {
      robot.type(KeyCode.DOWN); // the next table (a dataset's card has no table page)
    }
    String chosen = call(() -> selectedItem(results).id());
    robot.type(KeyCode.ENTER);
    Label title = robot.lookup("#tableTitle").queryAs(Label.class);
    waitUntil(() -> title.isVisible() && chosen.equals(title.getText()), () -> "title " + title.getText());
  }

  @Test
  void theScdKeyFacetNarrowsTheResultsToTheSlowlyChangingDimensionsWithThatKey(FxRobot robot) throws Exception {
    waitUntil(() -> !robot.lookup("#catalogStatus").query().isVisible());
    waitUntil(() -> checkBoxes(robot).stream().anyMatch(b -> "scd_key=track_id, title".equals(b.getUserData())),
        () -> "facets " + checkBoxes(robot).stream().map(Node::getUserData).toList());
    assertThat(call(() -> robot.lookup("#facets .label").queryAllAs(Label.class).stream().map(Label::getText).toList()))
        .contains("SCD type 2 key");
    CheckBox scd = checkBoxes(robot).stream().filter(b -> "scd_key=track_id, title".equals(b.getUserData()))
        .findFirst().orElseThrow();
    robot.interact(scd::requestFocus); // the sidebar may scroll; the keyboard reaches it wherever it is
    robot.type(KeyCode.SPACE);
    ListView<?> results = robot.lookup("#results").queryAs(ListView.class);
    waitUntil(() -> chips(robot).contains("scd_key: track_id, title  ×")
        && cardIds(results).equals(List.of(SmallCatalog.TRACKS.toString())),
        () -> "chips " + chips(robot) + ", cards " + cardIds(results));
  }

  @Test
  void theHelpPopoverTeachesTheQueryLanguageWithExamplesThatRun(FxRobot robot) throws Exception {
    waitUntil(() -> !robot.lookup("#catalogStatus").query().isVisible());
    robot.clickOn("#helpButton");
    waitUntil(() -> robot.lookup(".popover .query-help-syntax").tryQuery().isPresent());
    Node example = robot.lookup(".popover .query-help-syntax").queryAll().stream()
        .filter(n -> ((Hyperlink) n).getText().equals("kind:view")).findFirst().orElseThrow();

    robot.clickOn(example);

    ListView<?> results = robot.lookup("#results").queryAs(ListView.class);
    waitUntil(() -> results.isVisible() && cardIds(results).equals(List.of(SmallCatalog.TOP_TRACKS.toString())));
    assertThat(robot.lookup("#searchField").queryAs(TextField.class).getText()).isEqualTo("kind:view");
    waitUntil(() -> robot.lookup(".popover").tryQuery().map(n -> !n.getScene().getWindow().isShowing()).orElse(true));
  }

  @Test
  void sortingByNameReordersTheCards(FxRobot robot) throws Exception {
    waitUntil(() -> !robot.lookup("#catalogStatus").query().isVisible());
    robot.clickOn("#searchField").write("plays");
    ListView<?> results = robot.lookup("#results").queryAs(ListView.class);
    waitUntil(() -> results.isVisible() && results.getItems().size() > 1);

    robot.clickOn("#sortBox");
    waitUntil(() -> sortChoice(robot, "Name") != null);
    robot.clickOn(sortChoice(robot, "Name"));
    assertThat(robot.lookup("#sortBox").queryAs(ComboBox.class).getValue()).hasToString("Name");

    waitUntil(() -> {
      List<String> ids = cardIds(results);
      return ids.equals(ids.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
    }, () -> String.join(", ", cardIds(results)));
  }

  /** The visible entry of the open sort menu with this text, or null while the menu opens. */
  private static Node sortChoice(FxRobot robot, String text) {
    return robot.lookup(".combo-box-popup .list-cell")
        .match(n -> n instanceof ListCell<?> c && text.equals(c.getText()) && n.isVisible())
        .tryQuery().orElse(null);
  }

  private static ResultItem selectedItem(ListView<?> results) {
    return (ResultItem) results.getItems().get(results.getSelectionModel().getSelectedIndex());
  }

  private static List<String> cardIds(ListView<?> results) {
    return results.getItems().stream().map(r -> ((ResultItem) r).id()).toList();
  }

  private static String statusLine(FxRobot robot) {
    return robot.lookup(".status-line").queryAll().stream().map(n -> ((Label) n).getText())
        .filter(t -> t != null && t.matches("[\\d,]+ results? in \\d+ ms")).findFirst().orElse("");
  }

  /** The query the shown results answer, as the list tells a screen reader. */
  private static String shownQuery(FxRobot robot) {
    String text = robot.lookup("#results").queryAs(ListView.class).getAccessibleText();
    return text == null ? "" : text.replaceFirst("^Results for ", "");
  }

  private static List<CheckBox> checkBoxes(FxRobot robot) {
    return new ArrayList<>(robot.lookup("#facets .check-box").queryAllAs(CheckBox.class));
  }

  private static String focusedFacet(FxRobot robot) {
    return checkBoxes(robot).stream().filter(Node::isFocused).map(b -> (String) b.getUserData()).findFirst()
        .orElse(null);
  }

  private static List<String> chips(FxRobot robot) {
    return robot.lookup("#activeFilters .button").queryAll().stream().map(n -> ((Button) n).getText()).toList();
  }

  private static <T> T call(Supplier<T> onFx) throws Exception {
    return WaitForAsyncUtils.asyncFx(onFx::get).get(5, TimeUnit.SECONDS);
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    waitUntil(condition, () -> "");
  }

  /** Waits for the condition; on timeout fails saying what the page showed. */
  private static void waitUntil(BooleanSupplier condition, Supplier<String> shown) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
        try {
          return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
          return false;
        }
      });
    } catch (TimeoutException e) {
      throw new AssertionError("timed out; the page showed: " + call(shown), e);
    }
  }
}
