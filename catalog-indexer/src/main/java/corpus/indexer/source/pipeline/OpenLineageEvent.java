package corpus.indexer.source.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import corpus.indexer.model.Field;
import corpus.lineage.ColumnLineage;
import corpus.lineage.Derivation;
import corpus.lineage.StatementLineage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one OpenLineage RunEvent says about lineage: the job, its SQL facet, the BigQuery datasets read and
 * written (others are external), the {@code columnLineage} facet as column edges (DIRECT inputs) and filters
 * (INDIRECT inputs), and the {@code schema} facets of its datasets.
 *
 * @param job {@code namespace/name} of the job
 * @param sql the {@code sql} job facet's query, or null
 * @param statement the lineage, with {@code line} the event's line in its file
 * @param schemas documented schemas of BigQuery datasets by table id
 */
record OpenLineageEvent(String job, String sql, StatementLineage statement, Map<String, List<Field>> schemas) {

  /** Reads one event; throws {@link IllegalArgumentException} saying what is missing. */
  static OpenLineageEvent read(JsonNode event, int line) {
    JsonNode job = event.path("job");
    if (!job.path("name").isTextual()) {
      throw new IllegalArgumentException("not an OpenLineage RunEvent (no job.name)");
    }
    String jobId = job.path("namespace").asText("") + "/" + job.path("name").asText();
    String sql = job.path("facets").path("sql").path("query").isTextual()
        ? job.path("facets").path("sql").path("query").asText() : null;
    Set<String> targets = new LinkedHashSet<>();
    Set<String> sources = new LinkedHashSet<>();
    Set<String> external = new LinkedHashSet<>();
    Map<String, List<Field>> schemas = new LinkedHashMap<>();
    for (JsonNode in : event.path("inputs")) {
      String id = tableId(in);
      if (id == null) {
        external.add(in.path("namespace").asText("") + "/" + in.path("name").asText(""));
      } else {
        sources.add(id);
        schema(in, id, schemas);
      }
    }
    Map<String, ColumnLineage> columns = new LinkedHashMap<>();
    Set<String> filters = new LinkedHashSet<>();
    for (JsonNode out : event.path("outputs")) {
      String id = tableId(out);
      if (id == null) {
        external.add(out.path("namespace").asText("") + "/" + out.path("name").asText(""));
        continue;
      }
      targets.add(id);
      schema(out, id, schemas);
      JsonNode facet = out.path("facets").path("columnLineage");
      facet.path("fields").properties().forEach(f -> readField(id + "." + f.getKey(), f.getValue(), columns, filters));
      for (JsonNode indirect : facet.path("dataset")) {
        String column = column(indirect);
        if (column != null) {
          filters.add(column);
        }
      }
    }
    StatementLineage statement = new StatementLineage("openlineage", line, List.copyOf(targets), List.copyOf(sources),
        List.copyOf(external), List.copyOf(columns.values()), List.copyOf(filters), List.of(), null);
    return new OpenLineageEvent(jobId, sql, statement, schemas);
  }

  private static void readField(String target, JsonNode field, Map<String, ColumnLineage> columns, Set<String> filters) {
    List<String> direct = new ArrayList<>();
    Derivation derivation = legacyDerivation(field.path("transformationType").asText(""));
    for (JsonNode input : field.path("inputFields")) {
      String column = column(input);
      if (column == null) {
        continue;
      }
      JsonNode transformations = input.path("transformations");
      boolean isDirect = !transformations.isArray() || transformations.isEmpty();
      for (JsonNode t : transformations) {
        if (t.path("type").asText("DIRECT").equalsIgnoreCase("INDIRECT")) {
          filters.add(column);
        } else {
          isDirect = true;
          derivation = derivation.combine(subtype(t.path("subtype").asText("")));
        }
      }
      if (isDirect) {
        direct.add(column);
      }
    }
    if (!direct.isEmpty()) {
      columns.merge(target, new ColumnLineage(target, direct, derivation), (a, b) -> new ColumnLineage(target,
          List.copyOf(new LinkedHashSet<>(concat(a.sources(), b.sources()))), a.derivation().combine(b.derivation())));
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Derivation subtype(String subtype) {
    return switch (subtype.toUpperCase(Locale.ROOT)) {
      case "AGGREGATION" -> Derivation.AGGREGATION;
      case "TRANSFORMATION" -> Derivation.TRANSFORMATION;
      default -> Derivation.IDENTITY;
    };
  }

  private static Derivation legacyDerivation(String type) {
    return type.equalsIgnoreCase("IDENTICAL") || type.isBlank() ? Derivation.IDENTITY : Derivation.TRANSFORMATION;
  }

  /** {@code project.dataset.table.field} of an input field, or null when it is not a BigQuery table's. */
  private static String column(JsonNode input) {
    String table = tableId(input);
    String field = input.path("field").asText("");
    return table == null || field.isBlank() ? null : table + "." + field;
  }

  /** The table id of a BigQuery dataset ({@code namespace: bigquery}), null for other namespaces. */
  private static String tableId(JsonNode dataset) {
    String namespace = dataset.path("namespace").asText("");
    String name = dataset.path("name").asText("").replace("`", "");
    if (!namespace.equals("bigquery") && !namespace.startsWith("bigquery:") && !namespace.startsWith("bigquery/")) {
      return null;
    }
    int colon = name.indexOf(':');
    if (colon > 0) {
      name = name.substring(0, colon) + "." + name.substring(colon + 1);
    }
    return name.split("\\.").length == 3 ? name : null;
  }

  private static void schema(JsonNode dataset, String id, Map<String, List<Field>> schemas) {
    JsonNode fields = dataset.path("facets").path("schema").path("fields");
    if (fields.isArray() && !fields.isEmpty()) {
      schemas.putIfAbsent(id, fields(fields));
    }
  }

  private static List<Field> fields(JsonNode array) {
    List<Field> out = new ArrayList<>();
    for (JsonNode f : array) {
      if (f.path("name").isTextual()) {
        String type = f.path("type").isTextual() ? f.path("type").asText().toUpperCase(Locale.ROOT) : null;
        String description = f.path("description").isTextual() ? f.path("description").asText() : null;
        out.add(new Field(f.path("name").asText(), type, null, description, List.of(), fields(f.path("fields"))));
      }
    }
    return out;
  }
}
