package corpus.indexer.source.duckdb;

import corpus.indexer.model.Dataset;
import corpus.indexer.model.Field;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableKind;
import corpus.indexer.model.TableUsage;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls any DuckDB database file as if it were a BigQuery project: every schema becomes a
 * dataset, every table and view a table with its columns mapped to BigQuery types ({@link
 * BigQueryTypes}), exact row counts and sizes by BigQuery's data-size rules ({@link DataSizeSql}).
 *
 * <p>When the file has a {@code _corpus_meta} schema (as the embedded sample does), its BigQuery
 * metadata is overlaid: project and location, descriptions down to nested fields, labels,
 * partitioning, clustering, expirations, timestamps, view SQL, and usage from the job history.
 * Without it the project is the file's base name and descriptions come from DuckDB comments.
 *
 * <pre>{@code
 * new DuckDbSource(Path.of("warehouse.duckdb")).crawl(sink, progress);
 * }</pre>
 *
 * The file is opened read-only. A table or view that cannot be read is reported to the sink and
 * skipped; a missing or corrupt file fails the crawl with a message naming the file. The file is
 * announced to the sink as one origin (fingerprint: size and modification time): when the sink
 * already holds exactly that file's tables, only datasets and usage are reported again.
 */
public final class DuckDbSource implements CatalogSource {

  private static final Logger LOG = LoggerFactory.getLogger(DuckDbSource.class);
  private static final Set<String> HIDDEN_SCHEMAS =
      Set.of("information_schema", "pg_catalog", MetaOverlay.SCHEMA);

  private final Path file;
  private final String spec;

  public DuckDbSource(Path file) {
    this(file, "duckdb:" + file);
  }

  /** A source over {@code file} that names itself {@code spec} (e.g. {@code sample}). */
  public DuckDbSource(Path file, String spec) {
    this.file = file;
    this.spec = spec;
  }

  @Override
  public String spec() {
    return spec;
  }

  private record Relation(String schema, String name, boolean view, String comment) {}

  private record Column(String name, String type, String comment) {}

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) throws Exception {
    try (Connection c = open()) {
      MetaOverlay meta = MetaOverlay.read(c, reason -> sink.problem(problem(reason)));
      String defaultProject = baseName(file);
      List<Relation> relations = relations(c);
      Map<String, List<Column>> columns = columns(c);
      for (String schema : schemas(c, relations)) {
        Dataset d = meta.dataset(schema);
        sink.dataset(d != null ? d : new Dataset(defaultProject, schema, null, null, Map.of(), null, null));
      }
      Set<TableId> crawled = new HashSet<>();
      String fingerprint = Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
      if (sink.beginOrigin(file.toString(), fingerprint)) {
        // the catalog already holds this very file's tables
        relations.forEach(rel -> crawled.add(tableId(rel, meta, defaultProject)));
        progress.progress("tables", relations.size(), relations.size());
      } else {
        int done = 0;
        for (Relation rel : relations) {
          if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("crawl of " + file + " cancelled");
          }
          try {
            Table t = table(c, rel, columns.getOrDefault(key(rel.schema(), rel.name()), List.of()), meta,
                defaultProject);
            sink.table(t);
            crawled.add(t.id());
          } catch (SQLException | IllegalArgumentException e) {
            sink.problem(problem((rel.view() ? "view " : "table ") + rel.schema() + "." + rel.name()
                + " skipped: " + firstLine(e.getMessage())));
          }
          progress.progress("tables", ++done, relations.size());
        }
      }
      for (TableUsage u : meta.usage()) {
        if (crawled.contains(u.table())) {
          sink.usage(u);
        }
      }
    }
  }

  private Connection open() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "DuckDB database file not found");
    }
    java.util.Properties props = new java.util.Properties();
    props.setProperty("duckdb.read_only", "true");
    try {
      return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
    } catch (SQLException e) {
      throw new IOException("cannot open " + file + " as a DuckDB database: " + firstLine(e.getMessage()), e);
    }
  }

  private static List<Relation> relations(Connection c) throws SQLException {
    List<Relation> out = new ArrayList<>();
    String sql = """
        SELECT schema_name, table_name, false, comment FROM duckdb_tables()
        WHERE database_name = current_database() AND NOT internal AND NOT temporary
        UNION ALL
        SELECT schema_name, view_name, true, comment FROM duckdb_views()
        WHERE database_name = current_database() AND NOT internal AND NOT temporary
        ORDER BY 1, 2""";
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        if (!HIDDEN_SCHEMAS.contains(r.getString(1))) {
          out.add(new Relation(r.getString(1), r.getString(2), r.getBoolean(3), r.getString(4)));
        }
      }
    }
    return out;
  }

  /** Schemas that become datasets: all visible ones, {@code main} only when it holds something. */
  private static Set<String> schemas(Connection c, List<Relation> relations) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    Set<String> used = new HashSet<>();
    relations.forEach(r -> used.add(r.schema()));
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT schema_name FROM duckdb_schemas() "
            + "WHERE database_name = current_database() AND NOT internal ORDER BY 1")) {
      while (r.next()) {
        String schema = r.getString(1);
        if (!HIDDEN_SCHEMAS.contains(schema) && (!schema.equals("main") || used.contains(schema))) {
          out.add(schema);
        }
      }
    }
    out.addAll(used);
    return out;
  }

  private static Map<String, List<Column>> columns(Connection c) throws SQLException {
    Map<String, List<Column>> out = new LinkedHashMap<>();
    String sql = "SELECT schema_name, table_name, column_name, data_type, comment FROM duckdb_columns() "
        + "WHERE database_name = current_database() AND NOT internal "
        + "ORDER BY schema_name, table_name, column_index";
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.computeIfAbsent(key(r.getString(1), r.getString(2)), k -> new ArrayList<>())
            .add(new Column(r.getString(3), r.getString(4), r.getString(5)));
      }
    }
    return out;
  }

  private Table table(Connection c, Relation rel, List<Column> columns, MetaOverlay overlay,
      String defaultProject) throws SQLException {
    String qualified = quote(rel.schema()) + "." + quote(rel.name());
    if (rel.view()) {
      // a view over a dropped table still lists its old columns; binding it proves it readable
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + qualified + " LIMIT 0")) {
        r.getMetaData();
      }
    }
    MetaOverlay.TableMeta meta = overlay.table(rel.schema(), rel.name());
    Dataset dataset = overlay.dataset(rel.schema());
    Map<String, String> descriptions = overlay.descriptions(rel.schema(), rel.name());
    List<Field> schema = new ArrayList<>();
    List<DuckDbType> types = new ArrayList<>();
    for (Column col : columns) {
      DuckDbType type = DuckDbTypeParser.parse(col.type());
      types.add(type);
      Field f = BigQueryTypes.field(col.name(), type);
      String top = descriptions.getOrDefault(col.name(), col.comment());
      schema.add(describe(f, col.name(), descriptions, top));
    }
    Table.Builder b = Table.builder(tableId(rel, overlay, defaultProject))
        .kind(rel.view() ? TableKind.VIEW : TableKind.TABLE)
        .description(rel.comment())
        .schema(schema)
        .location(dataset == null ? null : dataset.location());
    if (meta != null) {
      b.kind(meta.kind() == null ? (rel.view() ? TableKind.VIEW : TableKind.TABLE) : TableKind.fromBigQuery(meta.kind()))
          .friendlyName(meta.friendlyName())
          .labels(meta.labels())
          .timePartitioning(meta.timePartitioning())
          .clustering(meta.clustering())
          .expirationTime(meta.expirationTime())
          .creationTime(meta.creationTime())
          .lastModifiedTime(meta.lastModifiedTime())
          .viewQuery(meta.viewQuery());
      if (meta.description() != null) {
        b.description(meta.description());
      }
    }
    if (!rel.view()) {
      long[] stats = stats(c, qualified, columns, types);
      b.numRows(stats[0]).numBytes(stats[1] < 0 ? null : stats[1]);
    }
    return b.build();
  }

  /** The BigQuery id of a relation: project from the overlay, else the file's base name. */
  private static TableId tableId(Relation rel, MetaOverlay overlay, String defaultProject) {
    MetaOverlay.TableMeta meta = overlay.table(rel.schema(), rel.name());
    Dataset dataset = overlay.dataset(rel.schema());
    String project = meta != null && meta.project() != null ? meta.project()
        : dataset != null ? dataset.project() : defaultProject;
    return new TableId(project, rel.schema(), rel.name());
  }

  /** Row count and BigQuery logical size (-1 when the size cannot be computed) in one scan. */
  private static long[] stats(Connection c, String qualified, List<Column> columns, List<DuckDbType> types)
      throws SQLException {
    StringBuilder size = new StringBuilder("0");
    for (int i = 0; i < columns.size(); i++) {
      size.append(" + coalesce(sum(").append(DataSizeSql.size(quote(columns.get(i).name()), types.get(i)))
          .append("), 0)");
    }
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*), CAST(" + size + " AS BIGINT) FROM " + qualified)) {
      r.next();
      return new long[] {r.getLong(1), r.getLong(2)};
    } catch (SQLException e) {
      LOG.debug("Size of {} not computed: {}", qualified, e.getMessage());
    }
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + qualified)) {
      r.next();
      return new long[] {r.getLong(1), -1};
    }
  }

  /** {@code f} with the descriptions of itself and its nested fields from the overlay. */
  private static Field describe(Field f, String path, Map<String, String> descriptions, String own) {
    List<Field> children = new ArrayList<>(f.fields().size());
    for (Field child : f.fields()) {
      String childPath = path + "." + child.name();
      children.add(describe(child, childPath, descriptions, descriptions.get(childPath)));
    }
    return new Field(f.name(), f.type(), f.mode(), own, f.policyTags(), children);
  }

  private Problem problem(String reason) {
    return new Problem(spec, file.toString(), 0, reason);
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String key(String schema, String table) {
    return schema + "\u0000" + table;
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
