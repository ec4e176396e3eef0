package corpus.indexer.source.bigquery;

import com.google.cloud.bigquery.FieldValueList;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Field;
import corpus.indexer.model.PartitionStats;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Crawls all datasets of one project in one region with a few region-level {@code INFORMATION_SCHEMA}
 * queries instead of one {@code tables.get} per table: {@code SCHEMATA}, {@code SCHEMATA_OPTIONS}, {@code
 * TABLES}, {@code TABLE_OPTIONS}, {@code COLUMNS}, {@code COLUMN_FIELD_PATHS}, {@code TABLE_STORAGE} and
 * {@code VIEWS}, then the dataset-level {@code PARTITIONS} view of each dataset with partitioned tables.
 *
 * <p>The result is the same catalog the API crawl gives (checked against the test server), with two
 * differences of the views themselves: a view or external table has no storage, so no last-modified time;
 * and nested REQUIRED fields are read from the {@code NOT NULL} of the STRUCT type text. Any failing region
 * query throws {@link BigQueryFailure}: the caller then crawls the region through the API. A failing
 * {@code PARTITIONS} query only loses that dataset's partition statistics, reported as a problem.
 */
final class InformationSchemaCrawler {

  private static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9.:-]{0,62}[a-z0-9]", Pattern.CASE_INSENSITIVE);
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{2,40}");

  /** What a region gave: datasets and tables, datasets the listing knows but the views did not show, problems. */
  record RegionCatalog(List<Dataset> datasets, List<Table> tables, List<Dataset> missing,
      Map<String, String> partitionProblems) {}

  private final QueryRows rows;
  private final PartitionStatsReader partitions;

  InformationSchemaCrawler(QueryRows rows) {
    this.rows = rows;
    this.partitions = new PartitionStatsReader(rows);
  }

  /** {@code `project`.`region-eu`.INFORMATION_SCHEMA.VIEW}, validated so nothing can be injected. */
  static String regionView(String project, String location, String view) {
    String region = location == null ? "us" : location.strip().toLowerCase(Locale.ROOT);
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("not a location: " + location);
    }
    return "`" + project(project) + "`.`region-" + region + "`.INFORMATION_SCHEMA." + view;
  }

  static String project(String project) {
    if (!PROJECT.matcher(project).matches()) {
      throw new IllegalArgumentException("not a project id: " + project);
    }
    return project;
  }

  /** Crawls the {@code listed} datasets of {@code project} that live in {@code location}. */
  RegionCatalog crawl(String project, String location, List<Dataset> listed) throws InterruptedException {
    Map<String, Dataset> wanted = new LinkedHashMap<>();
    listed.forEach(d -> wanted.put(d.dataset(), d));
    String where = project + " region-" + location.toLowerCase(Locale.ROOT);

    Map<String, String> locations = new HashMap<>();
    rows.forEach("SELECT catalog_name, schema_name, location\nFROM " + regionView(project, location, "SCHEMATA"),
        Map.of(), "reading the datasets of " + where, r -> {
          String name = QueryRows.string(r, "schema_name");
          if (wanted.containsKey(name)) {
            locations.put(name, QueryRows.string(r, "location"));
          }
        });
    Map<String, Map<String, String>> datasetOptions = new HashMap<>();
    rows.forEach("""
        SELECT catalog_name, schema_name, option_name, option_value
        FROM %s
        WHERE option_name IN ('description', 'labels', 'default_table_expiration_days',
          'default_partition_expiration_days')
        """.formatted(regionView(project, location, "SCHEMATA_OPTIONS")), Map.of(),
        "reading the dataset options of " + where, r -> option(datasetOptions, r, "schema_name", wanted.keySet()));

    Map<String, Entry> tables = new LinkedHashMap<>();
    rows.forEach("""
        SELECT table_catalog, table_schema, table_name, table_type, creation_time,
          REGEXP_EXTRACT(ddl, r'(?m)^PARTITION BY (.+)$') AS partition_by,
          IF(table_type = 'MATERIALIZED VIEW', ddl, NULL) AS materialized_view_ddl
        FROM %s
        """.formatted(regionView(project, location, "TABLES")), Map.of(), "reading the tables of " + where, r -> {
          String dataset = QueryRows.string(r, "table_schema");
          if (locations.containsKey(dataset)) {
            Entry e = new Entry(dataset, QueryRows.string(r, "table_name"));
            e.type = QueryRows.string(r, "table_type");
            e.created = QueryRows.instant(r, "creation_time");
            e.partitionBy = QueryRows.string(r, "partition_by");
            e.viewQuery = PartitionClause.viewQuery(QueryRows.string(r, "materialized_view_ddl"));
            tables.put(e.key(), e);
          }
        });
    rows.forEach("""
        SELECT table_catalog, table_schema, table_name, option_name, option_value
        FROM %s
        WHERE option_name IN ('description', 'labels', 'friendly_name', 'expiration_timestamp',
          'partition_expiration_days', 'require_partition_filter')
        """.formatted(regionView(project, location, "TABLE_OPTIONS")), Map.of(),
        "reading the table options of " + where, r -> {
          Entry e = tables.get(QueryRows.string(r, "table_schema") + "." + QueryRows.string(r, "table_name"));
          if (e != null) {
            e.options.put(QueryRows.string(r, "option_name"), QueryRows.string(r, "option_value"));
          }
        });
    rows.forEach("""
        SELECT table_catalog, table_schema, table_name, column_name, ordinal_position, is_nullable,
          clustering_ordinal_position
        FROM %s
        WHERE is_hidden = 'NO'
        """.formatted(regionView(project, location, "COLUMNS")), Map.of(), "reading the columns of " + where, r -> {
          Entry e = tables.get(QueryRows.string(r, "table_schema") + "." + QueryRows.string(r, "table_name"));
          if (e != null) {
            String column = QueryRows.string(r, "column_name");
            e.columns.put(QueryRows.number(r, "ordinal_position").intValue(), column);
            e.required.put(column, "NO".equalsIgnoreCase(QueryRows.string(r, "is_nullable")));
            Long cluster = QueryRows.number(r, "clustering_ordinal_position");
            if (cluster != null) {
              e.clustering.put(cluster.intValue(), column);
            }
          }
        });
    rows.forEach("""
        SELECT table_catalog, table_schema, table_name, column_name, field_path, data_type, description,
          policy_tags
        FROM %s
        """.formatted(regionView(project, location, "COLUMN_FIELD_PATHS")), Map.of(),
        "reading the field paths of " + where, r -> {
          Entry e = tables.get(QueryRows.string(r, "table_schema") + "." + QueryRows.string(r, "table_name"));
          if (e != null) {
            e.paths.put(QueryRows.string(r, "field_path"), new PathInfo(QueryRows.string(r, "data_type"),
                QueryRows.string(r, "description"), QueryRows.strings(r, "policy_tags")));
          }
        });
    rows.forEach("""
        SELECT project_id, table_schema, table_name, total_rows, total_logical_bytes, storage_last_modified_time
        FROM %s
        WHERE NOT deleted
        """.formatted(regionView(project, location, "TABLE_STORAGE")), Map.of(),
        "reading the table storage of " + where, r -> {
          Entry e = tables.get(QueryRows.string(r, "table_schema") + "." + QueryRows.string(r, "table_name"));
          if (e != null) {
            e.rows = QueryRows.number(r, "total_rows");
            e.bytes = QueryRows.number(r, "total_logical_bytes");
            e.modified = QueryRows.instant(r, "storage_last_modified_time");
          }
        });
    rows.forEach("SELECT table_catalog, table_schema, table_name, view_definition\nFROM "
        + regionView(project, location, "VIEWS"), Map.of(), "reading the views of " + where, r -> {
          Entry e = tables.get(QueryRows.string(r, "table_schema") + "." + QueryRows.string(r, "table_name"));
          if (e != null) {
            e.viewQuery = QueryRows.string(r, "view_definition");
          }
        });

    Map<String, String> partitionProblems = new LinkedHashMap<>();
    Map<String, List<String>> partitioned = tables.values().stream()
        .filter(e -> PartitionClause.parse(e.partitionBy).timeType() != null)
        .collect(Collectors.groupingBy(e -> e.dataset, LinkedHashMap::new,
            Collectors.mapping(e -> e.name, Collectors.toList())));
    for (Map.Entry<String, List<String>> d : partitioned.entrySet()) {
      try {
        partitions.read(project, d.getKey(), d.getValue()).forEach((table, stats) -> {
          Entry e = tables.get(d.getKey() + "." + table);
          if (e != null) {
            e.partitions = stats;
          }
        });
      } catch (BigQueryFailure f) {
        partitionProblems.put(project + "." + d.getKey(), f.getMessage());
      }
    }

    List<Dataset> datasets = new ArrayList<>();
    List<Dataset> missing = new ArrayList<>();
    for (Dataset d : wanted.values()) {
      if (!locations.containsKey(d.dataset())) {
        missing.add(d);
        continue;
      }
      Map<String, String> o = datasetOptions.getOrDefault(d.dataset(), Map.of());
      datasets.add(new Dataset(project, d.dataset(), locations.get(d.dataset()), SqlLiterals.string(o.get("description")),
          SqlLiterals.labels(o.get("labels")), SqlLiterals.daysAsMillis(o.get("default_table_expiration_days")),
          SqlLiterals.daysAsMillis(o.get("default_partition_expiration_days"))));
    }
    List<Table> out = new ArrayList<>(tables.size());
    for (Entry e : tables.values()) {
      out.add(e.table(project, locations.get(e.dataset)));
    }
    return new RegionCatalog(datasets, out, missing, partitionProblems);
  }

  private static void option(Map<String, Map<String, String>> into, FieldValueList r, String column, Set<String> keep) {
    String owner = QueryRows.string(r, column);
    if (keep.contains(owner)) {
      into.computeIfAbsent(owner, k -> new HashMap<>())
          .put(QueryRows.string(r, "option_name"), QueryRows.string(r, "option_value"));
    }
  }

  private record PathInfo(String type, String description, List<String> policyTags) {}

  /** What the views say about one table, gathered row by row. */
  private static final class Entry {
    final String dataset;
    final String name;
    String type;
    Instant created;
    String partitionBy;
    String viewQuery;
    Long rows;
    Long bytes;
    Instant modified;
    List<PartitionStats> partitions = List.of();
    final Map<String, String> options = new HashMap<>();
    final TreeMap<Integer, String> columns = new TreeMap<>();
    final Map<String, Boolean> required = new HashMap<>();
    final TreeMap<Integer, String> clustering = new TreeMap<>();
    final Map<String, PathInfo> paths = new HashMap<>();

    Entry(String dataset, String name) {
      this.dataset = dataset;
      this.name = name;
    }

    String key() {
      return dataset + "." + name;
    }

    Table table(String project, String location) {
      PartitionClause.Parsed partitioning = PartitionClause.parse(partitionBy);
      boolean requireFilter = SqlLiterals.bool(options.get("require_partition_filter"));
      List<Field> schema = new ArrayList<>();
      for (String column : columns.values()) {
        PathInfo info = paths.get(column);
        Field f = TypeText.field(column, info == null ? null : info.type(),
            Boolean.TRUE.equals(required.get(column)) ? "REQUIRED" : "NULLABLE");
        schema.add(annotate(f, column));
      }
      return Table.builder(new TableId(project, dataset, name))
          .kind(kind(type))
          .friendlyName(SqlLiterals.string(options.get("friendly_name")))
          .description(SqlLiterals.string(options.get("description")))
          .labels(SqlLiterals.labels(options.get("labels")))
          .schema(schema)
          .timePartitioning(partitioning.time(SqlLiterals.daysAsMillis(options.get("partition_expiration_days")),
              requireFilter))
          .rangePartitioning(partitioning.range())
          .clustering(List.copyOf(clustering.values()))
          .numRows(rows)
          .numBytes(bytes)
          .location(location)
          .expirationTime(SqlLiterals.timestamp(options.get("expiration_timestamp")))
          .creationTime(created)
          .lastModifiedTime(modified)
          .viewQuery(viewQuery)
          .partitions(partitions)
          .build();
    }

    private Field annotate(Field f, String path) {
      PathInfo info = paths.get(path);
      List<Field> children = new ArrayList<>(f.fields().size());
      for (Field c : f.fields()) {
        children.add(annotate(c, path + "." + c.name()));
      }
      return new Field(f.name(), f.type(), f.mode(), info == null ? null : info.description(),
          info == null ? List.of() : info.policyTags(), children);
    }

    private static TableKind kind(String tableType) {
      if (tableType == null) {
        return TableKind.TABLE;
      }
      return switch (tableType.toUpperCase(Locale.ROOT)) {
        case "VIEW" -> TableKind.VIEW;
        case "MATERIALIZED VIEW" -> TableKind.MATERIALIZED_VIEW;
        case "EXTERNAL" -> TableKind.EXTERNAL;
        case "SNAPSHOT" -> TableKind.SNAPSHOT;
        default -> TableKind.TABLE; // BASE TABLE, CLONE
      };
    }
  }
}
