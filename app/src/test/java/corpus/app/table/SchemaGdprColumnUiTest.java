package corpus.app.table;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.Navigator;
import corpus.app.format.Formats;
import corpus.app.gdpr.ReviewQueueViewModel;
import corpus.app.gdpr.ReviewSampling;
import corpus.app.gdpr.ReviewService;
import corpus.app.gdpr.StoreFieldStatuses;
import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.UiTest;
import corpus.app.theme.Styles;
import corpus.app.theme.Theme;
import corpus.gdpr.detect.Classifier;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewStatus;
import corpus.gdpr.review.Reviewer;
import corpus.gdpr.scan.ValueSampler;
import corpus.indexer.CorpusHome;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.gdpr.CatalogSnapshot;
import corpus.indexer.gdpr.GdprStores;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.Field;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.SourceSpecs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
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
 * The table page of a sample table with planted personal fields shows each field's GDPR
 * classification in the schema tree, and a confirmation in the review queue shows there.
 */
@UiTest
@ExtendWith(ApplicationExtension.class)
class SchemaGdprColumnUiTest {

  private static final TableId ACCOUNTS = TableId.parse("soundwave-prod.users.user_accounts");

  @TempDir static Path dir;
  private static CatalogReader catalog;

  private ExecutorService background;
  private TablePageViewModel page;
  private ReviewService service;
  private Path db;

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
  void start(Stage stage) throws Exception {
    Theme.LIGHT.applyBase();
    background = NamedExecutors.cachedDaemonPool("corpus-test-bg-%02d");
    db = dir.resolve("corpus-" + System.nanoTime() + ".db");
    page = new TablePageViewModel(TaskExecutor.fx(background), new Navigator(), Formats.system());
    page.catalogProperty().set(catalog);
    page.setFieldStatuses(new StoreFieldStatuses(db));
    Classifier classifier = Classifier.withDefaults();
    service = new ReviewService(GdprStores.open(db, new Reviewer("alice"), classifier.taxonomy()), classifier);
    Scene scene = new Scene(new TablePageView(page).root(), 1400, 900);
    Theme.LIGHT.style(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stop() throws Exception {
    background.shutdownNow();
    service.close();
  }

  @Test
  void showsCategoryStatusAndConfidenceAndAConfirmationFromTheReviewQueue(FxRobot robot) throws Exception {
    robot.interact(() -> page.load(ACCOUNTS));
    @SuppressWarnings("unchecked") // the page's schema tree is a TreeTableView<Field>
    TreeTableView<Field> tree = (TreeTableView<Field>) robot.lookup("#schemaTree").queryAs(TreeTableView.class);

    String email = waitForCell(robot, tree, "email", t -> t.startsWith("email · suggested · "));
    assertThat(email).matches("email · suggested · 0\\.\\d\\d");
    assertThat(cell(robot, tree, "email").orElseThrow().getStyleClass()).contains(Styles.GDPR_SUGGESTED);
    assertThat(cell(robot, tree, "email").orElseThrow().getTooltip().getText()).contains("name +0.85");
    assertThat(waitForCell(robot, tree, "email_verified", t -> !t.isEmpty())).isEqualTo("—");
    assertThat(cell(robot, tree, "email_verified").orElseThrow().getTooltip().getText())
        .startsWith("not_personal · suggested · ");

    service.scan(CatalogSnapshot.read(dir.resolve("index")), ValueSampler.none());
    ReviewQueueViewModel queue = new ReviewQueueViewModel(service, ReviewSampling.NONE, TaskExecutor.fx(background),
        id -> {});
    FieldKey key = FieldKey.of(ACCOUNTS.toString(), "email");
    robot.interact(() -> queue.confirm(List.of(key)));
    waitUntil(() -> {
      try {
        return service.details(key).history().stream().anyMatch(e -> ReviewStatus.CONFIRMED.id().equals(e.toState()));
      } catch (Exception e) {
        return false;
      }
    });

    robot.interact(() -> page.load(ACCOUNTS));
    assertThat(waitForCell(robot, tree, "email", t -> t.contains("confirmed"))).matches("✔ email · confirmed · 0\\.\\d\\d");
    TreeTableCell<?, ?> confirmed = cell(robot, tree, "email").orElseThrow();
    assertThat(confirmed.getStyleClass()).contains(Styles.GDPR_DECIDED).doesNotContain(Styles.GDPR_SUGGESTED);
    assertThat(confirmed.getTooltip().getText()).contains("confirmed by alice at ").contains("name +0.85");
    assertThat(cell(robot, tree, "email_verified").orElseThrow().getText()).isEqualTo("—");
  }

  private static String waitForCell(FxRobot robot, TreeTableView<Field> tree, String field,
      java.util.function.Predicate<String> ready) throws Exception {
    int row = rowOf(tree, field);
    waitUntil(() -> {
      robot.interact(() -> tree.scrollTo(row));
      return cell(robot, tree, field).map(c -> c.getText() != null && ready.test(c.getText())).orElse(false);
    });
    return cell(robot, tree, field).orElseThrow().getText();
  }

  private static int rowOf(TreeTableView<Field> tree, String field) throws Exception {
    waitUntil(() -> tree.getRoot() != null && tree.getRoot().getChildren().stream()
        .anyMatch(i -> i.getValue().name().equals(field)));
    List<TreeItem<Field>> top = tree.getRoot().getChildren();
    for (TreeItem<Field> item : top) {
      if (item.getValue().name().equals(field)) {
        return tree.getRow(item);
      }
    }
    throw new AssertionError("no field " + field);
  }

  /** The GDPR cell of a top-level field, if its row is shown. */
  private static Optional<TreeTableCell<?, ?>> cell(FxRobot robot, TreeTableView<Field> tree, String field) {
    return robot.lookup(".tree-table-cell").queryAllAs(TreeTableCell.class).stream()
        .filter(c -> c.getTableColumn() != null && "gdprColumn".equals(c.getTableColumn().getId()))
        .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof Field f
            && f.name().equals(field) && c.getTableRow().getTreeItem() != null
            && c.getTableRow().getTreeItem().getParent() == tree.getRoot())
        .<TreeTableCell<?, ?>>map(c -> c)
        .findFirst();
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, condition::getAsBoolean);
  }
}
