package corpus.indexer.source.export;

import com.fasterxml.jackson.databind.JsonNode;
import corpus.indexer.model.Field;
import corpus.indexer.model.RangePartitioning;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableKind;
import corpus.indexer.model.TimePartitioning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one BigQuery REST {@code Table} resource (as returned by {@code tables.get}) into the
 * catalog model. Numbers that the API sends as strings ({@code numRows}, timestamps in epoch
 * millis) are accepted either way.
 */
public final class TableResourceReader {

  /** Reads the resource; throws {@link IllegalArgumentException} saying what is missing or wrong. */
  public Table read(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode ref = node.get("tableReference");
    if (ref == null || !ref.isObject()) {
      throw new IllegalArgumentException("missing tableReference");
    }
    TableId id = new TableId(required(ref, "projectId"), required(ref, "datasetId"), required(ref, "tableId"));
    Table.Builder b = Table.builder(id)
        .kind(TableKind.fromBigQuery(text(node, "type")))
        .friendlyName(text(node, "friendlyName"))
        .description(text(node, "description"))
        .labels(labels(node.get("labels")))
        .schema(fields(node.path("schema").get("fields"), "schema.fields"))
        .numRows(number(node, "numRows"))
        .numBytes(number(node, "numBytes"))
        .location(text(node, "location"))
        .expirationTime(instant(node, "expirationTime"))
        .creationTime(instant(node, "creationTime"))
        .lastModifiedTime(instant(node, "lastModifiedTime"));
    JsonNode tp = node.get("timePartitioning");
    if (tp != null && tp.isObject()) {
      b.timePartitioning(new TimePartitioning(
          tp.path("type").asText("DAY"), text(tp, "field"), number(tp, "expirationMs"),
          tp.path("requirePartitionFilter").asBoolean(node.path("requirePartitionFilter").asBoolean(false))));
    }
    JsonNode rp = node.get("rangePartitioning");
    if (rp != null && rp.isObject()) {
      JsonNode range = rp.path("range");
      b.rangePartitioning(new RangePartitioning(required(rp, "field"),
          range.path("start").asLong(), range.path("end").asLong(), range.path("interval").asLong(1)));
    }
    JsonNode clustering = node.path("clustering").get("fields");
    if (clustering != null && clustering.isArray()) {
      List<String> cols = new ArrayList<>();
      clustering.forEach(c -> cols.add(c.asText()));
      b.clustering(cols);
    }
    JsonNode view = node.get("view");
    if (view != null && view.hasNonNull("query")) {
      b.viewQuery(view.get("query").asText());
    }
    JsonNode mv = node.get("materializedView");
    if (mv != null && mv.hasNonNull("query")) {
      b.viewQuery(mv.get("query").asText());
    }
    return b.build();
  }

  private static List<Field> fields(JsonNode array, String where) {
    List<Field> fields = new ArrayList<>();
    if (array == null || array.isNull()) {
      return fields;
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(where + " is not an array");
    }
    for (JsonNode f : array) {
      String name = required(f, "name");
      List<String> tags = new ArrayList<>();
      f.path("policyTags").path("names").forEach(t -> tags.add(t.asText()));
      fields.add(new Field(name, text(f, "type"), text(f, "mode"), text(f, "description"), tags,
          fields(f.get("fields"), where + "." + name)));
    }
    return fields;
  }

  private static Map<String, String> labels(JsonNode node) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    }
    return labels;
  }

  private static String required(JsonNode node, String name) {
    String v = text(node, name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing " + name);
    }
    return v;
  }

  private static String text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Long number(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.asLong();
    }
    try {
      return Long.parseLong(v.asText().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number: " + v.asText());
    }
  }

  private static Instant instant(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber() || v.asText().matches("\\d+")) {
      return Instant.ofEpochMilli(v.asLong(Long.parseLong(v.asText("0"))));
    }
    try {
      return Instant.parse(v.asText());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(name + " is not a timestamp: " + v.asText());
    }
  }
}
