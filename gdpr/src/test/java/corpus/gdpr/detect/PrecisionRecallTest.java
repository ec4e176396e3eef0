package corpus.gdpr.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of "personal vs not personal" from names, types and descriptions alone
 * (no values, no lineage) against labelled sets with realistic decoys.
 */
class PrecisionRecallTest {

  private final Classifier classifier = Classifier.withDefaults();

  /** Counts of a confusion matrix and the fields that went wrong. */
  private record Score(int tp, int fp, int fn, int tn, List<String> errors) {
    double precision() {
      return tp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp == 0 ? 0 : (double) tp / (tp + fn);
    }

    String report() {
      return String.format(java.util.Locale.ROOT, "precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)%n%s",
          precision(), recall(), tp, fp, fn, tn, String.join("\n", errors));
    }
  }

  @Test
  void labelledShopWarehouseReachesNinetyFivePercent() throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/corpus/gdpr/labelled-fields.csv"), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split("\\|", -1));
        }
      }
    }
    assertThat(rows).hasSizeGreaterThanOrEqualTo(80);
    Score score = score(rows.stream().map(r -> new Object[] {
        new FieldContext(r[0], r[1], r[2], null, r[3].isBlank() ? null : r[3], null, List.of()),
        Boolean.parseBoolean(r[4])}).toList());
    assertThat(score.precision()).as(score.report()).isGreaterThanOrEqualTo(0.95);
    assertThat(score.recall()).as(score.report()).isGreaterThanOrEqualTo(0.95);
  }

  /** The sample warehouse's truth file, from names alone, when the sample exists in this checkout. */
  @Test
  void sampleWarehouseTruthFileReachesNinetyFivePercent() throws Exception {
    Path truth = Path.of("../catalog-indexer/src/main/resources/sample/pii-truth.csv");
    Assumptions.assumeTrue(Files.exists(truth), "no sample truth file yet");
    List<String> lines = Files.readAllLines(truth);
    List<String> header = List.of(lines.getFirst().split(",", -1));
    int table = header.indexOf("table");
    int field = header.indexOf("field");
    int personal = header.indexOf("personal");
    int type = header.indexOf("type");
    int description = header.indexOf("description");
    Assumptions.assumeTrue(table >= 0 && field >= 0 && personal >= 0, "unexpected header " + header);
    List<Object[]> cases = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank() || description >= 0) {
        continue; // a description column may contain commas; read such files with a CSV parser
      }
      String[] r = line.split(",", -1);
      cases.add(new Object[] {new FieldContext(r[table], r[field], type >= 0 ? r[type] : null, null, null, null,
          List.of()), Boolean.parseBoolean(r[personal].strip()) || "1".equals(r[personal].strip())});
    }
    Assumptions.assumeTrue(!cases.isEmpty(), "truth file has no plain rows");
    Score score = score(cases);
    assertThat(score.precision()).as(score.report()).isGreaterThanOrEqualTo(0.95);
    assertThat(score.recall()).as(score.report()).isGreaterThanOrEqualTo(0.95);
  }

  private Score score(List<Object[]> cases) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    List<String> errors = new ArrayList<>();
    for (Object[] c : cases) {
      FieldContext f = (FieldContext) c[0];
      boolean truth = (Boolean) c[1];
      Suggestion s = classifier.classify(f);
      if (truth && s.isPersonal()) {
        tp++;
      } else if (truth) {
        fn++;
        errors.add("missed " + f.table() + ":" + f.fieldPath() + " -> " + s.category() + " " + s.evidence());
      } else if (s.isPersonal()) {
        fp++;
        errors.add("wrongly flagged " + f.table() + ":" + f.fieldPath() + " -> " + s.category() + " " + s.evidence());
      } else {
        tn++;
      }
    }
    return new Score(tp, fp, fn, tn, errors);
  }
}
