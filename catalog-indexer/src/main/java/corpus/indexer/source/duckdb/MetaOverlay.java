package corpus.indexer.source.duckdb;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableUsage;
import corpus.indexer.model.TimePartitioning;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The BigQuery metadata a DuckDB warehouse carries in its {@code _corpus_meta} schema: per
 * dataset its project, location, labels and expirations; per table its kind, labels,
 * partitioning, clustering, timestamps and view SQL; descriptions of (nested) fields by dotted
 * path; and the job history that gives each table its usage. Every part is optional: a file
 * without the schema gets an empty overlay, and a part that cannot be read is reported and left
 * out.
 */
final class MetaOverlay {

  static final String SCHEMA = "_corpus_meta";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};

  /** One row of {@code _corpus_meta.tables}. */
  record TableMeta(
      String project,
      String kind,
      String friendlyName,
      String description,
      Map<String, String> labels,
      TimePartitioning timePartitioning,
      List<String> clustering,
      Instant expirationTime,
      Instant creationTime,
      Instant lastModifiedTime,
      String viewQuery) {}

  private final Map<String, Dataset> datasets = new HashMap<>();
  private final Map<String, TableMeta> tables = new HashMap<>();
  private final Map<String, Map<String, String>> descriptions = new HashMap<>();
  private final List<TableUsage> usage = new ArrayList<>();

  private MetaOverlay() {}

  static MetaOverlay empty() {
    return new MetaOverlay();
  }

  /** Reads whatever parts of {@code _corpus_meta} exist; unreadable parts go to {@code problems}. */
  static MetaOverlay read(Connection c, Consumer<String> problems) throws SQLException {
    MetaOverlay o = new MetaOverlay();
    Set<String> present = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT table_name FROM duckdb_tables() WHERE schema_name = '"
            + SCHEMA + "' AND database_name = current_database()")) {
      while (r.next()) {
        present.add(r.getString(1));
      }
    }
    o.part(c, present, "datasets", problems, o::readDatasets);
    o.part(c, present, "tables", problems, o::readTables);
    o.part(c, present, "columns", problems, o::readColumns);
    o.part(c, present, "jobs", problems, o::readUsage);
    return o;
  }

  private interface Part {
    void read(Connection c) throws Exception;
  }

  private void part(Connection c, Set<String> present, String name, Consumer<String> problems, Part part) {
    if (!present.contains(name)) {
      return;
    }
    try {
      part.read(c);
    } catch (Exception e) {
      problems.accept(SCHEMA + "." + name + " could not be read and is ignored: " + e.getMessage());
    }
  }

  private void readDatasets(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT project, dataset, location, description, labels_json, "
            + "default_table_expiration_ms, default_partition_expiration_ms FROM " + SCHEMA + ".datasets")) {
      while (r.next()) {
        datasets.put(r.getString(2), new Dataset(r.getString(1), r.getString(2), r.getString(3),
            r.getString(4), labels(r.getString(5)), longOrNull(r, 6), longOrNull(r, 7)));
      }
    }
  }

  private void readTables(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT project, dataset, table_name, kind, friendly_name, "
            + "description, labels_json, partition_type, partition_field, partition_expiration_ms, "
            + "require_partition_filter, clustering, epoch_ms(expiration_time), epoch_ms(creation_time), "
            + "epoch_ms(last_modified_time), view_query FROM " + SCHEMA + ".tables")) {
      while (r.next()) {
        String type = r.getString(8);
        TimePartitioning tp = type == null || type.isBlank() ? null
            : new TimePartitioning(type, r.getString(9), longOrNull(r, 10), r.getBoolean(11));
        String clustering = r.getString(12);
        tables.put(key(r.getString(2), r.getString(3)), new TableMeta(
            r.getString(1), r.getString(4), r.getString(5), r.getString(6), labels(r.getString(7)), tp,
            clustering == null || clustering.isBlank() ? List.of()
                : List.of(clustering.split("\\s*,\\s*")),
            instant(r, 13), instant(r, 14), instant(r, 15), r.getString(16)));
      }
    }
  }

  private void readColumns(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT dataset, table_name, field_path, description FROM "
            + SCHEMA + ".columns WHERE description IS NOT NULL")) {
      while (r.next()) {
        descriptions.computeIfAbsent(key(r.getString(1), r.getString(2)), k -> new HashMap<>())
            .put(r.getString(3), r.getString(4));
      }
    }
  }

  private void readUsage(Connection c) throws Exception {
    String sql = """
        WITH refs AS (
          SELECT trim(unnest(string_split(referenced_tables, ','))) AS ref, user_email, creation_time
          FROM %s.jobs
          WHERE referenced_tables IS NOT NULL)
        SELECT ref, count(*), count(DISTINCT user_email), epoch_ms(max(creation_time))
        FROM refs WHERE ref <> '' GROUP BY ref ORDER BY ref""".formatted(SCHEMA);
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        TableId id;
        try {
          id = TableId.parse(r.getString(1));
        } catch (IllegalArgumentException e) {
          continue;
        }
        usage.add(new TableUsage(id, r.getLong(2), r.getLong(3), instant(r, 4)));
      }
    }
  }

  Dataset dataset(String schema) {
    return datasets.get(schema);
  }

  TableMeta table(String schema, String table) {
    return tables.get(key(schema, table));
  }

  /** Descriptions of the table's fields by dotted path; empty when there are none. */
  Map<String, String> descriptions(String schema, String table) {
    return descriptions.getOrDefault(key(schema, table), Map.of());
  }

  List<TableUsage> usage() {
    return List.copyOf(usage);
  }

  private static String key(String schema, String table) {
    return schema + "\u0000" + table;
  }

  private static Map<String, String> labels(String json) throws Exception {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    return new LinkedHashMap<>(JSON.readValue(json, LABELS));
  }

  private static Long longOrNull(ResultSet r, int column) throws SQLException {
    long v = r.getLong(column);
    return r.wasNull() ? null : v;
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    Long ms = longOrNull(r, column);
    return ms == null ? null : Instant.ofEpochMilli(ms);
  }
}
