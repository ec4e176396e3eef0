package corpus.gdpr.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import corpus.gdpr.audit.AuditEntry;
import corpus.gdpr.detect.Suggestion;
import corpus.gdpr.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewStoreTest {

  private static final FieldKey EMAIL = FieldKey.of("p.crm.users", "email");
  private static final FieldKey NOTES = FieldKey.of("p.crm.users", "notes");

  @TempDir Path dir;
  private ReviewStore store;

  @BeforeEach
  void open() throws Exception {
    store = ReviewStore.open("jdbc:sqlite:" + dir.resolve("corpus.db"), new Reviewer("alice"),
        Taxonomy.defaults(), Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  private static Suggestion suggestion(FieldKey key, String category, double confidence, String evidence) {
    return new Suggestion(key.table(), key.field(), category, category.toUpperCase(), confidence,
        List.of(evidence), List.of());
  }

  @Test
  void humanDecisionSurvivesARescan() throws Exception {
    store.applyScan(List.of(suggestion(EMAIL, "email", 0.9, "name 'email'")));
    store.change(EMAIL, "hashed_id", "values are SHA-256 hashes");

    ScanOutcome outcome = store.applyScan(List.of(suggestion(EMAIL, "email", 0.95, "name 'email' again")));

    ReviewItem item = store.item(EMAIL).orElseThrow();
    assertThat(item.status()).isEqualTo(ReviewStatus.CHANGED);
    assertThat(item.effectiveCategory()).isEqualTo("hashed_id");
    assertThat(item.suggestedCategory()).isEqualTo("email");
    assertThat(item.confidence()).isEqualTo(0.95);
    assertThat(item.needsReReview()).as("same suggestion the reviewer already overruled").isFalse();
    assertThat(outcome.updated()).isEqualTo(1);
  }

  @Test
  void contradictingEvidenceFlagsTheDecisionForReReview() throws Exception {
    store.applyScan(List.of(suggestion(NOTES, "free_text", 0.6, "name 'notes'")));
    store.reject(NOTES, "only internal codes");

    ScanOutcome outcome = store.applyScan(List.of(suggestion(NOTES, "email", 0.93, "48 of 50 values are e-mails")));

    ReviewItem item = store.item(NOTES).orElseThrow();
    assertThat(outcome.flagged()).containsExactly(NOTES);
    assertThat(item.status()).isEqualTo(ReviewStatus.REJECTED);
    assertThat(item.needsReReview()).isTrue();
    assertThat(item.reReviewReason()).contains("new scan suggests email").contains("rejected").contains("alice");
    assertThat(store.queue(ReviewFilter.flagged())).extracting(ReviewItem::key).containsExactly(NOTES);
    assertThat(store.history(NOTES)).extracting(AuditEntry::action).containsExactly("REJECT", "FLAG_REREVIEW");

    store.applyScan(List.of(suggestion(NOTES, "email", 0.93, "48 of 50 values are e-mails")));
    assertThat(store.history(NOTES)).as("not flagged twice for the same finding").hasSize(2);

    store.change(NOTES, "free_text", "free text with e-mails after all");
    assertThat(store.item(NOTES).orElseThrow().needsReReview()).isFalse();
  }

  @Test
  void everyDecisionIsAuditedWithActorStatesAndReason() throws Exception {
    store.applyScan(List.of(suggestion(EMAIL, "email", 0.9, "name 'email'")));
    store.confirm(EMAIL, "checked with the CRM owner");
    store.comment(EMAIL, "owner is team growth");
    store.reopen(EMAIL, "wrong table");

    List<AuditEntry> history = store.history(EMAIL);
    assertThat(history).extracting(AuditEntry::action).containsExactly("CONFIRM", "COMMENT", "REOPEN");
    AuditEntry confirm = history.getFirst();
    assertThat(confirm.actor()).isEqualTo("alice");
    assertThat(confirm.timestamp()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(confirm.fromState()).isEqualTo("suggested");
    assertThat(confirm.toState()).isEqualTo("confirmed");
    assertThat(confirm.toCategory()).isEqualTo("email");
    assertThat(confirm.reason()).isEqualTo("checked with the CRM owner");
    assertThat(store.comments(EMAIL)).extracting(Comment::text).containsExactly("owner is team growth");
    assertThat(store.item(EMAIL).orElseThrow().status()).isEqualTo(ReviewStatus.SUGGESTED);
    assertThat(store.auditLog().verify().intact()).isTrue();
  }

  @Test
  void bulkDecisionsAreAllOrNothing() throws Exception {
    store.applyScan(List.of(suggestion(EMAIL, "email", 0.9, "e"), suggestion(NOTES, "free_text", 0.6, "n")));
    FieldKey unknown = FieldKey.of("p.crm.users", "never_scanned");

    assertThatThrownBy(() -> store.confirmAll(List.of(EMAIL, unknown), "bulk")).hasMessageContaining("never_scanned");
    assertThat(store.item(EMAIL).orElseThrow().status()).isEqualTo(ReviewStatus.SUGGESTED);
    assertThat(store.auditLog().entries()).isEmpty();

    List<ReviewItem> decided = store.confirmAll(List.of(EMAIL, NOTES), "bulk");
    assertThat(decided).extracting(ReviewItem::status).containsOnly(ReviewStatus.CONFIRMED);
    assertThat(store.auditLog().entries()).hasSize(2);
  }

  @Test
  void changingToAnUnknownCategoryIsRefused() throws Exception {
    store.applyScan(List.of(suggestion(EMAIL, "email", 0.9, "e")));
    assertThatThrownBy(() -> store.change(EMAIL, "emial", "typo")).hasMessageContaining("unknown GDPR category");
  }

  @Test
  void queueFiltersByDatasetCategoryConfidenceAndStatus() throws Exception {
    FieldKey other = FieldKey.of("p.web.hits", "ip");
    FieldKey plain = FieldKey.of("p.crm.users", "country");
    store.applyScan(List.of(suggestion(EMAIL, "email", 0.9, "e"), suggestion(NOTES, "free_text", 0.6, "n"),
        suggestion(other, "ip_address", 0.8, "i"), suggestion(plain, "not_personal", 0.95, "none")));

    assertThat(store.queue(ReviewFilter.pending())).extracting(ReviewItem::key).containsExactly(EMAIL, other, NOTES);
    assertThat(store.queue(ReviewFilter.pending().withDataset("p.crm"))).extracting(ReviewItem::key)
        .containsExactly(EMAIL, NOTES);
    assertThat(store.queue(ReviewFilter.all().withMinConfidence(0.85))).extracting(ReviewItem::key)
        .containsExactly(plain, EMAIL);
    assertThat(store.queue(ReviewFilter.all().withCategories(Set.of("ip_address")))).extracting(ReviewItem::key)
        .containsExactly(other);
    store.confirm(EMAIL, "ok");
    assertThat(store.count(ReviewFilter.pending())).isEqualTo(2);
    assertThat(store.queue(ReviewFilter.pending().page(1, 1))).extracting(ReviewItem::key).containsExactly(NOTES);
  }
}
