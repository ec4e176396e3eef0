package corpus.gdpr.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.gdpr.detect.Classifier;
import corpus.gdpr.detect.FieldContext;
import corpus.gdpr.detect.Suggestion;
import corpus.gdpr.scan.GdprScanner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LineagePropagatorTest {

  private static final ColumnRef EMAIL = ColumnRef.of("p.crm.users", "email");
  private static final ColumnRef COPY = ColumnRef.of("p.mart.contacts", "contact");

  private final GdprScanner scanner = new GdprScanner(Classifier.withDefaults());

  private Suggestion target(ColumnEdge edge, String targetType) {
    List<FieldContext> fields = List.of(FieldContext.of("p.crm.users", "email", "STRING"),
        FieldContext.of(COPY.table(), COPY.field(), targetType));
    return scanner.scan(fields, List.of(edge)).suggestions().get(1);
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      IDENTITY       | email                          | STRING | email
      TRANSFORMATION | LOWER(TRIM(email))             | STRING | email
      TRANSFORMATION | TO_HEX(SHA256(email))          | STRING | hashed_id
      TRANSFORMATION | FARM_FINGERPRINT(email)        | INT64  | hashed_id
      TRANSFORMATION | MD5(LOWER(email))              | BYTES  | hashed_id
      AGGREGATION    | COUNT(DISTINCT email)          | INT64  | not_personal
      TRANSFORMATION | LENGTH(email)                  | INT64  | not_personal
      """)
  void derivedColumnInheritsOrNot(String derivation, String expression, String type, String expected) {
    Suggestion s = target(ColumnEdge.of(EMAIL, COPY, Derivation.valueOf(derivation), expression), type);
    assertThat(s.category()).as(String.join("\n", s.evidence())).isEqualTo(expected);
    if (!expected.equals("not_personal")) {
      assertThat(s.evidence()).anySatisfy(e -> assertThat(e).contains("derived from p.crm.users:email"));
    }
  }

  @Test
  void pathOverSeveralHopsIsTheEvidence() {
    ColumnRef stage = ColumnRef.of("p.stage.u", "mail");
    List<FieldContext> fields = List.of(FieldContext.of("p.crm.users", "email", "STRING"),
        FieldContext.of("p.stage.u", "mail_x", "STRING"), FieldContext.of(COPY.table(), COPY.field(), "STRING"));
    List<ColumnEdge> edges = List.of(ColumnEdge.identity(EMAIL, stage),
        ColumnEdge.of(stage, COPY, Derivation.TRANSFORMATION, "LOWER(mail) -- 'bob@example.com'"));
    Suggestion s = scanner.scan(fields, edges).suggestions().get(2);
    assertThat(s.category()).isEqualTo("email");
    assertThat(String.join(" ", s.evidence())).contains("p.crm.users:email (email, suggested) → identity into p.stage.u:mail")
        .contains("transformation LOWER(mail)").doesNotContain("bob@example.com");
  }

  @Test
  void humanRejectionStopsPropagation() {
    Map<ColumnRef, SourceLabel> decisions = Map.of(EMAIL, SourceLabel.decided("not_personal", "rejected by alice"));
    List<FieldContext> fields = List.of(FieldContext.of("p.crm.users", "email", "STRING"),
        FieldContext.of(COPY.table(), COPY.field(), "STRING"));
    Suggestion s = scanner.scan(fields, List.of(ColumnEdge.identity(EMAIL, COPY)), decisions,
        corpus.gdpr.scan.ValueSampler.none()).suggestions().get(1);
    assertThat(s.category()).isEqualTo("not_personal");
  }

  @Test
  void humanChangeIsWhatFlowsDownstream() {
    Map<ColumnRef, SourceLabel> decisions = Map.of(EMAIL, SourceLabel.decided("hashed_id", "changed by alice"));
    List<FieldContext> fields = List.of(FieldContext.of("p.crm.users", "email", "STRING"),
        FieldContext.of(COPY.table(), COPY.field(), "STRING"));
    Suggestion s = scanner.scan(fields, List.of(ColumnEdge.identity(EMAIL, COPY)), decisions,
        corpus.gdpr.scan.ValueSampler.none()).suggestions().get(1);
    assertThat(s.category()).isEqualTo("hashed_id");
    assertThat(s.confidence()).isEqualTo(0.95);
  }
}
