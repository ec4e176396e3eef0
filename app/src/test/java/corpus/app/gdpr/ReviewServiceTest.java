package corpus.app.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.testing.SmallCatalog;
import corpus.gdpr.detect.Classifier;
import corpus.gdpr.detect.FieldContext;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.review.Reviewer;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.gdpr.GdprFieldClassifications;
import corpus.indexer.gdpr.GdprStores;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.search.SearchRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review decisions made through the service show in the open catalog's {@code pii:} search at once. */
class ReviewServiceTest {

  private static final String EVENTS = SmallCatalog.APP_EVENTS.toString();

  @TempDir Path dir;
  private final Classifier classifier = Classifier.withDefaults();
  private ReviewService service;
  private CatalogReader catalog;

  @BeforeEach
  void open() throws Exception {
    Path db = dir.resolve("corpus.db");
    ReviewStore store = GdprStores.open(db, new Reviewer("alice"), classifier.taxonomy());
    List<String> fields = List.of("event_time", "user_id", "ip_address");
    store.applyScan(Stream.of("user_id", "ip_address")
        .map(f -> classifier.classify(FieldContext.of(EVENTS, f, "STRING").withSiblings(fields))).toList());
    Path index = dir.resolve("index");
    new Indexer(index).withClassifications(GdprFieldClassifications.load(db))
        .run(List.of(new SmallCatalog()), ProgressListener.NONE);
    catalog = LuceneCatalog.open(index);
    service = new ReviewService(store, classifier)
        .followedBy(new ReviewService.CatalogLink(index, () -> catalog));
  }

  @AfterEach
  void close() throws Exception {
    service.close();
    catalog.close();
  }

  @Test
  void rejectingAFieldTakesItOutOfPiiSearchAtOnce() throws Exception {
    assertThat(fieldHits("pii:ip_address")).contains(EVENTS + ":ip_address");

    service.decide(ReviewService.Decision.REJECT, List.of(FieldKey.of(EVENTS, "ip_address")), null, "load balancer IPs");

    assertThat(fieldHits("pii:ip_address")).doesNotContain(EVENTS + ":ip_address");
  }

  @Test
  void changingAndConfirmingShowTheCategoryInForce() throws Exception {
    assertThat(fieldHits("pii:hashed_id")).isEmpty();
    assertThat(fieldHits("pii:user_id")).contains(EVENTS + ":user_id");

    service.decide(ReviewService.Decision.CHANGE, List.of(FieldKey.of(EVENTS, "user_id")), "hashed_id",
        "salted hash of the account id");
    service.decide(ReviewService.Decision.CONFIRM, List.of(FieldKey.of(EVENTS, "ip_address")), null, "raw IPs");

    assertThat(fieldHits("pii:hashed_id")).contains(EVENTS + ":user_id");
    assertThat(fieldHits("pii:user_id")).doesNotContain(EVENTS + ":user_id");
    assertThat(fieldHits("pii:ip_address")).contains(EVENTS + ":ip_address");
  }

  private List<String> fieldHits(String query) throws Exception {
    return catalog.search(SearchRequest.of(query, 20)).hits().stream()
        .flatMap(h -> Stream.concat(Stream.of(h.id()), h.matchedFields().stream().map(f -> h.id() + ":" + f)))
        .filter(id -> id.contains(":"))
        .toList();
  }
}
