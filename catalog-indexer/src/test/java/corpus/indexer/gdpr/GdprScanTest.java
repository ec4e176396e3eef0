package corpus.indexer.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.gdpr.detect.Classifier;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.review.Reviewer;
import corpus.gdpr.scan.ValueSampler;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.search.SearchRequest;
import corpus.indexer.search.SearchResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GdprScanTest {

  @TempDir Path dir;
  private final Classifier classifier = Classifier.withDefaults();
  private CatalogSnapshot catalog;

  @BeforeEach
  void buildCatalog() throws Exception {
    GdprTestCatalog.build(dir.resolve("index"));
    catalog = CatalogSnapshot.read(dir.resolve("index"));
  }

  private ReviewStore store(String reviewer) throws Exception {
    return GdprStores.open(dir.resolve("corpus.db"), new Reviewer(reviewer), classifier.taxonomy());
  }

  private static Map<String, FieldClassification> byId(List<FieldClassification> fields) {
    return fields.stream().collect(Collectors.toMap(f -> f.table() + ":" + f.field(), Function.identity()));
  }

  @Test
  void classifiesEveryFieldFromMetadataAndLineageWithoutData() throws Exception {
    GdprScan.Result result;
    try (ReviewStore store = store("alice")) {
      result = new GdprScan(classifier).run(catalog, store, ValueSampler.none());
    }
    Map<String, FieldClassification> f = byId(result.fields());

    assertThat(result.fields()).hasSize(13);
    assertThat(f.get("acme.crm.users:email").category()).isEqualTo("email");
    assertThat(f.get("acme.crm.users:email_verified").category()).isEqualTo("not_personal");
    assertThat(f.get("acme.crm.users:ip_country").category()).isEqualTo("not_personal");
    assertThat(f.get("acme.mart.user_contacts:contact").category()).isEqualTo("email");
    assertThat(f.get("acme.mart.user_contacts:contact").evidence())
        .anySatisfy(e -> assertThat(e).contains("acme.crm.users:email").contains("LOWER(email)"));
    assertThat(f.get("acme.mart.user_contacts:email_sha").category()).isEqualTo("hashed_id");
    assertThat(f.get("acme.mart.user_contacts:n_sessions").category()).isEqualTo("not_personal");
    assertThat(result.fields()).allSatisfy(c -> assertThat(c.status()).isEqualTo("suggested"));
  }

  @Test
  void aRescanNeverOverridesADecisionAndDecisionsFeedLineage() throws Exception {
    try (ReviewStore store = store("alice")) {
      GdprScan scan = new GdprScan(classifier);
      scan.run(catalog, store, ValueSampler.none());
      store.reject(FieldKey.of(GdprTestCatalog.USERS, "email"), "test addresses only");
      store.change(FieldKey.of(GdprTestCatalog.USERS, "ip_country"), "ip_address", "holds raw IPs despite the name");

      Map<String, FieldClassification> f = byId(scan.run(catalog, store, ValueSampler.none()).fields());

      assertThat(f.get("acme.crm.users:email").category()).isEqualTo("not_personal");
      assertThat(f.get("acme.crm.users:email").status()).isEqualTo("rejected");
      assertThat(f.get("acme.crm.users:ip_country").category()).isEqualTo("ip_address");
      assertThat(f.get("acme.crm.users:ip_country").infoType()).isEqualTo("IP_ADDRESS");
      assertThat(f.get("acme.mart.user_contacts:contact").category())
          .as("a column rejected as not personal passes nothing on").isEqualTo("not_personal");
    }
  }

  @Test
  void theIndexCarriesDecisionsThenSuggestionsSoPiiSearchFindsThem() throws Exception {
    try (ReviewStore store = store("alice")) {
      new GdprScan(classifier).run(catalog, store, ValueSampler.none());
      store.change(FieldKey.of(GdprTestCatalog.USERS, "ip_country"), "ip_address", "raw IPs");
    }
    Path rebuilt = dir.resolve("index2");
    new Indexer(rebuilt).withClassifications(GdprFieldClassifications.load(dir.resolve("corpus.db")))
        .run(List.of(new GdprTestCatalog()), ProgressListener.NONE);

    try (LuceneCatalog reader = LuceneCatalog.open(rebuilt)) {
      assertThat(ids(reader.search(SearchRequest.of("pii:email", 20))))
          .contains("acme.crm.users:email", "acme.mart.user_contacts:contact");
      assertThat(ids(reader.search(SearchRequest.of("pii:ip_address", 20)))).contains("acme.crm.users:ip_country");
      assertThat(ids(reader.search(SearchRequest.of("pii:hashed_id", 20)))).contains("acme.mart.user_contacts:email_sha");
    }
  }

  @Test
  void withoutAnyScanTheIndexStillCarriesMetadataClassifications() throws Exception {
    GdprFieldClassifications none = GdprFieldClassifications.load(dir.resolve("absent.db"));
    Path index = dir.resolve("index3");
    new Indexer(index).withClassifications(none).run(List.of(new GdprTestCatalog()), ProgressListener.NONE);
    try (LuceneCatalog reader = LuceneCatalog.open(index)) {
      assertThat(ids(reader.search(SearchRequest.of("pii:email", 20)))).contains("acme.crm.users:email");
    }
  }

  /** Hit ids, and for table hits the ids of their matched fields. */
  private static List<String> ids(SearchResponse r) {
    return r.hits().stream().flatMap(h -> java.util.stream.Stream.concat(java.util.stream.Stream.of(h.id()),
        h.matchedFields().stream().map(f -> h.id() + ":" + f))).toList();
  }
}
