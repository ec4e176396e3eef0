package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.AcmeProject.EMAIL_TAG;
import static corpus.indexer.source.bigquery.AcmeProject.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import corpus.gdpr.taxonomy.Taxonomy;
import corpus.indexer.model.Problem;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.bigquery.PolicyTagSyncPlan.Action;
import corpus.indexer.source.bigquery.PolicyTagSyncPlan.ColumnPlan;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Policy-tag sync end to end: the official BigQuery and Data Catalog clients against local fake servers. */
@Tag("bigquery")
class PolicyTagSyncTest {

  private static final Taxonomy TAXONOMY = Taxonomy.defaults();
  private static final TableId CUSTOMERS = TableId.parse("acme-analytics.published_core.customers");
  private static final TableId PLAYS = TableId.parse("acme-analytics.published_core.plays");
  private static final TableId SALARIES = TableId.parse("acme-analytics.restricted_hr.salaries");

  private FakeBigQueryServer bigquery;
  private FakeDataCatalogServer datacatalog;
  private PolicyTagCatalog catalog;
  private PolicyTagSync sync;

  @BeforeEach
  void start() throws Exception {
    bigquery = FakeBigQueryServer.start();
    AcmeProject.load(bigquery);
    datacatalog = FakeDataCatalogServer.start();
    BigQueryConnection connection = bigquery.connection(PROJECT);
    catalog = PolicyTagCatalog.open(connection, datacatalog.endpoint(), null);
    sync = new PolicyTagSync(connection.open(), connection, catalog, PolicyTagSync.Options.of(PROJECT),
        TAXONOMY.version());
  }

  @AfterEach
  void stop() {
    catalog.close();
    datacatalog.close();
    bigquery.close();
  }

  private static PolicyTagRequest request(TableId table, String field, String category) {
    return new PolicyTagRequest(table, field, TAXONOMY.require(category), "alice");
  }

  private static List<PolicyTagRequest> requests() {
    return List.of(
        request(CUSTOMERS, "email", "email"),
        request(CUSTOMERS, "address.city", "postal_address"),
        request(CUSTOMERS, "devices.device_id", "device_id"),
        request(PLAYS, "customer_id", "user_id"),
        request(SALARIES, "employee_id", "user_id"));
  }

  private static String tagOf(JsonNode field) {
    return field.path("policyTags").path("names").path(0).asText(null);
  }

  private JsonNode field(String table, String... path) {
    JsonNode fields = bigquery.table(PROJECT, "published_core", table).path("schema").path("fields");
    JsonNode f = null;
    for (String p : path) {
      f = null;
      for (JsonNode candidate : fields) {
        if (candidate.path("name").asText().equals(p)) {
          f = candidate;
        }
      }
      fields = f == null ? null : f.path("fields");
    }
    return f;
  }

  @Test
  void previewListsTaxonomyAndTagsToCreateAndEveryColumnAndChangesNothing() throws Exception {
    PolicyTagSyncPlan plan = sync.plan(requests(), ProgressListener.NONE);

    assertThat(plan.locations()).singleElement().satisfies(l -> {
      assertThat(l.location()).isEqualTo("eu");
      assertThat(l.createsTaxonomy()).isTrue();
      assertThat(l.tagsToCreate()).extracting(PolicyTagSyncPlan.NewTag::displayName, PolicyTagSyncPlan.NewTag::parent)
          .containsExactly(
              tuple("sensitivity_medium", null), tuple("sensitivity_high", null),
              tuple("pii_postal_address", "sensitivity_high"), tuple("pii_device_id", "sensitivity_medium"),
              tuple("pii_user_id", "sensitivity_medium"));
    });
    assertThat(plan.columns()).extracting(ColumnPlan::table, ColumnPlan::field, ColumnPlan::action, ColumnPlan::tag)
        .containsExactly(
            tuple(CUSTOMERS, "email", Action.CONFLICT, "pii_email"),
            tuple(CUSTOMERS, "address.city", Action.ADD, "pii_postal_address"),
            tuple(CUSTOMERS, "devices.device_id", Action.ADD, "pii_device_id"),
            tuple(PLAYS, "customer_id", Action.ADD, "pii_user_id"),
            tuple(SALARIES, "employee_id", Action.ADD, "pii_user_id"));
    assertThat(plan.describe()).contains(
        "location eu: taxonomy \"Corpus GDPR\" will be created in projects/acme-analytics/locations/eu",
        "  create tag sensitivity_high / pii_postal_address",
        "acme-analytics.published_core.customers  address.city: (none) -> pii_postal_address (new)",
        "acme-analytics.published_core.customers  email: " + EMAIL_TAG
            + " is not a Corpus tag; left alone (wanted pii_email)");
    assertThat(datacatalog.count("^POST ")).isZero();
    assertThat(bigquery.count("^PATCH ")).isZero();
    assertThat(datacatalog.authorizations()).as("no credentials go to a local endpoint").isEmpty();
  }

  @Test
  void applyCreatesTheTaxonomyWithLevelsThenTagsEachTableOnceAndLeavesForeignTagsAlone() throws Exception {
    PolicyTagSyncResult result = sync.apply(sync.plan(requests(), ProgressListener.NONE), ProgressListener.NONE);

    assertThat(result.taxonomiesCreated()).extracting(PolicyTagCatalog.TaxonomyRef::displayName)
        .containsExactly("Corpus GDPR");
    ObjectNode taxonomy = datacatalog.taxonomies(PROJECT, "eu").getFirst();
    assertThat(taxonomy.path("activatedPolicyTypes")).as("labels only; access control stays off").isEmpty();
    Map<String, JsonNode> tags = datacatalog.tags(taxonomy.path("name").asText()).stream()
        .collect(Collectors.toMap(t -> t.path("displayName").asText(), t -> t));
    assertThat(tags.get("pii_postal_address").path("parentPolicyTag").asText())
        .isEqualTo(tags.get("sensitivity_high").path("name").asText());
    assertThat(tags.get("pii_user_id").path("parentPolicyTag").asText())
        .isEqualTo(tags.get("sensitivity_medium").path("name").asText());
    assertThat(result.tagsCreated()).hasSize(5);

    assertThat(tagOf(field("customers", "address", "city"))).isEqualTo(tags.get("pii_postal_address").path("name").asText());
    assertThat(tagOf(field("customers", "devices", "device_id"))).isEqualTo(tags.get("pii_device_id").path("name").asText());
    assertThat(tagOf(field("plays", "customer_id"))).isEqualTo(tags.get("pii_user_id").path("name").asText());
    assertThat(tagOf(field("customers", "email"))).isEqualTo(EMAIL_TAG);
    assertThat(field("customers", "customer_id").has("policyTags")).isFalse();
    assertThat(bigquery.count("^PATCH /projects/acme-analytics/datasets/published_core/tables/customers")).isEqualTo(1);
    assertThat(result.patched()).containsExactly(CUSTOMERS, PLAYS, SALARIES);

    PolicyTagSyncPlan again = sync.plan(requests(), ProgressListener.NONE);
    assertThat(again.isEmpty()).as("a second run has nothing to do").isTrue();
    assertThat(again.locations().getFirst().createsTaxonomy()).isFalse();
    assertThat(again.columns()).extracting(ColumnPlan::action)
        .containsExactly(Action.CONFLICT, Action.UNCHANGED, Action.UNCHANGED, Action.UNCHANGED, Action.UNCHANGED);
  }

  @Test
  void existingTaxonomyAndTagsAreReusedAndOnlyMissingTagsCreated() throws Exception {
    ObjectNode taxonomy = datacatalog.addTaxonomy(PROJECT, "eu", "Corpus GDPR");
    ObjectNode high = datacatalog.addTag(taxonomy, "sensitivity_high", null);
    ObjectNode address = datacatalog.addTag(taxonomy, "pii_postal_address", high);

    PolicyTagSyncPlan plan = sync.plan(requests(), ProgressListener.NONE);

    assertThat(plan.locations().getFirst().taxonomyName()).isEqualTo(taxonomy.path("name").asText());
    assertThat(plan.locations().getFirst().tagsToCreate()).extracting(PolicyTagSyncPlan.NewTag::displayName)
        .containsExactly("sensitivity_medium", "pii_device_id", "pii_user_id");
    assertThat(plan.columns()).filteredOn(c -> c.field().equals("address.city")).singleElement()
        .satisfies(c -> assertThat(c.tagName()).isEqualTo(address.path("name").asText()));

    PolicyTagSyncResult result = sync.apply(plan, ProgressListener.NONE);

    assertThat(result.taxonomiesCreated()).isEmpty();
    assertThat(datacatalog.count("^POST /v1/projects/acme-analytics/locations/eu/taxonomies$")).isZero();
    assertThat(datacatalog.taxonomies(PROJECT, "eu")).hasSize(1);
    assertThat(tagOf(field("customers", "address", "city"))).isEqualTo(address.path("name").asText());
  }

  @Test
  void changedDecisionReplacesTheOldCorpusTag() throws Exception {
    sync.apply(sync.plan(List.of(request(PLAYS, "customer_id", "user_id")), ProgressListener.NONE), ProgressListener.NONE);
    String before = tagOf(field("plays", "customer_id"));

    PolicyTagSyncPlan plan = sync.plan(List.of(request(PLAYS, "customer_id", "hashed_id")), ProgressListener.NONE);

    assertThat(plan.columns()).singleElement().satisfies(c -> {
      assertThat(c.action()).isEqualTo(Action.REPLACE);
      assertThat(c.current()).containsExactly(before);
    });
    sync.apply(plan, ProgressListener.NONE);
    String taxonomy = datacatalog.taxonomies(PROJECT, "eu").getFirst().path("name").asText();
    assertThat(tagOf(field("plays", "customer_id"))).isEqualTo(datacatalog.tags(taxonomy).stream()
        .filter(t -> t.path("displayName").asText().equals("pii_hashed_id")).findFirst().orElseThrow().path("name").asText());
  }

  @Test
  void rejectedClassificationLosesItsCorpusTagAndForeignTagsStay() throws Exception {
    sync.apply(sync.plan(List.of(request(PLAYS, "customer_id", "user_id")), ProgressListener.NONE), ProgressListener.NONE);
    assertThat(tagOf(field("plays", "customer_id"))).isNotNull();

    PolicyTagSyncPlan plan = sync.plan(List.of(request(CUSTOMERS, "email", Taxonomy.NOT_PERSONAL),
        request(CUSTOMERS, "address.street", Taxonomy.NOT_PERSONAL),
        request(PLAYS, "customer_id", Taxonomy.NOT_PERSONAL)), ProgressListener.NONE);

    assertThat(plan.columns()).extracting(ColumnPlan::table, ColumnPlan::field, ColumnPlan::action)
        .as("only the column carrying a Corpus tag is touched").containsExactly(tuple(PLAYS, "customer_id", Action.REMOVE));
    PolicyTagSyncResult result = sync.apply(plan, ProgressListener.NONE);
    assertThat(result.problems()).isEmpty();
    assertThat(tagOf(field("plays", "customer_id"))).isNull();
    JsonNode patched = bigquery.bodies().getLast().path("schema").path("fields").get(1);
    assertThat(patched.path("name").asText()).isEqualTo("customer_id");
    assertThat(patched.path("policyTags").path("names").isArray())
        .as("BigQuery removes a column's tag when the patch sends an empty list: " + patched).isTrue();
    assertThat(patched.path("policyTags").path("names")).isEmpty();
    assertThat(tagOf(field("customers", "email"))).isEqualTo(EMAIL_TAG);
    assertThat(sync.plan(List.of(request(PLAYS, "customer_id", Taxonomy.NOT_PERSONAL)), ProgressListener.NONE).isEmpty())
        .isTrue();
  }

  @Test
  void permissionDeniedOnADatasetIsReportedAndTheOthersGoOn() throws Exception {
    bigquery.fail("GET", "/projects/acme-analytics/datasets/restricted_hr/tables/salaries", 403, "accessDenied", -1);
    bigquery.fail("PATCH", "/projects/acme-analytics/datasets/published_core/tables/plays", 403, "accessDenied", -1);

    PolicyTagSyncResult result = sync.apply(sync.plan(requests(), ProgressListener.NONE), ProgressListener.NONE);

    assertThat(result.problems()).extracting(Problem::file).containsExactly(SALARIES.toString(), PLAYS.toString());
    assertThat(result.problems().getFirst().reason()).startsWith("Permission denied while reading table " + SALARIES);
    assertThat(result.patched()).containsExactly(CUSTOMERS);
    assertThat(tagOf(field("customers", "address", "city"))).isNotNull();
    assertThat(tagOf(field("plays", "customer_id"))).isNull();
  }

  @Test
  void rateLimitedDataCatalogCallsAreRetriedThenSucceed() throws Exception {
    datacatalog.fail("GET", "/v1/projects/acme-analytics/locations/eu/taxonomies", 429, 2);
    datacatalog.fail("POST", "/v1/projects/acme-analytics/locations/eu/taxonomies/[^/]+/policyTags", 429, 1);

    PolicyTagSyncResult result = sync.apply(sync.plan(requests(), ProgressListener.NONE), ProgressListener.NONE);

    assertThat(result.problems()).isEmpty();
    assertThat(datacatalog.count("^GET /v1/projects/acme-analytics/locations/eu/taxonomies$")).isEqualTo(3);
    assertThat(result.tagsCreated()).hasSize(5);
    assertThat(tagOf(field("plays", "customer_id"))).isNotNull();
  }

  @Test
  void deniedTaxonomyCreationIsReportedAndNoColumnIsWritten() throws Exception {
    datacatalog.fail("POST", "/v1/projects/acme-analytics/locations/eu/taxonomies", 403, -1);

    PolicyTagSyncResult result = sync.apply(sync.plan(requests(), ProgressListener.NONE), ProgressListener.NONE);

    assertThat(result.problems()).extracting(Problem::file).startsWith("projects/acme-analytics/locations/eu");
    assertThat(result.problems().getFirst().reason())
        .startsWith("Permission denied while creating the taxonomy \"Corpus GDPR\"")
        .contains("datacatalog.taxonomies.create");
    assertThat(result.problems()).extracting(Problem::reason)
        .contains("skipped: the policy tag pii_user_id could not be created in eu");
    assertThat(bigquery.count("^PATCH ")).isZero();
  }

  @Test
  void taxonomiesAreFoundAcrossPagesAndByDisplayNameOnly() throws Exception {
    datacatalog.maxPageSize(2);
    for (int i = 0; i < 5; i++) {
      datacatalog.addTaxonomy(PROJECT, "eu", "Finance " + i);
    }
    ObjectNode corpus = datacatalog.addTaxonomy(PROJECT, "eu", "Privacy");
    datacatalog.addTaxonomy(PROJECT, "us", "Corpus GDPR");
    PolicyTagSync named = new PolicyTagSync(bigquery.connection(PROJECT).open(), bigquery.connection(PROJECT), catalog,
        PolicyTagSync.Options.of(PROJECT).withTaxonomy("Privacy"), TAXONOMY.version());

    PolicyTagSyncPlan plan = named.plan(List.of(request(PLAYS, "customer_id", "user_id")), ProgressListener.NONE);

    assertThat(plan.taxonomy()).isEqualTo("Privacy");
    assertThat(plan.locations().getFirst().taxonomyName()).isEqualTo(corpus.path("name").asText());
    assertThat(datacatalog.count("^GET /v1/projects/acme-analytics/locations/eu/taxonomies$")).isEqualTo(3);
  }
}
