package corpus.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.MainWindow;
import corpus.app.catalog.LuceneCatalogLoader;
import corpus.app.task.FxDebouncer;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.Screenshots;
import corpus.app.testing.SmallCatalog;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
 * The real window and the real connection dialog against a local BigQuery test server: test the
 * connection, crawl the project into the catalog, find its tables, see the dataset that was denied.
 */
@UiTest
@ExtendWith(ApplicationExtension.class)
class ConnectDialogUiTest {

  @TempDir static Path dir;

  private FakeBigQuery server;
  private ExecutorService background;
  private MainWindow window;
  private ConnectionStore store;

  @Start
  void start(Stage stage) throws Exception {
    server = FakeBigQuery.acme();
    Theme.LIGHT.applyBase();
    background = NamedExecutors.cachedDaemonPool("corpus-test-bg-%02d");
    TaskExecutor executor = TaskExecutor.fx(background);
    LuceneCatalogLoader loader = SmallCatalog.loader(dir.resolve("index"));
    window = new MainWindow(loader, executor, new FxDebouncer(Duration.millis(150)), Theme.LIGHT);
    store = new ConnectionStore(dir.resolve("settings/bigquery-connections.json"), Clock.systemUTC());
    window.enableBigQueryConnections(new ConnectDialogs(ConnectViewModelTest.quickConnector(),
        ConnectViewModelTest.noCredentials(dir), store, loader, executor, Theme.LIGHT));
    stage.setScene(window.scene());
    stage.setWidth(1200);
    stage.setHeight(800);
    stage.show();
    window.start();
  }

  @AfterEach
  void stop() throws Exception {
    WaitForAsyncUtils.asyncFx(window::close).get(5, TimeUnit.SECONDS);
    background.shutdownNow();
    server.close();
  }

  @Test
  void connectsTestsAndCrawlsAProjectWhoseTablesThenShowUpInSearch(FxRobot robot) throws Exception {
    waitUntil(() -> !robot.lookup("#catalogStatus").query().isVisible());

    robot.clickOn("Catalog").clickOn("Connect to BigQuery…");
    waitUntil(() -> robot.lookup("#connectDialog").tryQuery().isPresent());
    Label status = robot.lookup("#connectStatus").queryAs(Label.class);
    waitUntil(() -> robot.lookup("#applicationDefault").queryAs(Label.class).getText().startsWith("No Application"));

    robot.clickOn("#projects").write(FakeBigQuery.PROJECT);
    robot.clickOn("Advanced");
    robot.clickOn("#endpoint").write(server.endpoint().toString());
    Node daysEditor = robot.lookup("#jobHistoryDays .text-field").query();
    robot.doubleClickOn(daysEditor).eraseText(3).write("0").type(KeyCode.TAB);
    assertThat(robot.lookup("#credentialsNote").queryAs(Label.class).getText())
        .isEqualTo("No credentials are sent to a custom endpoint.");
    // the app's small test server speaks no queries: crawl through the API
    robot.clickOn("#informationSchema");
    robot.clickOn("#jobHistoryRegion").write("EU");

    robot.clickOn("#testConnection");
    waitUntil(() -> status.getText().equals("Connected: 3 datasets visible."));

    robot.clickOn("#crawl");
    waitUntil(() -> status.getText().startsWith("Crawled in"));
    assertThat(status.getText()).endsWith("1 dataset or table could not be read:");
    assertThat(robot.lookup("#crawlProblems").query().isVisible()).isTrue();
    List<String> problems = robot.lookup("#crawlProblems .label").queryAllAs(Label.class).stream()
        .map(Label::getText).toList();
    assertThat(problems).singleElement().asString()
        .startsWith("Permission denied while listing the tables of dataset acme-analytics.restricted_hr");
    assertThat(status.getText() + problems).doesNotContain("Exception", "\tat ");
    Screenshots.save(status.getScene(), "app-connect.png");
    assertThat(store.load()).singleElement().satisfies(saved -> {
      assertThat(saved.spec()).isEqualTo("bigquery:acme-analytics");
      assertThat(saved.jobHistoryRegion()).isEqualTo("eu");
      assertThat(saved.informationSchema()).isFalse();
    });

    robot.clickOn("#closeConnect");
    waitUntil(() -> robot.lookup("#connectDialog").tryQuery().isEmpty());
    waitUntil(() -> robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class).getText()
        .startsWith("8 tables and views"));
    TextField search = robot.lookup("#searchField").queryAs(TextField.class);
    robot.clickOn(search).write("campaign clicks");
    waitUntil(() -> firstCardTitle(robot).equals("acme-analytics.marketing.campaign_clicks"));
    Screenshots.save(window.scene(), "app-connect-search.png");
  }

  private static String firstCardTitle(FxRobot robot) {
    return robot.lookup(".list-cell").queryAll().stream()
        .filter(n -> ((ListCell<?>) n).getIndex() == 0)
        .map(n -> robot.from(n).lookup(".result-title").tryQueryAs(Label.class))
        .flatMap(java.util.Optional::stream)
        .map(Label::getText)
        .findFirst().orElse("");
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
      try {
        return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        return false;
      }
    });
  }
}
