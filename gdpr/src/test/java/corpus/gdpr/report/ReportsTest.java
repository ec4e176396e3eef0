package corpus.gdpr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import corpus.gdpr.review.ReviewStatus;
import corpus.gdpr.taxonomy.Taxonomy;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {

  private final Taxonomy taxonomy = Taxonomy.defaults();

  private final ReportInput input = new ReportInput(
      List.of(new DatasetInfo("p.crm", "EU", List.of("team-crm@example.com"), "Customer master data", null),
          new DatasetInfo("p.us_marketing", "US", List.of("growth"), null, null),
          new DatasetInfo("p.health", "europe-west3", List.of("hr"), null, Duration.ofDays(365))),
      List.of(new TableInfo("p.crm.users", null, null, List.of()),
          new TableInfo("p.us_marketing.leads", Instant.parse("2027-01-01T00:00:00Z"), null, List.of()),
          new TableInfo("p.health.sick_days", null, null, List.of())),
      List.of(new ClassifiedField("p.crm.users", "email", "email", 0.95, ReviewStatus.CONFIRMED),
          new ClassifiedField("p.crm.users", "name", "person_name", 0.9, ReviewStatus.SUGGESTED),
          new ClassifiedField("p.crm.users", "signup_date", "not_personal", 0.9, ReviewStatus.SUGGESTED),
          new ClassifiedField("p.crm.users", "notes", "not_personal", 0.6, ReviewStatus.REJECTED),
          new ClassifiedField("p.us_marketing.leads", "email", "email", 0.95, ReviewStatus.CONFIRMED),
          new ClassifiedField("p.health.sick_days", "diagnosis", "health", 0.85, ReviewStatus.CONFIRMED)),
      List.of(new DataFlow("p.crm.users", "p.us_marketing.leads"), new DataFlow("p.crm.users", "p.crm.users_daily")));

  @Test
  void recordOfProcessingListsCategoriesLocationRetentionOwnersAndRecipients() {
    List<ProcessingRecord> records = new ProcessingRecords(taxonomy).build(input);

    assertThat(records).extracting(ProcessingRecord::dataset).containsExactly("p.crm", "p.health", "p.us_marketing");
    ProcessingRecord crm = records.getFirst();
    assertThat(crm.location()).isEqualTo("EU");
    assertThat(crm.owners()).containsExactly("team-crm@example.com");
    assertThat(crm.categories()).extracting(ProcessingRecord.CategoryUse::category).containsExactly("person_name", "email");
    assertThat(crm.categories().get(0).reviewed()).isFalse();
    assertThat(crm.retention()).singleElement().satisfies(r -> assertThat(r.retention()).isEqualTo("no expiration"));
    assertThat(crm.recipients()).containsExactly("p.us_marketing.leads");
    assertThat(records.get(1).retention().getFirst().retention()).isEqualTo("dataset default: tables kept 365 days");
  }

  @Test
  void findingsCoverSpecialDataLocationRetentionAndUnreviewedSuggestions() {
    List<Finding> findings = new Findings(taxonomy).find(input, 0.8);

    assertThat(findings).extracting(Finding::kind, Finding::table).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Finding.Kind.SPECIAL_CATEGORY_DATA, "p.health.sick_days"),
        org.assertj.core.groups.Tuple.tuple(Finding.Kind.PERSONAL_DATA_OUTSIDE_EU, "p.us_marketing.leads"),
        org.assertj.core.groups.Tuple.tuple(Finding.Kind.PERSONAL_DATA_WITHOUT_EXPIRATION, "p.crm.users"),
        org.assertj.core.groups.Tuple.tuple(Finding.Kind.UNREVIEWED_SUGGESTION, "p.crm.users"));
    assertThat(findings.get(1).message()).contains("US").contains("outside the EU");
    assertThat(findings.get(3).field()).isEqualTo("name");
  }

  @Test
  void csvAndHtmlAreEscaped() throws Exception {
    ReportInput tricky = new ReportInput(
        List.of(new DatasetInfo("p.crm", "EU", List.of("=cmd()", "a,b"), "<script>alert(1)</script>", null)),
        List.of(), List.of(new ClassifiedField("p.crm.users", "email", "email", 0.9, ReviewStatus.CONFIRMED)), List.of());
    List<ProcessingRecord> records = new ProcessingRecords(taxonomy).build(tricky);

    StringWriter csv = new StringWriter();
    new ProcessingRecordCsvWriter().write(records, csv);
    assertThat(csv.toString()).startsWith("dataset,location,category,").contains("\r\np.crm,EU,email,")
        .contains("\"'=cmd(); a,b\"");

    StringWriter html = new StringWriter();
    new ProcessingRecordHtmlWriter().write(records, "Record of processing", html);
    assertThat(html.toString()).contains("&lt;script&gt;").doesNotContain("<script>").contains("Art. 4(1)");
  }

  @Test
  void subjectRequestsAreParameterisedPerTable() {
    List<SubjectRequestPlan> plans = new SubjectRequests().plan(List.of(
        IdentifierField.of("p.crm.users", "user_id", "INT64"),
        IdentifierField.of("p.events.plays", "user_id", "STRING"),
        new IdentifierField("p.events.sessions", "hits.user_id", "STRING", "hits", null),
        new IdentifierField("p.mart.daily", "user_hash", "STRING", null, "TO_HEX(SHA256(@subject_id))")));

    assertThat(plans).hasSize(4);
    assertThat(plans.get(0).accessSql())
        .isEqualTo("SELECT * FROM `p.crm.users` WHERE `user_id` = SAFE_CAST(@subject_id AS INT64)");
    assertThat(plans.get(0).erasureSql())
        .containsExactly("DELETE FROM `p.crm.users` WHERE `user_id` = SAFE_CAST(@subject_id AS INT64)");
    assertThat(plans.get(2).accessSql()).isEqualTo(
        "SELECT * FROM `p.events.sessions` WHERE EXISTS (SELECT 1 FROM UNNEST(`hits`) AS elem WHERE elem.`user_id` = @subject_id)");
    assertThat(plans.get(2).erasureSql().getFirst()).startsWith("UPDATE `p.events.sessions` SET `hits` = ARRAY(")
        .contains("WHERE NOT IFNULL(elem.`user_id` = @subject_id, FALSE)");
    assertThat(plans.get(3).accessSql()).endsWith("`user_hash` = TO_HEX(SHA256(@subject_id))");
  }

  @Test
  void subjectRequestsRefuseInjectableNames() {
    assertThatThrownBy(() -> new SubjectRequests().plan(List.of(IdentifierField.of("p.d.t`; DROP TABLE x; --", "id", "STRING"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SubjectRequests().plan(List.of(IdentifierField.of("p.d.t", "id = id OR 1", "STRING"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
