package corpus.indexer.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import corpus.indexer.progress.ProgressListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a realistic synthetic BigQuery metadata export for scale tests: NDJSON files of REST
 * Table resources with plausible names, descriptions, nesting, labels and partitioning. The same
 * seed always gives the same bytes.
 *
 * <pre>{@code
 * new SyntheticExport(42).write(outDir, 100_000, 30, progress);   // ~3,000,000 fields
 * }</pre>
 */
public final class SyntheticExport {

  /** Tables per NDJSON file. */
  static final int TABLES_PER_FILE = 2_000;

  private static final List<String> PROJECTS = List.of("acme-prod", "acme-analytics", "acme-raw", "acme-ml", "acme-finance");
  private static final List<String> DOMAINS = List.of(
      "user", "account", "track", "album", "artist", "creator", "playlist", "device", "session", "payment",
      "subscription", "campaign", "ad", "event", "play", "stream", "royalty", "label", "territory", "podcast",
      "episode", "search", "recommendation", "notification", "invoice", "refund", "partner", "content", "marketing", "experiment");
  private static final List<String> TABLE_SHAPES = List.of(
      "%s_daily", "%s_hourly", "%s_events", "%s_snapshot", "dim_%s", "fact_%s", "%s_history", "%s_metrics",
      "%s_agg_weekly", "%s_attributes", "%s_sessions", "%s_facts", "%s_scd", "%s_latest", "%s_changes");
  private static final List<String> DATASET_SHAPES = List.of("%s", "%s_published", "%s_raw", "%s_staging", "%s_reporting", "%s_ml");
  private static final List<String> TEAMS = List.of("identity", "catalog", "creator", "payments", "growth", "ads", "platform", "insights", "royalties", "ml");
  private static final List<String> TIERS = List.of("gold", "silver", "bronze");
  private static final String[][] FIELDS = {
      {"id", "STRING", "Identifier of the %s"},
      {"created_at", "TIMESTAMP", "When the %s was created"},
      {"updated_at", "TIMESTAMP", "When the %s last changed"},
      {"country", "STRING", "Country code of the %s (ISO 3166-1 alpha-2)"},
      {"n_plays", "INT64", "Number of plays of the %s"},
      {"n_listeners", "INT64", "Distinct listeners of the %s"},
      {"revenue_eur", "NUMERIC", "Revenue in EUR attributed to the %s"},
      {"is_active", "BOOL", "Whether the %s is active"},
      {"status", "STRING", "Lifecycle status of the %s"},
      {"name", "STRING", "Display name of the %s"},
      {"duration_ms", "INT64", "Duration in milliseconds"},
      {"platform", "STRING", "Client platform (ios, android, web)"},
      {"score", "FLOAT64", "Model score of the %s"},
      {"day", "DATE", "Calendar day (partition)"},
      {"valid_from", "TIMESTAMP", "Start of validity of this version"},
      {"valid_to", "TIMESTAMP", "End of validity of this version (2060-01-01 when open)"},
      {"is_current", "BOOL", "Whether this is the current version"},
      {"email", "STRING", "E-mail address of the %s"},
      {"ip_address", "STRING", "IP address of the client"},
      {"device_id", "STRING", "Device identifier"},
      {"market", "STRING", "Market the %s belongs to"},
      {"currency", "STRING", "ISO 4217 currency code"},
      {"amount", "NUMERIC", "Amount in the currency"},
      {"source", "STRING", "Where the %s came from"},
      {"version", "INT64", "Schema version of the record"},
  };
  private static final String[][] NESTED = {
      {"metric_name", "STRING", "Name of the metric"},
      {"metric_value", "FLOAT64", "Value of the metric"},
      {"is_logged_in", "BOOL", "Whether the listener was logged in"},
      {"key", "STRING", "Attribute key"},
      {"value", "STRING", "Attribute value"},
      {"ts", "TIMESTAMP", "Event time"},
  };

  private final long seed;
  private final JsonFactory json = new JsonFactory();

  public SyntheticExport(long seed) {
    this.seed = seed;
  }

  /** Writes {@code tables} tables of about {@code fieldsPerTable} fields each into {@code out}. */
  public long write(Path out, int tables, int fieldsPerTable, ProgressListener progress) throws IOException {
    Files.createDirectories(out);
    SplittableRandom random = new SplittableRandom(seed);
    int datasets = Math.max(1, tables / 150);
    long fields = 0;
    OutputStream file = null;
    JsonGenerator gen = null;
    try {
      for (int t = 0; t < tables; t++) {
        if (t % TABLES_PER_FILE == 0) {
          if (gen != null) {
            gen.close();
            file.close();
          }
          file = Files.newOutputStream(out.resolve(String.format(Locale.ROOT, "tables-%05d.ndjson", t / TABLES_PER_FILE)));
          gen = json.createGenerator(file, JsonEncoding.UTF8);
          gen.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        }
        int d = random.nextInt(datasets);
        fields += table(gen, random, t, d, fieldsPerTable);
        if ((t + 1) % 1000 == 0) {
          progress.progress("tables", t + 1, tables);
        }
      }
    } finally {
      if (gen != null) {
        gen.writeRaw('\n');
        gen.close();
      }
      if (file != null) {
        file.close();
      }
    }
    progress.progress("tables", tables, tables);
    return fields;
  }

  private int table(JsonGenerator g, SplittableRandom r, int index, int datasetIndex, int fieldsPerTable) throws IOException {
    SplittableRandom dr = new SplittableRandom(seed * 31 + datasetIndex);
    String project = PROJECTS.get(datasetIndex % PROJECTS.size());
    String domain = DOMAINS.get(dr.nextInt(DOMAINS.size()));
    String dataset = String.format(Locale.ROOT, DATASET_SHAPES.get(dr.nextInt(DATASET_SHAPES.size())), domain) + "_" + datasetIndex;
    boolean published = dataset.contains("published") || dataset.contains("reporting");
    String team = TEAMS.get(dr.nextInt(TEAMS.size()));
    String entity = DOMAINS.get(r.nextInt(DOMAINS.size()));
    String name = String.format(Locale.ROOT, TABLE_SHAPES.get(r.nextInt(TABLE_SHAPES.size())), entity) + "_" + index;
    boolean fact = name.contains("events") || name.contains("daily") || name.contains("fact") || name.contains("hourly");

    g.writeStartObject();
    g.writeObjectFieldStart("tableReference");
    g.writeStringField("projectId", project);
    g.writeStringField("datasetId", dataset);
    g.writeStringField("tableId", name);
    g.writeEndObject();
    g.writeStringField("type", r.nextInt(12) == 0 ? "VIEW" : "TABLE");
    if (published || r.nextInt(3) == 0) {
      g.writeStringField("description", describe(r, entity, name));
    }
    g.writeObjectFieldStart("labels");
    g.writeStringField("owner", team + "-team");
    if (published) {
      g.writeStringField("tier", TIERS.get(r.nextInt(TIERS.size())));
    }
    g.writeEndObject();
    g.writeObjectFieldStart("schema");
    g.writeArrayFieldStart("fields");
    int count = Math.max(2, fieldsPerTable / 2 + r.nextInt(fieldsPerTable + 1));
    int written = 0;
    Set<String> used = new LinkedHashSet<>();
    while (written < count) {
      if (r.nextInt(10) == 0 && count - written >= 4) {
        String record = r.nextBoolean() ? "actions_received" : "attributes";
        if (used.add(record)) {
          written += record(g, r, record, published);
          continue;
        }
      }
      String[] f = FIELDS[r.nextInt(FIELDS.length)];
      String fieldName = f[0].equals("id") ? entity + "_id" : f[0];
      if (!used.add(fieldName)) {
        fieldName = fieldName + "_" + written;
        used.add(fieldName);
      }
      field(g, fieldName, f[1], null, published || r.nextInt(4) == 0 ? String.format(Locale.ROOT, f[2], entity) : null);
      written++;
    }
    g.writeEndArray();
    g.writeEndObject();
    if (fact) {
      g.writeObjectFieldStart("timePartitioning");
      g.writeStringField("type", "DAY");
      g.writeEndObject();
      g.writeObjectFieldStart("clustering");
      g.writeArrayFieldStart("fields");
      g.writeString(entity + "_id");
      g.writeEndArray();
      g.writeEndObject();
    }
    long rows = 1000L + r.nextLong(50_000_000L);
    g.writeStringField("numRows", Long.toString(rows));
    g.writeStringField("numBytes", Long.toString(rows * (40 + r.nextInt(400))));
    g.writeStringField("location", project.equals("acme-ml") ? "US" : "EU");
    g.writeStringField("creationTime", Long.toString(1_600_000_000_000L + r.nextLong(100_000_000_000L)));
    g.writeStringField("lastModifiedTime", Long.toString(1_700_000_000_000L + r.nextLong(90_000_000_000L)));
    g.writeEndObject();
    return count;
  }

  private int record(JsonGenerator g, SplittableRandom r, String name, boolean described) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("type", "RECORD");
    g.writeStringField("mode", "REPEATED");
    if (described) {
      g.writeStringField("description", name.equals("actions_received") ? "Actions received, one entry per metric" : "Free-form attributes");
    }
    g.writeArrayFieldStart("fields");
    int n = 2 + r.nextInt(3);
    Set<String> used = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      String[] f = NESTED[r.nextInt(NESTED.length)];
      if (used.add(f[0])) {
        field(g, f[0], f[1], null, described ? f[2] : null);
      }
    }
    g.writeEndArray();
    g.writeEndObject();
    return 1 + used.size();
  }

  private static void field(JsonGenerator g, String name, String type, String mode, String description) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("type", type);
    if (mode != null) {
      g.writeStringField("mode", mode);
    }
    if (description != null) {
      g.writeStringField("description", description);
    }
    g.writeEndObject();
  }

  private static String describe(SplittableRandom r, String entity, String name) {
    String grain = name.contains("daily") ? "one row per " + entity + " per day"
        : name.contains("hourly") ? "one row per " + entity + " per hour"
        : name.contains("history") || name.contains("scd") ? "one row per version of a " + entity + " (SCD type 2)"
        : name.contains("events") ? "one row per " + entity + " event"
        : "one row per " + entity;
    String[] purposes = {"Published %s data for reporting", "Raw %s records as ingested", "Aggregated %s metrics",
        "Cleaned %s attributes", "%s facts used by finance and insights"};
    return String.format(Locale.ROOT, purposes[r.nextInt(purposes.length)], entity) + ", " + grain + ".";
  }
}
