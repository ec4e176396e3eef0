package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.FakeResources.dataset;
import static corpus.indexer.source.bigquery.FakeResources.field;
import static corpus.indexer.source.bigquery.FakeResources.labels;
import static corpus.indexer.source.bigquery.FakeResources.record;
import static corpus.indexer.source.bigquery.FakeResources.table;
import static corpus.indexer.source.bigquery.FakeResources.withFields;
import static corpus.indexer.source.bigquery.FakeResources.withPolicyTag;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A small but realistic project for the fake server: published SCD2 and fact tables, a view, a
 * materialized view, an external table, a range-partitioned table, and a dataset the caller may
 * not read.
 */
final class AcmeProject {

  static final String PROJECT = "acme-analytics";
  static final String EMAIL_TAG = "projects/acme-analytics/locations/eu/taxonomies/1001/policyTags/2001";

  private AcmeProject() {}

  static void load(FakeBigQueryServer server) {
    ObjectNode core = dataset(PROJECT, "published_core", "EU");
    core.put("description", "Curated customer and play data, owned by the core data team.");
    core.put("defaultTableExpirationMs", "7776000000");
    core.put("defaultPartitionExpirationMs", "5184000000");
    labels(core, Map.of("tier", "gold", "owner", "core-data"));
    server.addDataset(core);
    server.addDataset(labels(dataset(PROJECT, "raw_events", "EU"), Map.of("zone", "raw")));
    server.addDataset(dataset(PROJECT, "restricted_hr", "EU"));

    ObjectNode customers = table(PROJECT, "published_core", "customers", "TABLE");
    customers.put("description", "One row per customer version (SCD type 2).");
    customers.put("numRows", "1250000");
    customers.put("numBytes", "734003200");
    labels(customers, Map.of("tier", "gold"));
    withFields(customers,
        field("customer_id", "STRING", "REQUIRED", "Pseudonymous customer key."),
        withPolicyTag(field("email", "STRING", "NULLABLE", "Contact e-mail."), EMAIL_TAG),
        record("address", "NULLABLE", "Postal address.",
            field("street", "STRING", "NULLABLE", null),
            field("city", "STRING", "NULLABLE", "City name."),
            field("postal_code", "STRING", "NULLABLE", null)),
        record("devices", "REPEATED", null,
            field("device_id", "STRING", "NULLABLE", "Hashed device id."),
            field("first_seen", "TIMESTAMP", "NULLABLE", null)),
        field("valid_from", "DATE", "REQUIRED", null),
        field("valid_to", "DATE", "REQUIRED", null),
        field("is_current", "BOOLEAN", "REQUIRED", null));
    server.addTable(customers);

    ObjectNode plays = table(PROJECT, "published_core", "plays", "TABLE");
    plays.put("numRows", "98000000000");
    plays.put("numBytes", "5497558138880");
    plays.putObject("timePartitioning").put("type", "DAY").put("field", "play_date").put("expirationMs", "63072000000");
    plays.put("requirePartitionFilter", true);
    plays.putObject("clustering").putArray("fields").add("country").add("customer_id");
    withFields(plays, field("play_date", "DATE", "REQUIRED", "Day of the play (UTC)."),
        field("customer_id", "STRING", "NULLABLE", null), field("country", "STRING", "NULLABLE", null),
        field("track_id", "INTEGER", "NULLABLE", null), field("ms_played", "INTEGER", "NULLABLE", null));
    server.addTable(plays);

    ObjectNode view = table(PROJECT, "published_core", "customers_current", "VIEW");
    view.putObject("view").put("query",
        "SELECT * EXCEPT(valid_from, valid_to) FROM `acme-analytics.published_core.customers` WHERE is_current")
        .put("useLegacySql", false);
    withFields(view, field("customer_id", "STRING", "REQUIRED", null), field("email", "STRING", "NULLABLE", null));
    server.addTable(view);

    ObjectNode mv = table(PROJECT, "published_core", "daily_plays", "MATERIALIZED_VIEW");
    mv.putObject("materializedView").put("query",
        "SELECT play_date, country, COUNT(*) AS plays FROM `acme-analytics.published_core.plays` GROUP BY 1, 2")
        .put("enableRefresh", true).put("refreshIntervalMs", "1800000");
    mv.putObject("timePartitioning").put("type", "DAY").put("field", "play_date");
    withFields(mv, field("play_date", "DATE", "NULLABLE", null), field("country", "STRING", "NULLABLE", null),
        field("plays", "INTEGER", "NULLABLE", null));
    server.addTable(mv);

    ObjectNode ext = table(PROJECT, "raw_events", "clickstream_gcs", "EXTERNAL");
    ext.putObject("externalDataConfiguration").put("sourceFormat", "PARQUET")
        .putArray("sourceUris").add("gs://acme-raw/clickstream/*.parquet");
    withFields(ext, field("event_ts", "TIMESTAMP", "NULLABLE", null), field("payload", "JSON", "NULLABLE", null));
    server.addTable(ext);

    ObjectNode ranged = table(PROJECT, "raw_events", "customer_buckets", "TABLE");
    ranged.putObject("rangePartitioning").put("field", "bucket")
        .putObject("range").put("start", "0").put("end", "100").put("interval", "10");
    ranged.put("numRows", "1000");
    withFields(ranged, field("bucket", "INTEGER", "REQUIRED", null));
    server.addTable(ranged);

    ObjectNode salaries = table(PROJECT, "restricted_hr", "salaries", "TABLE");
    withFields(salaries, field("employee_id", "STRING", "REQUIRED", null));
    server.addTable(salaries);
  }
}
