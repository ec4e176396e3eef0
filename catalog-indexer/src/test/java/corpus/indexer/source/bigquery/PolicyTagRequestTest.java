package corpus.indexer.source.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import corpus.gdpr.detect.Suggestion;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.review.Reviewer;
import corpus.gdpr.taxonomy.Taxonomy;
import corpus.indexer.gdpr.GdprStores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review decisions in a real SQLite review store become policy-tag requests (rejections as removals);
 * suggestions never do.
 */
class PolicyTagRequestTest {

  @TempDir Path dir;

  private static Suggestion suggest(String table, String field, String category) {
    return new Suggestion(table, field, category, "X", 0.9, List.of("name: " + field), List.of());
  }

  @Test
  void decisionsOfTheProjectBecomeRequestsAndSuggestionsNever() throws Exception {
    Taxonomy taxonomy = Taxonomy.defaults();
    try (ReviewStore store = GdprStores.open(dir.resolve("corpus.db"), new Reviewer("alice"), taxonomy)) {
      store.applyScan(List.of(
          suggest("acme.crm.users", "email", "email"),
          suggest("acme.crm.users", "phone", "phone"),
          suggest("acme.crm.users", "nickname", "person_name"),
          suggest("acme.crm.users", "user_key", "user_id"),
          suggest("acme.crm.users", "signup_day", "birth_date"),
          suggest("other.crm.users", "email", "email")));
      store.confirm(FieldKey.of("acme.crm.users", "email"), "checked the samples");
      store.change(FieldKey.of("acme.crm.users", "user_key"), "hashed_id", "it is a SHA-256");
      store.reject(FieldKey.of("acme.crm.users", "nickname"), "a display handle");
      store.change(FieldKey.of("acme.crm.users", "signup_day"), Taxonomy.NOT_PERSONAL, "a sign-up date");
      store.confirm(FieldKey.of("other.crm.users", "email"), "other project");

      List<PolicyTagRequest> requests = PolicyTagRequest.fromDecisions(store, taxonomy, "acme");

      assertThat(requests).extracting(r -> r.table().toString(), PolicyTagRequest::field,
          r -> r.category().id(), PolicyTagRequest::removes).containsExactly(
              tuple("acme.crm.users", "email", "email", false),
              tuple("acme.crm.users", "nickname", Taxonomy.NOT_PERSONAL, true),
              tuple("acme.crm.users", "signup_day", Taxonomy.NOT_PERSONAL, true),
              tuple("acme.crm.users", "user_key", "hashed_id", false));
      assertThat(requests).filteredOn(r -> !r.removes()).extracting(r -> r.category().policyTag())
          .containsExactly("pii_email", "pii_hashed_id");
      assertThat(requests).extracting(PolicyTagRequest::decidedBy).containsOnly("alice");
    }
  }
}
