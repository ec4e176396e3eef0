package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.AcmeProject.EMAIL_TAG;
import static corpus.indexer.source.bigquery.AcmeProject.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import corpus.indexer.model.Problem;
import corpus.indexer.model.TableId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("bigquery")
class PolicyTagWriterTest {

  private static final TableId CUSTOMERS = TableId.parse("acme-analytics.published_core.customers");
  private static final String DEVICE_TAG = "projects/acme-analytics/locations/eu/taxonomies/1001/policyTags/2002";
  private static final String CITY_TAG = "projects/acme-analytics/locations/eu/taxonomies/1001/policyTags/2003";

  private FakeBigQueryServer server;
  private PolicyTagWriter writer;

  @BeforeEach
  void start() throws Exception {
    server = FakeBigQueryServer.start();
    AcmeProject.load(server);
    BigQueryConnection connection = server.connection(PROJECT);
    writer = new PolicyTagWriter(connection.open(), connection);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private PolicyTagPlan plan() throws InterruptedException {
    return writer.plan(List.of(
        new PolicyTagAssignment(CUSTOMERS, "email", EMAIL_TAG),
        new PolicyTagAssignment(CUSTOMERS, "devices.device_id", DEVICE_TAG),
        new PolicyTagAssignment(CUSTOMERS, "Address.City", CITY_TAG),
        new PolicyTagAssignment(CUSTOMERS, "address", CITY_TAG),
        new PolicyTagAssignment(CUSTOMERS, "phone", CITY_TAG),
        new PolicyTagAssignment(TableId.parse("acme-analytics.published_core.gone"), "x", CITY_TAG)));
  }

  @Test
  void planPreviewsWhichColumnGetsWhichTagAndWhatCannotBeDone() throws Exception {
    PolicyTagPlan plan = plan();

    assertThat(plan.describe()).containsExactly(
        "acme-analytics.published_core.customers  devices.device_id: (none) -> " + DEVICE_TAG,
        "acme-analytics.published_core.customers  address.city: (none) -> " + CITY_TAG);
    assertThat(plan.unchanged()).extracting(PolicyTagAssignment::fieldPath).containsExactly("email");
    assertThat(plan.problems()).extracting(Problem::file, Problem::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("acme-analytics.published_core.customers:address",
            "policy tags go on leaf columns, not on the RECORD itself; tag its fields instead"),
        org.assertj.core.groups.Tuple.tuple("acme-analytics.published_core.customers:phone", "no such column"),
        org.assertj.core.groups.Tuple.tuple("acme-analytics.published_core.gone", "table not found"));
    assertThat(server.count("PATCH|X-HTTP")).isZero();
  }

  @Test
  void dryRunReportsThePatchWithoutWritingAnything() throws Exception {
    PolicyTagResult result = writer.apply(plan(), true);

    assertThat(result.dryRun()).isTrue();
    assertThat(result.patched()).containsExactly(CUSTOMERS);
    assertThat(result.applied()).hasSize(2);
    assertThat(server.count("^PATCH ")).isZero();
    assertThat(server.table(PROJECT, "published_core", "customers").toString()).doesNotContain(DEVICE_TAG);
  }

  @Test
  void applyPatchesTheSchemaOnceAndKeepsEveryOtherColumnAsItWas() throws Exception {
    PolicyTagResult result = writer.apply(plan(), false);

    assertThat(result.problems()).isEmpty();
    assertThat(server.count("^PATCH /projects/acme-analytics/datasets/published_core/tables/customers")).isEqualTo(1);
    JsonNode schema = server.table(PROJECT, "published_core", "customers").path("schema").path("fields");
    assertThat(schema.get(1).path("policyTags").path("names").get(0).asText()).isEqualTo(EMAIL_TAG);
    assertThat(schema.get(2).path("fields").get(1).path("policyTags").path("names").get(0).asText()).isEqualTo(CITY_TAG);
    assertThat(schema.get(3).path("fields").get(0).path("policyTags").path("names").get(0).asText()).isEqualTo(DEVICE_TAG);
    assertThat(schema.get(2).path("fields").get(0).has("policyTags")).isFalse();
    assertThat(schema.get(0).path("description").asText()).isEqualTo("Pseudonymous customer key.");

    CollectingSink sink = new CollectingSink();
    new BigQuerySource(List.of(PROJECT), server.connection(PROJECT),
        CrawlOptions.defaults().withUsageWindow(java.time.Duration.ZERO)).crawl(sink, corpus.indexer.progress.ProgressListener.NONE);
    assertThat(sink.table(CUSTOMERS.toString()).flatFields()).filteredOn(f -> f.path().equals("address.city"))
        .singleElement().satisfies(f -> assertThat(f.field().policyTags()).containsExactly(CITY_TAG));
  }

  @Test
  void tableChangedSinceThePreviewIsSkippedNotOverwritten() throws Exception {
    PolicyTagPlan plan = plan();
    var city = (com.fasterxml.jackson.databind.node.ObjectNode) server.table(PROJECT, "published_core", "customers")
        .path("schema").path("fields").get(2).path("fields").get(1);
    FakeResources.withPolicyTag(city, "projects/acme-analytics/locations/eu/taxonomies/9/policyTags/9");

    PolicyTagResult result = writer.apply(plan, false);

    assertThat(result.patched()).isEmpty();
    assertThat(result.problems()).singleElement().satisfies(p ->
        assertThat(p.reason()).isEqualTo("policy tags of address.city changed since the preview; plan again"));
    assertThat(server.count("^PATCH ")).isZero();
  }
}
