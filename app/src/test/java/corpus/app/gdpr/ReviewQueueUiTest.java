package corpus.app.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.task.NamedExecutors;
import corpus.app.task.TaskExecutor;
import corpus.app.testing.Screenshots;
import corpus.app.testing.UiTest;
import corpus.app.theme.Theme;
import corpus.gdpr.audit.AuditEntry;
import corpus.gdpr.review.ReviewFilter;
import corpus.gdpr.review.ReviewItem;
import corpus.gdpr.review.ReviewStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The review queue in a real window: review several fields with the keyboard, then read the audit log. */
@UiTest
@ExtendWith(ApplicationExtension.class)
class ReviewQueueUiTest {

  @TempDir static Path dir;

  private ExecutorService background;
  private ReviewService service;
  private ReviewQueueView view;
  private Scene scene;

  @Start
  void start(Stage stage) throws Exception {
    Theme.LIGHT.applyBase();
    background = NamedExecutors.cachedDaemonPool("corpus-test-bg-%02d");
    service = ReviewFixture.open(dir.resolve("corpus-" + System.nanoTime() + ".db"));
    ReviewQueueViewModel vm = new ReviewQueueViewModel(service, ReviewSampling.NONE, TaskExecutor.fx(background),
        id -> {});
    view = new ReviewQueueView(vm);
    scene = new Scene((javafx.scene.Parent) view.root(), 1200, 760);
    Theme.LIGHT.style(scene);
    stage.setScene(scene);
    stage.show();
    vm.refresh();
  }

  @AfterEach
  void stop() throws Exception {
    background.shutdownNow();
    service.close();
  }

  @Test
  void reviewsSeveralFieldsWithTheKeyboardAndEveryDecisionIsAudited(FxRobot robot) throws Exception {
    TableView<?> table = robot.lookup("#reviewTable").queryAs(TableView.class);
    waitUntil(() -> !table.getItems().isEmpty());
    int pending = table.getItems().size();
    robot.interact(view::focus);
    ReviewItem first = (ReviewItem) table.getItems().get(0);

    robot.type(KeyCode.C);
    waitUntil(() -> table.getItems().size() == pending - 1);
    robot.type(KeyCode.J);
    ReviewItem skipped = (ReviewItem) table.getItems().get(0);
    ReviewItem second = (ReviewItem) table.getItems().get(1);
    waitUntil(() -> robot.lookup("#reviewField").queryAs(Label.class).getText().endsWith(second.key().field()));
    robot.type(KeyCode.R);
    waitUntil(() -> table.getItems().size() == pending - 2);
    robot.type(KeyCode.K);
    waitUntil(() -> robot.lookup("#reviewField").queryAs(Label.class).getText().endsWith(skipped.key().field()));
    robot.clickOn("#commentBox").write("owner confirmed in ticket GOV-12");
    robot.clickOn("#reviewTable");
    robot.type(KeyCode.C);
    waitUntil(() -> table.getItems().size() == pending - 3);
    waitUntil(() -> robot.lookup("#reviewMessage").queryAs(Label.class).getText().startsWith("Confirmed"));
    Screenshots.save(scene, "app-review-queue.png");

    List<AuditEntry> log = auditLog();
    assertThat(log).extracting(AuditEntry::action).containsExactly("CONFIRM", "REJECT", "CONFIRM");
    assertThat(log).extracting(AuditEntry::table, AuditEntry::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple(first.key().table(), first.key().field()),
        org.assertj.core.groups.Tuple.tuple(second.key().table(), second.key().field()),
        org.assertj.core.groups.Tuple.tuple(skipped.key().table(), skipped.key().field()));
    assertThat(log).allSatisfy(e -> assertThat(e.actor()).isEqualTo("alice"));
    assertThat(log.get(2).reason()).isEqualTo("owner confirmed in ticket GOV-12");
    assertThat(service.queue(ReviewFilter.all().withStatuses(Set.of(ReviewStatus.REJECTED))))
        .extracting(ReviewItem::key).containsExactly(second.key());
    assertThat(service.verify().intact()).isTrue();
    assertThat(service.verify().entries()).isEqualTo(3);
  }

  private List<AuditEntry> auditLog() throws Exception {
    java.util.ArrayList<AuditEntry> all = new java.util.ArrayList<>();
    for (ReviewItem i : service.queue(ReviewFilter.all())) {
      all.addAll(service.details(i.key()).history());
    }
    all.sort(java.util.Comparator.comparingLong(AuditEntry::id));
    return all;
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
  }
}
