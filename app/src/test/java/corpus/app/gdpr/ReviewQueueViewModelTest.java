package corpus.app.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.task.TaskExecutor;
import corpus.gdpr.audit.AuditEntry;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewFilter;
import corpus.gdpr.review.ReviewItem;
import corpus.indexer.model.TableId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewQueueViewModelTest {

  @TempDir Path dir;
  private ReviewService service;
  private ReviewQueueViewModel vm;
  private final List<TableId> opened = new ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    service = ReviewFixture.open(dir.resolve("corpus.db"));
    vm = new ReviewQueueViewModel(service, ReviewSampling.NONE, TaskExecutor.currentThread(), opened::add);
    vm.refresh();
  }

  @AfterEach
  void close() throws Exception {
    service.close();
  }

  @Test
  void showsPendingPersonalSuggestionsMostConfidentFirstWithEvidence() {
    assertThat(vm.items()).isNotEmpty().allSatisfy(i -> assertThat(i.effectiveCategory()).isNotEqualTo("not_personal"));
    assertThat(vm.items()).extracting(i -> i.key().field()).contains("email", "contact").doesNotContain("signup_date");
    assertThat(vm.selectedIndexProperty().get()).isZero();
    assertThat(vm.evidence()).isNotEmpty();
  }

  @Test
  void confirmingMovesOnToTheNextFieldAndIsAudited() throws Exception {
    ReviewItem first = vm.selectedProperty().get();
    int before = vm.items().size();
    vm.commentTextProperty().set("checked with the CRM owner");

    vm.confirm(List.of());

    assertThat(vm.items()).hasSize(before - 1);
    assertThat(vm.selectedProperty().get()).isNotEqualTo(first);
    List<AuditEntry> history = service.details(first.key()).history();
    assertThat(history).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("CONFIRM");
      assertThat(e.actor()).isEqualTo("alice");
      assertThat(e.reason()).isEqualTo("checked with the CRM owner");
    });
    assertThat(vm.messageProperty().get()).startsWith("Confirmed");
  }

  @Test
  void bulkRejectDecidesTheWholeSelectionInOneGo() throws Exception {
    List<FieldKey> keys = vm.items().stream().limit(2).map(ReviewItem::key).toList();

    vm.reject(keys);

    assertThat(vm.items()).extracting(ReviewItem::key).doesNotContainAnyElementsOf(keys);
    assertThat(service.queue(ReviewFilter.all()).stream().filter(i -> keys.contains(i.key())))
        .allSatisfy(i -> assertThat(i.effectiveCategory()).isEqualTo("not_personal"));
    assertThat(service.verify().intact()).isTrue();
  }

  @Test
  void filtersByDatasetCategoryAndStatus() {
    vm.datasetFilterProperty().set("acme.mart");
    assertThat(vm.items()).extracting(i -> i.key().table()).containsOnly("acme.mart.contacts");
    vm.datasetFilterProperty().set("");
    vm.categoryFilterProperty().set("email");
    assertThat(vm.items()).extracting(ReviewItem::effectiveCategory).containsOnly("email");
    vm.confirm(List.of());
    vm.statusFilterProperty().set(StatusFilter.CONFIRMED);
    assertThat(vm.items()).hasSize(1);
  }

  @Test
  void lineageEvidenceGivesTheUpstreamTablesToOpen() {
    vm.datasetFilterProperty().set("acme.mart");
    assertThat(vm.lineageTables()).containsExactly("acme.crm.users");
    vm.openTable("acme.crm.users");
    assertThat(opened).containsExactly(TableId.parse("acme.crm.users"));
  }

  @Test
  void changeAndCommentShowInTheHistory() {
    ReviewItem item = vm.selectedProperty().get();
    vm.change(List.of(), "hashed_id");
    vm.statusFilterProperty().set(StatusFilter.CHANGED);
    assertThat(vm.selectedProperty().get().key()).isEqualTo(item.key());
    vm.commentTextProperty().set("tokenised upstream");
    vm.comment();
    assertThat(vm.history()).hasSize(2);
    assertThat(vm.history().get(0)).contains("alice change").contains("→ hashed_id");
    assertThat(vm.history().get(1)).contains("alice commented: tokenised upstream");
  }
}
