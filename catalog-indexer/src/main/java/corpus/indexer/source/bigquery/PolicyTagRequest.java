package corpus.indexer.source.bigquery;

import corpus.gdpr.review.ReviewFilter;
import corpus.gdpr.review.ReviewItem;
import corpus.gdpr.review.ReviewStatus;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.taxonomy.Category;
import corpus.gdpr.taxonomy.Taxonomy;
import corpus.indexer.model.TableId;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A column a reviewer decided, to carry the policy tag of its category — or, when the decision is
 * {@code not_personal} (rejected), to carry no Corpus tag any more: what {@link PolicyTagSync}
 * plans from.
 *
 * <pre>{@code
 * List<PolicyTagRequest> requests = PolicyTagRequest.fromDecisions(store, taxonomy, "my-project");
 * }</pre>
 *
 * @param table the BigQuery table
 * @param field dotted field path
 * @param category the decided category; {@code not_personal} asks to remove a Corpus tag
 * @param decidedBy who decided it
 */
public record PolicyTagRequest(TableId table, String field, Category category, String decidedBy) {

  public PolicyTagRequest {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(category, "category");
  }

  /**
   * The decided columns of tables in {@code project}, sorted by table and field: confirmed or
   * changed to a personal category (tagged), and rejected or changed to {@code not_personal} (a
   * Corpus tag they carry from an earlier sync is removed). Suggestions nobody decided are never
   * written; decisions on tables whose id cannot be parsed are skipped.
   */
  public static List<PolicyTagRequest> fromDecisions(ReviewStore store, Taxonomy taxonomy, String project)
      throws SQLException {
    List<ReviewItem> decided = store.queue(ReviewFilter.all()
        .withStatuses(Set.of(ReviewStatus.CONFIRMED, ReviewStatus.CHANGED, ReviewStatus.REJECTED)));
    return fromDecisions(decided, taxonomy, project);
  }

  /** Whether this request removes a Corpus tag rather than setting one. */
  public boolean removes() {
    return !category.isPersonal();
  }

  /** As {@link #fromDecisions(ReviewStore, Taxonomy, String)}, from items already read. */
  public static List<PolicyTagRequest> fromDecisions(List<ReviewItem> items, Taxonomy taxonomy, String project) {
    List<PolicyTagRequest> out = new ArrayList<>();
    for (ReviewItem i : items) {
      if (!i.status().isDecided()) {
        continue;
      }
      Category c = i.status() == ReviewStatus.REJECTED ? taxonomy.notPersonal()
          : taxonomy.category(i.decidedCategory()).orElse(null);
      if (c == null || c.isPersonal() && c.policyTag().isBlank()) {
        continue;
      }
      TableId table;
      try {
        table = TableId.parse(i.key().table());
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (project == null || table.project().equals(project)) {
        out.add(new PolicyTagRequest(table, i.key().field(), c, i.decidedBy()));
      }
    }
    out.sort(Comparator.comparing((PolicyTagRequest r) -> r.table().toString()).thenComparing(PolicyTagRequest::field));
    return out;
  }
}
