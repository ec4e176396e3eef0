package corpus.indexer.source.bigquery;

import static corpus.indexer.source.bigquery.FakeResources.JSON;
import static corpus.indexer.source.bigquery.FakeResources.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers {@code INFORMATION_SCHEMA} queries for {@link FakeBigQueryServer} from the server's own Dataset and
 * Table resources, so a crawl through the views and one through the API see the same project. The result
 * columns and their types follow the public reference of each view ({@code SCHEMATA}, {@code
 * SCHEMATA_OPTIONS}, {@code TABLES}, {@code TABLE_OPTIONS}, {@code COLUMNS}, {@code COLUMN_FIELD_PATHS},
 * {@code TABLE_STORAGE}, {@code VIEWS} at region level; {@code PARTITIONS} at dataset level); option values
 * are GoogleSQL literals as BigQuery prints them. It answers exactly the queries Corpus sends (the view is
 * recognised from the FROM clause, the selected columns from the SQL); it does not evaluate SQL.
 */
final class FakeInformationSchema {

  private static final Pattern FROM = Pattern.compile("FROM `([^`]+)`\\.`([^`]+)`\\.INFORMATION_SCHEMA\\.(\\w+)");

  private final FakeBigQueryServer server;
  private final Set<String> deniedRegions = ConcurrentHashMap.newKeySet();
  private final Set<String> hiddenDatasets = ConcurrentHashMap.newKeySet();
  private final Map<String, List<List<?>>> partitions = new ConcurrentHashMap<>();

  private FakeInformationSchema(FakeBigQueryServer server) {
    this.server = server;
  }

  static FakeInformationSchema install(FakeBigQueryServer server) {
    FakeInformationSchema views = new FakeInformationSchema(server);
    server.answerQueries(views::answer);
    return views;
  }

  /** Queries of this region's views are refused with 403, as for a caller without project-level rights. */
  void denyRegion(String project, String region) {
    deniedRegions.add(project + "/" + region.toLowerCase(Locale.ROOT));
  }

  /** The region-level views do not show this dataset (the listing still does). */
  void hideDataset(String project, String dataset) {
    hiddenDatasets.add(project + "." + dataset);
  }

  /** A row of {@code PARTITIONS} for the table {@code project.dataset.table}. */
  void addPartition(String table, String partitionId, long rows, long logicalBytes, Instant lastModified) {
    partitions.computeIfAbsent(table, k -> new ArrayList<>())
        .add(Arrays.asList(partitionId, rows, logicalBytes, lastModified));
  }

  private FakeBigQueryServer.QueryStub answer(String sql, JsonNode config) {
    Matcher m = FROM.matcher(sql);
    if (!m.find()) {
      return null;
    }
    String project = m.group(1);
    String scope = m.group(2);
    String view = m.group(3);
    FakeBigQueryServer.QueryStub stub = new FakeBigQueryServer.QueryStub(view);
    if (!scope.startsWith("region-")) {
      return view.equals("PARTITIONS") ? partitions(stub, project, scope, tableParameter(config)) : null;
    }
    String region = scope.substring("region-".length());
    if (view.equals("JOBS")) {
      return null;
    }
    if (deniedRegions.contains(project + "/" + region)) {
      String name = project + ":" + scope + ".INFORMATION_SCHEMA." + view;
      return stub.fails(403, "accessDenied", "Access Denied: Table " + name + ": User does not have permission to"
          + " query table " + name + ", or perhaps it does not exist.");
    }
    List<ObjectNode> datasets = server.datasets(project).values().stream()
        .filter(d -> d.path("location").asText().toLowerCase(Locale.ROOT).equals(region))
        .filter(d -> !hiddenDatasets.contains(project + "." + d.path("datasetReference").path("datasetId").asText()))
        .toList();
    List<List<?>> rows = new ArrayList<>();
    ArrayNode schema = switch (view) {
      case "SCHEMATA" -> schemata(datasets, rows);
      case "SCHEMATA_OPTIONS" -> schemataOptions(datasets, rows);
      case "TABLES" -> tables(datasets, rows);
      case "TABLE_OPTIONS" -> tableOptions(datasets, rows);
      case "COLUMNS" -> columns(datasets, rows);
      case "COLUMN_FIELD_PATHS" -> fieldPaths(datasets, rows);
      case "TABLE_STORAGE" -> storage(datasets, rows);
      case "VIEWS" -> views(datasets, rows);
      default -> null;
    };
    if (schema == null) {
      return stub.fails(400, "invalidQuery", "Table " + view + " not found in INFORMATION_SCHEMA");
    }
    return stub.returns(schema, rows).bytes(10_485_760L);
  }

  private ArrayNode schemata(List<ObjectNode> datasets, List<List<?>> rows) {
    for (ObjectNode d : datasets) {
      rows.add(Arrays.asList(project(d), id(d), d.path("location").asText()));
    }
    return schema("catalog_name", "STRING", "schema_name", "STRING", "location", "STRING");
  }

  private ArrayNode schemataOptions(List<ObjectNode> datasets, List<List<?>> rows) {
    for (ObjectNode d : datasets) {
      if (d.hasNonNull("description")) {
        rows.add(Arrays.asList(project(d), id(d), "description", "STRING", SqlLiterals.quote(d.get("description").asText())));
      }
      if (d.has("labels")) {
        rows.add(Arrays.asList(project(d), id(d), "labels", "ARRAY<STRUCT<STRING, STRING>>", labels(d.get("labels"))));
      }
      if (d.has("defaultTableExpirationMs")) {
        rows.add(Arrays.asList(project(d), id(d), "default_table_expiration_days", "FLOAT64",
            days(d.get("defaultTableExpirationMs"))));
      }
      if (d.has("defaultPartitionExpirationMs")) {
        rows.add(Arrays.asList(project(d), id(d), "default_partition_expiration_days", "FLOAT64",
            days(d.get("defaultPartitionExpirationMs"))));
      }
    }
    return schema("catalog_name", "STRING", "schema_name", "STRING", "option_name", "STRING", "option_type", "STRING",
        "option_value", "STRING");
  }

  private ArrayNode tables(List<ObjectNode> datasets, List<List<?>> rows) {
    for (ObjectNode t : tablesOf(datasets)) {
      String type = switch (t.path("type").asText()) {
        case "TABLE" -> "BASE TABLE";
        case "MATERIALIZED_VIEW" -> "MATERIALIZED VIEW";
        default -> t.path("type").asText();
      };
      String partitionBy = partitionBy(t);
      String mvDdl = null;
      if (t.has("materializedView")) {
        mvDdl = "CREATE MATERIALIZED VIEW `" + tableId(t) + "`\n" + (partitionBy == null ? "" : "PARTITION BY "
            + partitionBy + "\n") + "OPTIONS(enable_refresh=true)\nAS " + t.path("materializedView").path("query").asText()
            + ";";
      }
      rows.add(Arrays.asList(project(t), dataset(t), table(t), type,
          Instant.ofEpochMilli(t.path("creationTime").asLong()), partitionBy, mvDdl));
    }
    return schema("table_catalog", "STRING", "table_schema", "STRING", "table_name", "STRING", "table_type", "STRING",
        "creation_time", "TIMESTAMP", "partition_by", "STRING", "materialized_view_ddl", "STRING");
  }

  private ArrayNode tableOptions(List<ObjectNode> datasets, List<List<?>> rows) {
    for (ObjectNode t : tablesOf(datasets)) {
      if (t.hasNonNull("description")) {
        rows.add(option(t, "description", "STRING", SqlLiterals.quote(t.get("description").asText())));
      }
      if (t.hasNonNull("friendlyName")) {
        rows.add(option(t, "friendly_name", "STRING", SqlLiterals.quote(t.get("friendlyName").asText())));
      }
      if (t.has("labels")) {
        rows.add(option(t, "labels", "ARRAY<STRUCT<STRING, STRING>>", labels(t.get("labels"))));
      }
      if (t.has("expirationTime")) {
        rows.add(option(t, "expiration_timestamp", "TIMESTAMP",
            "TIMESTAMP \"" + Instant.ofEpochMilli(t.get("expirationTime").asLong()) + "\""));
      }
      if (t.path("timePartitioning").has("expirationMs")) {
        rows.add(option(t, "partition_expiration_days", "FLOAT64", days(t.path("timePartitioning").get("expirationMs"))));
      }
      if (t.path("requirePartitionFilter").asBoolean(false)
          || t.path("timePartitioning").path("requirePartitionFilter").asBoolean(false)) {
        rows.add(option(t, "require_partition_filter", "BOOL", "true"));
      }
    }
    return schema("table_catalog", "STRING", "table_schema", "STRING", "table_name", "STRING", "option_name", "STRING",
        "option_type", "STRING", "option_value", "STRING");
  }

  private ArrayNode columns(List<ObjectNode> datasets, List<List<?>> rows) {
    for (ObjectNode t : tablesOf(datasets)) {
      List<String> clustering = new ArrayList<>();
      t.path("clustering").path("fields").forEach(f -> clustering.add(f.asText()));
      int ordinal = 0;
      for (JsonNode f : t.path("schema").path("fields")) {
        String name = f.path("name").asText();
        int cluster = clustering.indexOf(name);
        rows.add(Arrays.asList(project(t), dataset(t), table(t), name, ++ordinal,
            "REQUIRED".equals(f.path("mode").asText()) ? "NO" : "YES", cluster < 0 ? null : cluster + 1));
      }
    }
    return schema("table_catalog", "STRING", "table_schema", "STRING", "table_name", "STRING", "column_name", "STRING",
        "ordinal_position", "INTEGER", "is_nullable", "STRING", "clustering_ordinal_position", "INTEGER");
  }

  private ArrayNode fieldPaths(List<ObjectNode> datasets, List<List<?>> rows) {
    for (ObjectNode t : tablesOf(datasets)) {
      for (JsonNode f : t.path("schema").path("fields")) {
        paths(t, f.path("name").asText(), f, f.path("name").asText(), rows);
      }
    }
    ArrayNode schema = schema("table_catalog", "STRING", "table_schema", "STRING", "table_name", "STRING",
        "column_name", "STRING", "field_path", "STRING", "data_type", "STRING", "description", "STRING");
    schema.add(field("policy_tags", "STRING", "REPEATED", null));
    return schema;
  }

  private void paths(ObjectNode t, String column, JsonNode f, String path, List<List<?>> rows) {
    List<String> tags = new ArrayList<>();
    f.path("policyTags").path("names").forEach(n -> tags.add(n.asText()));
    rows.add(Arrays.asList(project(t), dataset(t), table(t), column, path, type(f, true),
        f.hasNonNull("description") ? f.get("description").asText() : null, tags));
    for (JsonNode c : f.path("fields")) {
      paths(t, column, c, path + "." + c.path("name").asText(), rows);
    }
  }

  private ArrayNode storage(List<ObjectNode> datasets, List<List<?>> rows) {
    for (ObjectNode t : tablesOf(datasets)) {
      String type = t.path("type").asText();
      if (type.equals("VIEW") || type.equals("EXTERNAL")) {
        continue; // no storage of their own
      }
      rows.add(Arrays.asList(project(t), dataset(t), table(t),
          t.has("numRows") ? t.get("numRows").asLong() : null, t.has("numBytes") ? t.get("numBytes").asLong() : null,
          Instant.ofEpochMilli(t.path("lastModifiedTime").asLong()), false));
    }
    return schema("project_id", "STRING", "table_schema", "STRING", "table_name", "STRING", "total_rows", "INTEGER",
        "total_logical_bytes", "INTEGER", "storage_last_modified_time", "TIMESTAMP", "deleted", "BOOLEAN");
  }

  private ArrayNode views(List<ObjectNode> datasets, List<List<?>> rows) {
    for (ObjectNode t : tablesOf(datasets)) {
      if (t.has("view")) {
        rows.add(Arrays.asList(project(t), dataset(t), table(t), t.path("view").path("query").asText()));
      }
    }
    return schema("table_catalog", "STRING", "table_schema", "STRING", "table_name", "STRING", "view_definition",
        "STRING");
  }

  private FakeBigQueryServer.QueryStub partitions(FakeBigQueryServer.QueryStub stub, String project, String dataset,
      Set<String> tables) {
    if (deniedRegions.contains(project + "/" + location(project, dataset))) {
      String name = project + ":" + dataset + ".INFORMATION_SCHEMA.PARTITIONS";
      return stub.fails(403, "accessDenied", "Access Denied: Table " + name + ": User does not have permission to"
          + " query table " + name + ", or perhaps it does not exist.");
    }
    if (tables.size() > 1000) {
      return stub.fails(400, "invalidQuery",
          "INFORMATION_SCHEMA.PARTITIONS query attempted to read too many tables. Please add more restrictive filters.");
    }
    List<List<?>> rows = new ArrayList<>();
    partitions.forEach((id, list) -> {
      String[] p = id.split("\\.");
      if (p[0].equals(project) && p[1].equals(dataset) && tables.contains(p[2])) {
        for (List<?> r : list) {
          List<Object> row = new ArrayList<>(List.of(p[0], p[1], p[2]));
          row.addAll(r);
          rows.add(row);
        }
      }
    });
    return stub.returns(schema("table_catalog", "STRING", "table_schema", "STRING", "table_name", "STRING",
        "partition_id", "STRING", "total_rows", "INTEGER", "total_logical_bytes", "INTEGER", "last_modified_time",
        "TIMESTAMP"), rows);
  }

  private String location(String project, String dataset) {
    ObjectNode d = server.datasets(project).get(dataset);
    return d == null ? "" : d.path("location").asText().toLowerCase(Locale.ROOT);
  }

  private static Set<String> tableParameter(JsonNode config) {
    Set<String> out = new HashSet<>();
    for (JsonNode p : config.path("queryParameters")) {
      if (p.path("name").asText().equals("tables")) {
        p.path("parameterValue").path("arrayValues").forEach(v -> out.add(v.path("value").asText()));
      }
    }
    return out;
  }

  /** The GoogleSQL type text of a REST field ({@code ARRAY<STRUCT<a STRING NOT NULL>>}). */
  private static String type(JsonNode f, boolean top) {
    String base = switch (f.path("type").asText()) {
      case "INTEGER" -> "INT64";
      case "FLOAT" -> "FLOAT64";
      case "BOOLEAN" -> "BOOL";
      case "RECORD", "STRUCT" -> {
        List<String> parts = new ArrayList<>();
        for (JsonNode c : f.path("fields")) {
          parts.add(c.path("name").asText() + " " + type(c, false));
        }
        yield "STRUCT<" + String.join(", ", parts) + ">";
      }
      default -> f.path("type").asText();
    };
    return switch (f.path("mode").asText("NULLABLE")) {
      case "REPEATED" -> "ARRAY<" + base + ">";
      case "REQUIRED" -> top ? base : base + " NOT NULL";
      default -> base;
    };
  }

  /** The {@code PARTITION BY} expression BigQuery's DDL gives for the resource's partitioning. */
  private static String partitionBy(ObjectNode t) {
    JsonNode range = t.path("rangePartitioning");
    if (!range.isMissingNode()) {
      JsonNode r = range.path("range");
      return "RANGE_BUCKET(" + range.path("field").asText() + ", GENERATE_ARRAY(" + r.path("start").asText() + ", "
          + r.path("end").asText() + ", " + r.path("interval").asText() + "))";
    }
    JsonNode tp = t.path("timePartitioning");
    if (tp.isMissingNode()) {
      return null;
    }
    String type = tp.path("type").asText("DAY");
    if (!tp.hasNonNull("field")) {
      return type.equals("DAY") ? "_PARTITIONDATE" : "TIMESTAMP_TRUNC(_PARTITIONTIME, " + type + ")";
    }
    String column = tp.get("field").asText();
    String columnType = "";
    for (JsonNode f : t.path("schema").path("fields")) {
      if (f.path("name").asText().equals(column)) {
        columnType = f.path("type").asText();
      }
    }
    return switch (columnType) {
      case "DATE" -> type.equals("DAY") ? column : "DATE_TRUNC(" + column + ", " + type + ")";
      case "DATETIME" -> "DATETIME_TRUNC(" + column + ", " + type + ")";
      default -> type.equals("DAY") ? "DATE(" + column + ")" : "TIMESTAMP_TRUNC(" + column + ", " + type + ")";
    };
  }

  private static String labels(JsonNode labels) {
    List<String> parts = new ArrayList<>();
    labels.properties().forEach(e -> parts.add("STRUCT(" + SqlLiterals.quote(e.getKey()) + ", "
        + SqlLiterals.quote(e.getValue().asText()) + ")"));
    return "[" + String.join(", ", parts) + "]";
  }

  private static String days(JsonNode millis) {
    return Double.toString(millis.asLong() / 86_400_000d);
  }

  private List<ObjectNode> tablesOf(List<ObjectNode> datasets) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode d : datasets) {
      out.addAll(server.tables(project(d), id(d)).values().stream()
          .filter(t -> !t.path("tableReference").path("datasetId").asText().startsWith("_")).toList());
    }
    return out;
  }

  private static List<?> option(ObjectNode t, String name, String type, String value) {
    return Arrays.asList(project(t), dataset(t), table(t), name, type, value);
  }

  private static String project(ObjectNode r) {
    JsonNode ref = r.has("tableReference") ? r.get("tableReference") : r.get("datasetReference");
    return ref.path("projectId").asText();
  }

  private static String id(ObjectNode d) {
    return d.path("datasetReference").path("datasetId").asText();
  }

  private static String dataset(ObjectNode t) {
    return t.path("tableReference").path("datasetId").asText();
  }

  private static String table(ObjectNode t) {
    return t.path("tableReference").path("tableId").asText();
  }

  private static String tableId(ObjectNode t) {
    return project(t) + "." + dataset(t) + "." + table(t);
  }

  private static ArrayNode schema(String... nameType) {
    ArrayNode arr = JSON.createArrayNode();
    for (int i = 0; i < nameType.length; i += 2) {
      arr.add(field(nameType[i], nameType[i + 1], "NULLABLE", null));
    }
    return arr;
  }
}
