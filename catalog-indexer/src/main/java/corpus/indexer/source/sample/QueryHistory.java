package corpus.indexer.source.sample;

import corpus.indexer.model.TableKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Simulates 90 days of BigQuery jobs on the sample, shaped like {@code INFORMATION_SCHEMA.JOBS}:
 * the scheduled pipelines of every derived table, a dashboard service account refreshing the
 * creator views, and analysts' ad-hoc queries whose number per table follows the table's
 * popularity, so tables end up with clearly different usage.
 */
final class QueryHistory {

  static final Instant FROM = Instant.parse("2024-10-03T00:00:00Z");
  static final Instant TO = Instant.parse("2025-01-01T00:00:00Z");
  static final String SCHEDULER = "etl-scheduler@soundwave-prod.iam.gserviceaccount.com";
  static final String DASHBOARDS = "looker-dashboards@soundwave-prod.iam.gserviceaccount.com";
  private static final long MB = 1L << 20;

  private static final List<String> ANALYSTS = List.of(
      "lena.hoffmann", "tom.gallagher", "sofia.rossi", "daan.bakker", "camille.martin", "erik.larsson",
      "maria.garcia", "oliver.smith", "aoife.murphy", "jakub.nowak", "hannah.becker", "lucas.dubois",
      "emma.jansen", "noah.miller", "giulia.conti", "felix.wagner", "ingrid.nilsson", "pablo.lopez",
      "chloe.bernard", "liam.kelly", "zofia.wojcik", "moritz.klein", "freya.evans", "matteo.greco");

  /** One job of the history. */
  record Job(
      String jobId,
      String userEmail,
      Instant creationTime,
      String statementType,
      String query,
      List<String> referencedTables,
      String destinationTable,
      long bytesProcessed,
      long bytesBilled) {}

  private final SplittableRandom random;
  private final SampleSpec spec;

  QueryHistory(long seed, SampleSpec spec) {
    this.random = new SplittableRandom(seed);
    this.spec = spec;
  }

  List<Job> generate() {
    List<Job> jobs = new ArrayList<>();
    for (TableSpec t : spec.tables()) {
      if (t.pipeline() != null && !t.sources().isEmpty()) {
        pipelineRuns(t, jobs);
      }
      adHoc(t, jobs);
    }
    dashboards(jobs);
    jobs.sort(Comparator.comparing(Job::creationTime).thenComparing(Job::jobId));
    return jobs;
  }

  private void pipelineRuns(TableSpec t, List<Job> jobs) {
    String query = SampleResources.read("pipelines/" + t.pipeline());
    Duration every = t.name().equals("royalty_report_monthly") ? Duration.ofDays(30)
        : t.name().equals("track_performance_weekly") ? Duration.ofDays(7) : Duration.ofDays(1);
    long base = bytes(t);
    for (Instant at = FROM.plus(Duration.ofHours(3)); at.isBefore(TO); at = at.plus(every)) {
      Instant when = at.plusSeconds(random.nextInt(1800));
      long processed = base + random.nextLong(base / 10 + 1);
      jobs.add(job(SCHEDULER, when, t.statementType() == null ? "SELECT" : t.statementType(), query,
          t.sources(), t.id().toString(), processed));
    }
  }

  private void adHoc(TableSpec t, List<Job> jobs) {
    if (t.popularity() <= 0) {
      return;
    }
    int count = t.popularity() * 9 + random.nextInt(t.popularity() + 1);
    int analysts = Math.max(1, Math.min(ANALYSTS.size(), 1 + t.popularity() / 4));
    int offset = random.nextInt(ANALYSTS.size());
    long base = bytes(t);
    for (int i = 0; i < count; i++) {
      String user = ANALYSTS.get((offset + skewed(analysts)) % ANALYSTS.size()) + "@soundwave.example";
      Instant when = FROM.plusSeconds(random.nextLong(Duration.between(FROM, TO).toSeconds()));
      String query = adHocQuery(t);
      long processed = t.partitionType() != null ? base / (5 + random.nextInt(60)) : base / (1 + random.nextInt(3));
      jobs.add(job(user, when, "SELECT", query, List.of(t.id().toString()), null, processed));
    }
  }

  private void dashboards(List<Job> jobs) {
    TableSpec metrics = spec.table("creator", "daily_creator_metrics");
    TableSpec top = spec.table("creator", "top_creators_last_7_days");
    for (Instant at = FROM.plus(Duration.ofHours(10)); at.isBefore(TO); at = at.plus(Duration.ofHours(6))) {
      jobs.add(job(DASHBOARDS, at.plusSeconds(random.nextInt(600)), "SELECT",
          "SELECT creator_id, stage_name, plays, listeners, plays_rank\nFROM `" + top.id() + "`\nWHERE plays_rank <= 50",
          List.of(top.id().toString()), null, bytes(metrics) / 40));
    }
  }

  /** Mostly the first analysts of a table's group, a few others now and then. */
  private int skewed(int n) {
    double u = random.nextDouble();
    return (int) Math.floor(n * u * u);
  }

  private String adHocQuery(TableSpec t) {
    List<String> cols = t.columns().stream()
        .filter(c -> !c.path().contains("."))
        .map(ColumnSpec::path)
        .toList();
    String a = cols.get(random.nextInt(Math.min(4, cols.size())));
    String b = cols.get(random.nextInt(cols.size()));
    String where = "";
    if (t.partitionField() != null) {
      int days = List.of(1, 7, 30, 90).get(random.nextInt(4));
      String date = t.partitionType().equals("DAY") && isTimestamp(t, t.partitionField())
          ? "DATE(" + t.partitionField() + ")" : t.partitionField();
      where = "\nWHERE " + date + " >= DATE_SUB(CURRENT_DATE(), INTERVAL " + days + " DAY)";
    } else if (t.columns().stream().anyMatch(c -> c.path().equals("is_current"))) {
      where = "\nWHERE is_current";
    }
    if (t.kind() == TableKind.VIEW || random.nextInt(3) == 0) {
      return "SELECT *\nFROM `" + t.id() + "`" + where + "\nLIMIT 1000";
    }
    if (a.equals(b)) {
      return String.format(Locale.ROOT, "SELECT %s, COUNT(*) AS n\nFROM `%s`%s\nGROUP BY %s\nORDER BY n DESC\nLIMIT 100",
          a, t.id(), where, a);
    }
    return String.format(Locale.ROOT, "SELECT %s, %s, COUNT(*) AS n\nFROM `%s`%s\nGROUP BY %s, %s\nORDER BY n DESC\nLIMIT 100",
        a, b, t.id(), where, a, b);
  }

  private static boolean isTimestamp(TableSpec t, String column) {
    return t.columns().stream().anyMatch(c -> c.path().equals(column) && c.duckDbType() != null
        && c.duckDbType().startsWith("TIMESTAMP"));
  }

  /** A plausible full-scan size of the table, from its popularity and kind. */
  private static long bytes(TableSpec t) {
    if (t.name().equals("plays")) {
      return 180_000L * MB;
    }
    return (50L + t.columns().size() * 40L + t.popularity() * 300L) * MB;
  }

  private Job job(String user, Instant when, String type, String query, List<String> refs, String dest,
      long processed) {
    String id = String.format(Locale.ROOT, "bquxjob_%08x_%012x", random.nextInt(), random.nextLong() >>> 16);
    long billed = Math.max(10 * MB * refs.size(), (processed + MB - 1) / MB * MB);
    return new Job(id, user, when, type, query, refs, dest, processed, billed);
  }
}
