package corpus.indexer.source.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import corpus.indexer.model.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One node of a dbt {@code manifest.json} as the dbt source needs it: a model, snapshot, seed or source
 * with the table it lives in, its documentation and its SQL.
 *
 * @param uniqueId {@code model.shop.orders}, {@code source.shop.raw.orders} …
 * @param resourceType model, snapshot, seed or source
 * @param table {@code database.schema.alias}, or null for an ephemeral model (no table of its own)
 * @param name the model name (source: {@code source_name.name})
 * @param materialized table, view, incremental, ephemeral, snapshot, seed, source
 * @param compiledSql {@code compiled_code} (dbt ≥ 1.3) or {@code compiled_sql}; null when not compiled
 * @param dependsOn unique ids of the upstream nodes
 * @param path the file that defines the node ({@code original_file_path})
 * @param strategy snapshot strategy ({@code timestamp}, {@code check}), or null
 * @param updatedAt the snapshot's {@code updated_at} column, or null
 */
record DbtNode(
    String uniqueId,
    String resourceType,
    String table,
    String name,
    String description,
    String owner,
    String materialized,
    List<Field> columns,
    String compiledSql,
    List<String> dependsOn,
    String path,
    String strategy,
    String updatedAt) {

  /** Reads a node of {@code nodes} or {@code sources}; null for kinds the catalog does not need (tests …). */
  static DbtNode read(String uniqueId, JsonNode n) {
    String type = text(n, "resource_type");
    if (type == null || !List.of("model", "snapshot", "seed", "source").contains(type)) {
      return null;
    }
    JsonNode config = n.path("config");
    String materialized = switch (type) {
      case "model" -> text(config, "materialized") == null ? "view" : text(config, "materialized");
      default -> type;
    };
    String table = "ephemeral".equals(materialized) ? null : relation(n, type);
    String name = type.equals("source") ? text(n, "source_name") + "." + text(n, "name") : text(n, "name");
    String owner = text(n.path("meta"), "owner");
    if (owner == null) {
      owner = text(config.path("meta"), "owner");
    }
    String compiled = text(n, "compiled_code");
    if (compiled == null) {
      compiled = text(n, "compiled_sql");
    }
    List<String> depends = new ArrayList<>();
    n.path("depends_on").path("nodes").forEach(d -> depends.add(d.asText()));
    String path = text(n, "original_file_path");
    return new DbtNode(uniqueId, type, table, name, text(n, "description"), owner, materialized,
        columns(n.path("columns")), compiled, depends, path == null ? text(n, "path") : path,
        text(config, "strategy"), text(config, "updated_at"));
  }

  boolean isSnapshot() {
    return resourceType.equals("snapshot");
  }

  /** The table id from {@code relation_name} when present, else database, schema and alias/identifier. */
  private static String relation(JsonNode n, String type) {
    String relation = text(n, "relation_name");
    if (relation != null) {
      String cleaned = relation.replace("`", "").replace("\"", "");
      if (cleaned.split("\\.").length == 3) {
        return cleaned;
      }
    }
    String database = text(n, "database");
    String schema = text(n, "schema");
    String alias = type.equals("source") ? text(n, "identifier") : text(n, "alias");
    if (alias == null) {
      alias = text(n, "name");
    }
    if (schema == null || alias == null) {
      return null;
    }
    return database == null ? schema + "." + alias : database + "." + schema + "." + alias;
  }

  private static List<Field> columns(JsonNode columns) {
    List<Field> out = new ArrayList<>();
    columns.properties().forEach(e -> {
      JsonNode c = e.getValue();
      String name = text(c, "name") == null ? e.getKey() : text(c, "name");
      String type = text(c, "data_type");
      out.add(new Field(name, type == null ? null : type.toUpperCase(Locale.ROOT), null, text(c, "description"),
          List.of(), List.of()));
    });
    return out;
  }

  private static String text(JsonNode node, String name) {
    JsonNode v = node.path(name);
    return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
  }
}
