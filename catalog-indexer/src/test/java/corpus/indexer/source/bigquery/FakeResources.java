package corpus.indexer.source.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds BigQuery v2 REST resources (Dataset, Table, TableFieldSchema, rows, errors) shaped as in
 * the public API reference, for {@link FakeBigQueryServer} and the tests that fill it.
 */
final class FakeResources {

  static final ObjectMapper JSON = new ObjectMapper();
  static final long CREATED = Instant.parse("2025-03-01T08:00:00Z").toEpochMilli();

  private FakeResources() {}

  static ObjectNode dataset(String project, String dataset, String location) {
    ObjectNode d = JSON.createObjectNode();
    d.put("kind", "bigquery#dataset");
    d.put("etag", "\"" + Integer.toHexString((project + dataset).hashCode()) + "\"");
    d.put("id", project + ":" + dataset);
    d.put("selfLink", "https://bigquery.googleapis.com/bigquery/v2/projects/" + project + "/datasets/" + dataset);
    d.putObject("datasetReference").put("datasetId", dataset).put("projectId", project);
    d.put("creationTime", Long.toString(CREATED));
    d.put("lastModifiedTime", Long.toString(CREATED + 86_400_000L));
    d.put("location", location);
    d.put("type", "DEFAULT");
    return d;
  }

  static ObjectNode table(String project, String dataset, String table, String type) {
    ObjectNode t = JSON.createObjectNode();
    t.put("kind", "bigquery#table");
    t.put("etag", "\"" + Integer.toHexString((project + dataset + table).hashCode()) + "\"");
    t.put("id", project + ":" + dataset + "." + table);
    t.put("selfLink", "https://bigquery.googleapis.com/bigquery/v2/projects/" + project + "/datasets/"
        + dataset + "/tables/" + table);
    t.putObject("tableReference").put("projectId", project).put("datasetId", dataset).put("tableId", table);
    t.put("type", type);
    t.put("creationTime", Long.toString(CREATED));
    t.put("lastModifiedTime", Long.toString(CREATED + 3_600_000L));
    t.putObject("schema").putArray("fields");
    if (type.equals("TABLE")) {
      t.put("numBytes", "0");
      t.put("numLongTermBytes", "0");
      t.put("numRows", "0");
    }
    return t;
  }

  static ObjectNode field(String name, String type, String mode, String description) {
    ObjectNode f = JSON.createObjectNode();
    f.put("name", name);
    f.put("type", type);
    f.put("mode", mode);
    if (description != null) {
      f.put("description", description);
    }
    return f;
  }

  static ObjectNode record(String name, String mode, String description, ObjectNode... fields) {
    ObjectNode f = field(name, "RECORD", mode, description);
    ArrayNode sub = f.putArray("fields");
    for (ObjectNode s : fields) {
      sub.add(s);
    }
    return f;
  }

  static ObjectNode withPolicyTag(ObjectNode field, String tag) {
    field.putObject("policyTags").putArray("names").add(tag);
    return field;
  }

  static ObjectNode withFields(ObjectNode table, ObjectNode... fields) {
    ArrayNode arr = (ArrayNode) table.path("schema").path("fields");
    for (ObjectNode f : fields) {
      arr.add(f);
    }
    return table;
  }

  static ObjectNode labels(ObjectNode resource, Map<String, String> labels) {
    ObjectNode l = resource.putObject("labels");
    labels.forEach(l::put);
    return resource;
  }

  /** The subset of a Table resource that tables.list returns for each table. */
  static ObjectNode listItem(ObjectNode table) {
    ObjectNode item = JSON.createObjectNode();
    for (String key : List.of("kind", "id", "tableReference", "type", "friendlyName", "labels",
        "timePartitioning", "rangePartitioning", "clustering", "creationTime", "expirationTime")) {
      if (table.has(key)) {
        item.set(key, table.get(key));
      }
    }
    if (table.has("view")) {
      item.putObject("view").put("useLegacySql", false);
    }
    return item;
  }

  /** The subset of a Dataset resource that datasets.list returns. */
  static ObjectNode datasetListItem(ObjectNode dataset) {
    ObjectNode item = JSON.createObjectNode();
    for (String key : List.of("kind", "id", "datasetReference", "labels", "friendlyName", "location")) {
      if (dataset.has(key)) {
        item.set(key, dataset.get(key));
      }
    }
    return item;
  }

  static ObjectNode error(int code, String reason, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode e = root.putObject("error");
    e.put("code", code);
    e.put("message", message);
    e.putArray("errors").addObject().put("message", message).put("domain", "global").put("reason", reason);
    e.put("status", switch (code) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 503 -> "UNAVAILABLE";
      default -> "INTERNAL";
    });
    return root;
  }

  /** One row in the {@code {"f": [{"v": ...}]}} form, encoding values by the schema fields. */
  static ObjectNode row(List<?> values, JsonNode fields) {
    ObjectNode row = JSON.createObjectNode();
    ArrayNode f = row.putArray("f");
    for (int i = 0; i < values.size(); i++) {
      f.addObject().set("v", cell(values.get(i), fields.get(i), false));
    }
    return row;
  }

  private static JsonNode cell(Object value, JsonNode field, boolean element) {
    if (value == null) {
      return JSON.nullNode();
    }
    if (!element && "REPEATED".equals(field.path("mode").asText())) {
      ArrayNode arr = JSON.createArrayNode();
      for (Object v : (List<?>) value) {
        arr.addObject().set("v", cell(v, field, true));
      }
      return arr;
    }
    String type = field.path("type").asText();
    if (type.equals("RECORD") || type.equals("STRUCT")) {
      return row((List<?>) value, field.path("fields"));
    }
    if (value instanceof Instant instant) {
      return JSON.getNodeFactory().textNode(Double.toString(instant.toEpochMilli() / 1000.0));
    }
    return JSON.getNodeFactory().textNode(value.toString());
  }
}
