package corpus.indexer.source.sample;

import corpus.indexer.model.TableKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the line-based {@code .spec} format the sample warehouse is written in.
 *
 * <pre>
 * dataset catalog                      # starts a dataset; properties follow as "key: value"
 * project: soundwave-prod
 * table track_metadata                 # or "view NAME"
 * partition: DAY play_date expiration_days=90 require_filter
 * - track_id VARCHAR -- Stable track id.        # column: path, DuckDB type, description
 * - address.postcode [postcode] -- Postcode.    # nested field: no type; [category] = personal
 * load: &lt;&lt;                                     # multi-line block until a line "&gt;&gt;"
 * SELECT ...
 * &gt;&gt;
 * </pre>
 *
 * The spec is part of the program, so a malformed line is a bug: it fails with file and line.
 */
final class SampleSpecParser {

  private static final long DAY_MS = 86_400_000L;
  private static final Pattern CATEGORY = Pattern.compile("\\s*\\[([a-z_]+)]$");

  private final List<DatasetSpec> datasets = new ArrayList<>();
  private DatasetBuilder dataset;
  private TableBuilder table;
  private String file;
  private int lineNo;

  /** Parses the given spec files, in order; each entry is (file name, text). */
  static SampleSpec parse(List<Map.Entry<String, String>> files) {
    SampleSpecParser parser = new SampleSpecParser();
    for (Map.Entry<String, String> f : files) {
      parser.parseFile(f.getKey(), f.getValue());
    }
    parser.finishDataset();
    return new SampleSpec(parser.datasets);
  }

  private void parseFile(String name, String text) {
    file = name;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      lineNo = i + 1;
      String line = lines.get(i);
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (t.startsWith("dataset ")) {
        finishDataset();
        dataset = new DatasetBuilder(t.substring(8).strip());
      } else if (t.startsWith("table ") || t.startsWith("view ")) {
        requireDataset();
        finishTable();
        boolean view = t.startsWith("view ");
        table = new TableBuilder(t.substring(view ? 5 : 6).strip(), view ? TableKind.VIEW : TableKind.TABLE);
      } else if (t.startsWith("- ")) {
        requireTable();
        table.columns.add(column(t.substring(2)));
      } else {
        int colon = t.indexOf(':');
        if (colon <= 0) {
          throw error("expected 'key: value', a column '- ...', 'dataset' or 'table'");
        }
        String key = t.substring(0, colon).strip();
        String value = t.substring(colon + 1).strip();
        if (value.equals("<<")) {
          StringBuilder block = new StringBuilder();
          int start = lineNo;
          i++;
          while (i < lines.size() && !lines.get(i).strip().equals(">>")) {
            block.append(lines.get(i)).append('\n');
            i++;
          }
          if (i == lines.size()) {
            lineNo = start;
            throw error("block '" + key + "' is not closed with '>>'");
          }
          value = block.toString().strip();
        }
        property(key, value);
      }
    }
  }

  private ColumnSpec column(String text) {
    String description = null;
    int dash = text.indexOf(" -- ");
    String head = text;
    if (dash >= 0) {
      description = text.substring(dash + 4).strip();
      head = text.substring(0, dash);
    }
    head = head.strip();
    String category = null;
    Matcher m = CATEGORY.matcher(head);
    if (m.find()) {
      category = m.group(1);
      head = head.substring(0, m.start()).strip();
    }
    int space = head.indexOf(' ');
    String path = space < 0 ? head : head.substring(0, space);
    String type = space < 0 ? null : head.substring(space + 1).strip();
    if (type != null && path.contains(".")) {
      throw error("nested field " + path + " must not have a type (it comes from the parent)");
    }
    if (type == null && !path.contains(".") && table.kind == TableKind.TABLE) {
      throw error("column " + path + " of a table needs a DuckDB type");
    }
    return new ColumnSpec(path, type, category, description);
  }

  private void property(String key, String value) {
    if (table != null) {
      tableProperty(key, value);
    } else {
      requireDataset();
      datasetProperty(key, value);
    }
  }

  private void datasetProperty(String key, String value) {
    switch (key) {
      case "project" -> dataset.project = value;
      case "location" -> dataset.location = value;
      case "description" -> dataset.description = value;
      case "labels" -> dataset.labels = labels(value);
      case "default_table_expiration_days" -> dataset.tableExpirationMs = Long.parseLong(value) * DAY_MS;
      case "default_partition_expiration_days" ->
          dataset.partitionExpirationMs = Long.parseLong(value) * DAY_MS;
      default -> throw error("unknown dataset property " + key);
    }
  }

  private void tableProperty(String key, String value) {
    switch (key) {
      case "friendly_name" -> table.friendlyName = value;
      case "description" -> table.description = value;
      case "labels" -> table.labels = labels(value);
      case "partition" -> partition(value);
      case "cluster" -> table.clustering = list(value);
      case "expires" -> table.expirationTime = Instant.parse(value);
      case "created" -> table.creationTime = Instant.parse(value);
      case "modified" -> table.lastModifiedTime = Instant.parse(value);
      case "popularity" -> table.popularity = Integer.parseInt(value);
      case "sources" -> table.sources = list(value);
      case "pipeline" -> table.pipeline = value;
      case "statement" -> table.statementType = value;
      case "load" -> table.loadSql = value;
      case "duckdb" -> table.viewDuckDb = value;
      case "bigquery" -> table.viewBigQuery = value;
      default -> throw error("unknown table property " + key);
    }
  }

  private void partition(String value) {
    String[] parts = value.split("\\s+");
    table.partitionType = parts[0];
    table.partitionField = parts.length > 1 && !parts[1].contains("=") ? parts[1] : null;
    for (String p : Arrays.copyOfRange(parts, 1, parts.length)) {
      if (p.startsWith("expiration_days=")) {
        table.partitionExpirationMs = Long.parseLong(p.substring(16)) * DAY_MS;
      } else if (p.equals("require_filter")) {
        table.requireFilter = true;
      }
    }
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private Map<String, String> labels(String value) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : list(value)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw error("label '" + pair + "' is not key=value");
      }
      out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return out;
  }

  private void finishTable() {
    if (table == null) {
      return;
    }
    TableBuilder t = table;
    table = null;
    if (t.kind == TableKind.VIEW && (t.viewDuckDb == null || t.viewBigQuery == null)) {
      throw error("view " + t.name + " needs both 'duckdb' and 'bigquery' blocks");
    }
    Long partitionExpiration = t.partitionExpirationMs;
    if (partitionExpiration == null && t.partitionType != null) {
      partitionExpiration = dataset.partitionExpirationMs;
    }
    Instant created = t.creationTime == null ? Instant.parse("2022-03-01T09:00:00Z") : t.creationTime;
    Instant expires = t.expirationTime;
    if (expires == null && dataset.tableExpirationMs != null) {
      expires = created.plusMillis(dataset.tableExpirationMs);
    }
    dataset.tables.add(
        new TableSpec(
            dataset.project,
            dataset.name,
            t.name,
            t.kind,
            t.friendlyName,
            t.description,
            t.labels == null ? dataset.labels : t.labels,
            t.partitionType,
            t.partitionField,
            partitionExpiration,
            t.requireFilter,
            t.clustering,
            expires,
            created,
            t.lastModifiedTime == null ? created : t.lastModifiedTime,
            t.columns,
            t.loadSql,
            t.viewDuckDb,
            t.viewBigQuery,
            t.popularity,
            t.sources,
            t.pipeline,
            t.statementType));
  }

  private void finishDataset() {
    finishTable();
    if (dataset == null) {
      return;
    }
    if (dataset.project == null || dataset.location == null) {
      throw error("dataset " + dataset.name + " needs 'project' and 'location'");
    }
    datasets.add(
        new DatasetSpec(
            dataset.name,
            dataset.project,
            dataset.location,
            dataset.description,
            dataset.labels,
            dataset.tableExpirationMs,
            dataset.partitionExpirationMs,
            dataset.tables));
    dataset = null;
  }

  private void requireDataset() {
    if (dataset == null) {
      throw error("no 'dataset NAME' line before this one");
    }
  }

  private void requireTable() {
    if (table == null) {
      throw error("column outside a table");
    }
  }

  private IllegalStateException error(String reason) {
    return new IllegalStateException(file + ":" + lineNo + ": " + reason);
  }

  private static final class DatasetBuilder {
    final String name;
    String project;
    String location;
    String description;
    Map<String, String> labels = Map.of();
    Long tableExpirationMs;
    Long partitionExpirationMs;
    final List<TableSpec> tables = new ArrayList<>();

    DatasetBuilder(String name) {
      this.name = name;
    }
  }

  private static final class TableBuilder {
    final String name;
    final TableKind kind;
    String friendlyName;
    String description;
    Map<String, String> labels;
    String partitionType;
    String partitionField;
    Long partitionExpirationMs;
    boolean requireFilter;
    List<String> clustering = List.of();
    Instant expirationTime;
    Instant creationTime;
    Instant lastModifiedTime;
    final List<ColumnSpec> columns = new ArrayList<>();
    String loadSql;
    String viewDuckDb;
    String viewBigQuery;
    int popularity;
    List<String> sources = List.of();
    String pipeline;
    String statementType;

    TableBuilder(String name, TableKind kind) {
      this.name = name;
      this.kind = kind;
    }
  }
}
