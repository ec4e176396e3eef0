package corpus.indexer.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.gdpr.detect.Classifier;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.review.Reviewer;
import corpus.gdpr.scan.ValueSampler;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.search.SearchHit;
import corpus.indexer.search.SearchRequest;
import corpus.indexer.search.SearchResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A review decision rewrites its table in the open catalog, so {@code pii:} search follows it at once. */
class ReviewedTablesTest {

  @TempDir Path dir;
  private final Classifier classifier = Classifier.withDefaults();
  private Path index;

  @BeforeEach
  void scanAndIndex() throws Exception {
    GdprTestCatalog.build(dir.resolve("scan-index"));
    try (ReviewStore store = store()) {
      new GdprScan(classifier).run(CatalogSnapshot.read(dir.resolve("scan-index")), store, ValueSampler.none());
    }
    index = dir.resolve("index");
    new Indexer(index).withClassifications(GdprFieldClassifications.load(dir.resolve("corpus.db")))
        .run(List.of(new GdprTestCatalog()), ProgressListener.NONE);
  }

  private ReviewStore store() throws Exception {
    return GdprStores.open(dir.resolve("corpus.db"), new Reviewer("alice"), classifier.taxonomy());
  }

  @Test
  void rejectingAndChangingShowInPiiSearchWithoutAReindex() throws Exception {
    try (LuceneCatalog catalog = LuceneCatalog.open(index); ReviewStore store = store()) {
      assertThat(ids(catalog.search(SearchRequest.of("pii:email", 20)))).contains("acme.crm.users:email");
      assertThat(ids(catalog.search(SearchRequest.of("pii:ip_address", 20)))).doesNotContain("acme.crm.users:ip_country");

      FieldKey email = FieldKey.of(GdprTestCatalog.USERS, "email");
      FieldKey ipCountry = FieldKey.of(GdprTestCatalog.USERS, "ip_country");
      store.reject(email, "test addresses only");
      store.change(ipCountry, "ip_address", "holds raw IPs despite the name");
      int rewritten = ReviewedTables.reindex(index, store, classifier, List.of(email, ipCountry));
      catalog.refresh();

      assertThat(rewritten).isEqualTo(1);
      assertThat(ids(catalog.search(SearchRequest.of("pii:email", 20)))).doesNotContain("acme.crm.users:email")
          .contains("acme.mart.user_contacts:contact");
      assertThat(ids(catalog.search(SearchRequest.of("pii:ip_address", 20)))).contains("acme.crm.users:ip_country");
    }
  }

  @Test
  void theRewrittenTableKeepsEverythingElseItHeld() throws Exception {
    try (LuceneCatalog catalog = LuceneCatalog.open(index); ReviewStore store = store()) {
      SearchHit before = tableHit(catalog, GdprTestCatalog.MART);
      var tableBefore = catalog.table(TableId.parse(GdprTestCatalog.MART)).orElseThrow();
      assertThat(before.badges()).contains("personal data");

      List<FieldKey> personal = Stream.of("uid", "contact", "email_sha")
          .map(f -> FieldKey.of(GdprTestCatalog.MART, f)).toList();
      store.rejectAll(personal, "synthetic campaign data");
      ReviewedTables.reindex(index, store, classifier, personal);
      catalog.refresh();

      SearchHit after = tableHit(catalog, GdprTestCatalog.MART);
      assertThat(after.badges()).doesNotContain("personal data");
      assertThat(catalog.table(TableId.parse(GdprTestCatalog.MART)).orElseThrow()).isEqualTo(tableBefore);
      assertThat(catalog.search(SearchRequest.of("contactable customers campaigns", 5)).hits())
          .extracting(SearchHit::id).first().isEqualTo(GdprTestCatalog.MART);
      assertThat(catalog.tableCount()).isEqualTo(2);
      assertThat(catalog.search(SearchRequest.of("pii:hashed_id", 20)).hits()).isEmpty();
    }
  }

  @Test
  void tablesTheCatalogDoesNotHoldAreSkipped() throws Exception {
    try (ReviewStore store = store()) {
      assertThat(ReviewedTables.reindex(index, store, classifier, List.of(FieldKey.of("acme.crm.gone", "email"))))
          .isZero();
    }
  }

  private static SearchHit tableHit(LuceneCatalog catalog, String id) throws Exception {
    return catalog.search(SearchRequest.of(id, 5)).hits().stream().filter(h -> h.id().equals(id)).findFirst()
        .orElseThrow();
  }

  /** Hit ids, and for table hits the ids of their matched fields. */
  private static List<String> ids(SearchResponse r) {
    return r.hits().stream().flatMap(h -> Stream.concat(Stream.of(h.id()),
        h.matchedFields().stream().map(f -> h.id() + ":" + f))).toList();
  }
}
