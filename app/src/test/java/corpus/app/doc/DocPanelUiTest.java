package corpus.app.doc;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.Navigator;
import corpus.app.Place;
import corpus.app.format.Formats;
import corpus.app.table.TablePageView;
import corpus.app.table.TablePageViewModel;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.Screenshots;
import corpus.app.testing.UiTest;
import corpus.app.theme.Styles;
import corpus.app.theme.Theme;
import corpus.indexer.CorpusHome;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.SourceSpecs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
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
 * The plays table's design document from the sample, opened beside the table page, renders its
 * GFM table as a grid, its multi-line list items whole, and its table mentions as links.
 */
@UiTest
@ExtendWith(ApplicationExtension.class)
class DocPanelUiTest {

  private static final TableId PLAYS = TableId.parse("soundwave-prod.listening.plays");

  @TempDir static Path dir;
  private static CatalogReader catalog;

  private ExecutorService background;
  private TablePageViewModel page;
  private Navigator navigator;
  private Scene scene;

  @BeforeAll
  static void indexTheSample() throws Exception {
    Path index = dir.resolve("index");
    new Indexer(index).run(SourceSpecs.parse("sample", CorpusHome.resolve()), ProgressListener.NONE);
    catalog = LuceneCatalog.open(index);
  }

  @AfterAll
  static void closeCatalog() throws Exception {
    catalog.close();
  }

  @Start
  void start(Stage stage) {
    Theme.LIGHT.applyBase();
    background = NamedExecutors.cachedDaemonPool("corpus-test-bg-%02d");
    navigator = new Navigator();
    page = new TablePageViewModel(TaskExecutor.fx(background), navigator, Formats.system());
    page.catalogProperty().set(catalog);
    scene = new Scene(new TablePageView(page).root(), 1400, 900);
    Theme.LIGHT.style(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  @Test
  void thePlaysDesignDocumentShowsItsDerivedTablesAsAGridWithLinkedTables(FxRobot robot) throws Exception {
    robot.interact(() -> page.load(PLAYS));
    waitUntil(() -> robot.lookup("#docLinks .hyperlink").tryQuery().isPresent());
    Hyperlink listening = robot.lookup("#docLinks .hyperlink").queryAllAs(Hyperlink.class).stream()
        .filter(h -> h.getText().equals("Dataset design: listening")).findFirst().orElseThrow();
    robot.clickOn(listening);
    waitUntil(() -> robot.lookup("#docPanel ." + Styles.MD_TABLE).tryQuery().isPresent());

    GridPane derived = robot.lookup("#docPanel ." + Styles.MD_TABLE).queryAs(GridPane.class);
    assertThat(derived.isVisible()).isTrue();
    assertThat(row(derived, 0)).containsExactly("table", "grain", "retention");
    assertThat(row(derived, 1)).containsExactly("soundwave-prod.listening.daily_track_streams", "track × day",
        "90 days (partition expiration)");
    assertThat(derived.getChildren()).noneMatch(n -> MarkdownRendererTest.text(n).contains("|"));
    assertThat(derived.getChildren().stream().filter(n -> GridPane.getRowIndex(n) == 0))
        .allMatch(n -> n.getStyleClass().contains(Styles.MD_TABLE_HEADER));

    Node partitioned = robot.lookup("#docPanel ." + Styles.MD_LIST).queryAllAs(javafx.scene.layout.VBox.class).stream()
        .flatMap(list -> list.getChildren().stream())
        .filter(n -> MarkdownRendererTest.text(n).startsWith("• Partitioned by")).findFirst().orElseThrow();
    assertThat(MarkdownRendererTest.text(partitioned)).isEqualTo("• Partitioned by play_date (one partition per day)"
        + " with require_partition_filter: a query without a filter on play_date is rejected.");
    Screenshots.save(scene, "app-doc-plays.png");

    Hyperlink streams = robot.lookup("#docPanel ." + Styles.MD_TABLE_LINK).queryAllAs(Hyperlink.class).stream()
        .filter(h -> h.getText().equals("soundwave-prod.listening.daily_track_streams")).findFirst().orElseThrow();
    robot.clickOn(streams);
    waitUntil(() -> navigator.current() instanceof Place.Table t
        && t.id().equals(TableId.parse("soundwave-prod.listening.daily_track_streams")));
  }

  @Test
  void codeBlocksScrollSidewaysAndQuotesAndNestedListsIndent(FxRobot robot) throws Exception {
    String markdown = """
        > **Note:** plays of erased accounts keep the row.

        1. Find the subject's rows:
           ```sql
           SELECT play_id, play_date FROM `soundwave-prod.listening.plays` WHERE user_id = @subject AND play_date BETWEEN '2024-01-01' AND '2026-12-31'
           ```
        2. Erase them
           - in the *plays* table
           - in `soundwave-prod.listening.sessions`

        ---

        See <https://gdpr-info.eu/art-17-gdpr/> and <b>raw html</b>.
        """;
    DocPanel panel = new DocPanel();
    robot.interact(() -> {
      panel.show(new corpus.indexer.model.Doc("erasure.md", "Erasure", "docs/erasure.md",
          List.of(new corpus.indexer.model.DocSection("Erasure", "erasure", markdown, 1)),
          List.of("soundwave-prod.listening.plays", "soundwave-prod.listening.sessions")));
      scene.setRoot(new javafx.scene.layout.StackPane(panel));
      scene.getWindow().setWidth(620);
      scene.getWindow().setHeight(560);
    });
    WaitForAsyncUtils.waitForFxEvents();

    javafx.scene.control.ScrollPane code = robot.lookup("." + Styles.MD_CODE_SCROLL)
        .queryAs(javafx.scene.control.ScrollPane.class);
    javafx.scene.control.Label sql = (javafx.scene.control.Label) code.getContent();
    assertThat(sql.getText()).startsWith("SELECT play_id, play_date FROM `soundwave-prod.listening.plays`");
    assertThat(sql.getWidth()).isGreaterThan(code.getViewportBounds().getWidth());
    assertThat(code.getHeight()).isGreaterThanOrEqualTo(sql.getHeight());
    assertThat(robot.lookup("." + Styles.MD_QUOTE).tryQuery()).isPresent();
    assertThat(robot.lookup("." + Styles.MD_TABLE_LINK).queryAllAs(Hyperlink.class)).extracting(Hyperlink::getText)
        .containsExactly("soundwave-prod.listening.sessions");
    Screenshots.save(scene, "doc-markdown.png");
  }

  private static List<String> row(GridPane grid, int row) {
    return grid.getChildren().stream().filter(n -> GridPane.getRowIndex(n) == row)
        .sorted(java.util.Comparator.comparingInt(GridPane::getColumnIndex))
        .map(MarkdownRendererTest::text).toList();
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, condition::getAsBoolean);
  }
}
