package corpus.gdpr.review;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.gdpr.detect.Classifier;
import corpus.gdpr.detect.FieldContext;
import corpus.gdpr.scan.GdprScanner;
import corpus.gdpr.scan.ScanResult;
import corpus.gdpr.taxonomy.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that sampled values never reach the SQLite file (database, WAL and shared memory). */
class NoSampledValueOnDiskTest {

  private static final List<String> EMAILS = List.of("anna.schmidt@example.de", "jean.dupont@example.fr",
      "maria.garcia@example.es", "bob.smith@example.co.uk", "carla.rossi@example.it", "dirk.jansen@example.nl");
  private static final List<String> NOTES = List.of("please call anna.schmidt@example.de back about the refund",
      "customer moved, new number +49 30 901820 noted", "nothing to add here for now, all good",
      "asked for invoice copy by post again today", "upgrade to family plan requested by phone");

  @TempDir Path dir;

  @Test
  void scanReviewAndCommentsKeepOnlyCountsOnDisk() throws Exception {
    List<FieldContext> fields = List.of(FieldContext.of("p.crm.users", "contact", "STRING"),
        FieldContext.of("p.crm.users", "remarks_txt", "STRING"));
    ScanResult result = new GdprScanner(Classifier.withDefaults()).scan(fields, List.of(), Map.of(),
        (table, paths) -> Map.of("contact", EMAILS, "remarks_txt", NOTES));
    assertThat(result.suggestions()).extracting(s -> s.category()).containsExactly("email", "free_text");

    Path db = dir.resolve("corpus.db");
    try (ReviewStore store = ReviewStore.open("jdbc:sqlite:" + db, new Reviewer("alice"), Taxonomy.defaults(),
        Clock.systemUTC())) {
      store.applyScan(result.suggestions());
      store.confirm(FieldKey.of("p.crm.users", "contact"), "values checked in the preview");
      store.comment(FieldKey.of("p.crm.users", "remarks_txt"), "support notes; ask support to stop pasting contacts");
      store.applyScan(result.suggestions());

      String bytes = allBytes(dir);
      assertThat(bytes).contains("p.crm.users").contains("remarks_txt");
      for (String value : Stream.concat(EMAILS.stream(), NOTES.stream()).toList()) {
        assertThat(bytes).doesNotContain(value);
      }
      assertThat(bytes).doesNotContain("anna.schmidt").doesNotContain("901820").doesNotContain("example.de");
    }
  }

  private static String allBytes(Path dir) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return sb.toString();
  }
}
