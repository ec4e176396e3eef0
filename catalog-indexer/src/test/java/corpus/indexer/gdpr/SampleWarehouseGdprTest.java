package corpus.indexer.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import corpus.gdpr.detect.Classifier;
import corpus.gdpr.review.FieldKey;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.review.Reviewer;
import corpus.indexer.index.Indexer;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.duckdb.DuckDbSource;
import corpus.indexer.source.duckdb.RecordingSink;
import corpus.indexer.source.sample.SampleFixture;
import corpus.indexer.source.sample.SampleLayout;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The GDPR scan over the embedded sample warehouse with value sampling on: precision and recall
 * against the sample's labelled truth file, the decoys, and proof that no sampled value reaches
 * the SQLite database, the Lucene index (built after the scan, with its classifications) or the
 * logs. The catalog comes from the shared crawl of the sample, so the warehouse is indexed once.
 */
class SampleWarehouseGdprTest {

  @TempDir static Path dir;
  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
  private static Logger root;
  private static Level rootLevel;
  private static SampleLayout sample;
  private static Map<String, FieldClassification> result;
  private static String masked;

  @BeforeAll
  static void scanTheSampleWithSampling() throws Exception {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    LOGS.start();
    root.addAppender(LOGS);

    sample = SampleFixture.layout();
    Path index = dir.resolve("index");
    RecordingSink crawl = SampleFixture.crawl();
    CatalogSnapshot catalog = new CatalogSnapshot(crawl.datasets, crawl.tables, List.of());
    Classifier classifier = Classifier.withDefaults();
    Path db = dir.resolve("corpus.db");
    try (ReviewStore store = GdprStores.open(db, new Reviewer("alice"), classifier.taxonomy());
        DuckDbValueSampler sampler = DuckDbValueSampler.open(sample.warehouse(), catalog.tablesById(), 200)) {
      GdprScan.Result r = new GdprScan(classifier).run(catalog, store, sampler);
      result = new HashMap<>();
      r.fields().forEach(f -> result.put(f.table() + ":" + f.field(), f));
      FieldKey email = FieldKey.of("soundwave-prod.users.user_accounts", "email");
      store.confirm(email, "account e-mail");
      store.comment(email, "checked with identity-platform");
      masked = new MaskedExamples(classifier, sampler).example(email.table(), email.field(), "email").orElseThrow();
      new GdprScan(classifier).run(catalog, store, sampler);
    }
    new Indexer(index).withClassifications(GdprFieldClassifications.load(db))
        .run(List.of(new DuckDbSource(sample.warehouse())), ProgressListener.NONE);
  }

  @AfterAll
  static void restoreLogging() {
    root.detachAppender(LOGS);
    root.setLevel(rootLevel);
  }

  @Test
  void findsPersonalFieldsWithPrecisionAndRecallOfAtLeast95Percent() throws Exception {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    List<String> wrong = new ArrayList<>();
    for (String[] row : truth()) {
      FieldClassification f = result.get(row[0] + ":" + row[1]);
      assertThat(f).as("scanned %s:%s", row[0], row[1]).isNotNull();
      boolean predicted = !f.category().equals("not_personal");
      boolean personal = Boolean.parseBoolean(row[3]);
      if (predicted && personal) {
        tp++;
      } else if (predicted) {
        fp++;
        wrong.add("false positive " + row[0] + ":" + row[1] + " as " + f.category());
      } else if (personal) {
        fn++;
        wrong.add("missed " + row[0] + ":" + row[1] + " (" + row[2] + ")");
      }
    }
    double precision = tp / (double) (tp + fp);
    double recall = tp / (double) (tp + fn);
    assertThat(precision).as("precision %.3f (%d/%d): %s", precision, tp, tp + fp, wrong).isGreaterThanOrEqualTo(0.95);
    assertThat(recall).as("recall %.3f (%d/%d): %s", recall, tp, tp + fn, wrong).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void aTicketIdInATableOfRequesterContactsIsNotPersonal() {
    FieldClassification id = result.get("soundwave-raw.raw_support.zendesk_tickets:id");
    assertThat(id.category()).as("%s", id.evidence()).isEqualTo("not_personal");
    assertThat(result.get("soundwave-raw.raw_support.zendesk_tickets:requester.email").category()).isEqualTo("email");
  }

  @Test
  void decoysAreNotFlagged() {
    List<String> decoys = result.keySet().stream()
        .filter(k -> k.endsWith("email_opt_in") || k.endsWith("ip_country") || k.endsWith("track_title")
            || k.endsWith(":title") || k.endsWith("release_title"))
        .toList();
    assertThat(decoys).hasSizeGreaterThan(8);
    assertThat(decoys).allSatisfy(k -> assertThat(result.get(k).category()).as(k).isEqualTo("not_personal"));
  }

  @Test
  void valuesWereSampledAndCountedAsEvidence() {
    assertThat(result.get("soundwave-prod.users.user_accounts:email").evidence())
        .anySatisfy(e -> assertThat(e).contains("sampled values").contains("e-mail"));
    assertThat(result.get("soundwave-prod.support.tickets:body").category()).isEqualTo("free_text");
    assertThat(masked).matches("\\S\\*\\*\\*@\\S\\*\\*\\*\\.\\S+");
  }

  @Test
  void noSampledValueReachesTheDatabaseTheIndexOrTheLogs() throws Exception {
    Set<String> emails = new LinkedHashSet<>();
    try (Connection c = SampleFixture.connect()) {
      emails.addAll(SampleFixture.strings(c, "SELECT email FROM users.user_accounts WHERE email IS NOT NULL"));
      emails.addAll(SampleFixture.strings(c, "SELECT requester_email FROM support.tickets WHERE requester_email IS NOT NULL"));
    }
    assertThat(emails).hasSizeGreaterThan(100);

    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("corpus.db"));
    assertThat(files).anySatisfy(f -> assertThat(f.toString()).contains("index"));
    for (Path f : files) {
      String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      Optional<String> leaked = emails.stream().filter(content::contains).findFirst();
      assertThat(leaked).as("a sampled e-mail address in %s", f).isEmpty();
    }
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent e : LOGS.list) {
      lines.add(e.getFormattedMessage());
      if (e.getThrowableProxy() != null) {
        lines.add(String.valueOf(e.getThrowableProxy().getMessage()));
      }
    }
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(emails.stream().filter(line::contains).findFirst()).as("a sampled e-mail address in the log").isEmpty();
    }
    assertThat(lines).noneMatch(l -> l.contains(masked));
  }

  private static List<String[]> truth() throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        SampleWarehouseGdprTest.class.getResourceAsStream("/sample/pii-truth.csv"), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(",", -1));
        }
      }
    }
    assertThat(rows).hasSizeGreaterThan(500);
    return rows;
  }
}
