package corpus.indexer.source.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.model.Field;
import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import corpus.lineage.AnalysisContext;
import corpus.lineage.ColumnLineage;
import corpus.lineage.Derivation;
import corpus.lineage.SqlAnalyzer;
import corpus.lineage.StatementLineage;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code dbt:MANIFEST} source: reads a dbt {@code manifest.json} and reports every model, snapshot and
 * seed as a {@link Pipeline} (column lineage from the compiled SQL, with the model's table as destination;
 * table lineage from {@code depends_on} when the manifest was not compiled), and every documented source,
 * seed, model and snapshot as a {@link Table} the catalog does not know yet, so a dbt-only catalog is useful.
 *
 * <p>Snapshots are SCD type 2 tables: they get dbt's {@code dbt_valid_from}/{@code dbt_valid_to}/{@code
 * dbt_updated_at}/{@code dbt_scd_id} columns, and with the timestamp strategy those columns' lineage from the
 * {@code updated_at} column. Ephemeral models have no table; the compiled SQL of their dependants inlines
 * them, and {@code depends_on} is followed through them.
 */
public final class DbtManifestSource implements CatalogSource {

  private static final List<String> SCD2_COLUMNS = List.of("dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to");

  private final Path manifest;
  private final SqlAnalyzer analyzer;

  public DbtManifestSource(Path manifest) {
    this(manifest, new ZetaSqlAnalyzer());
  }

  public DbtManifestSource(Path manifest, SqlAnalyzer analyzer) {
    this.manifest = manifest;
    this.analyzer = analyzer;
  }

  @Override
  public String spec() {
    return "dbt:" + manifest;
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) throws Exception {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(manifest.toFile());
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new IOException(manifest + (line > 0 ? ":" + line : "") + ": not a dbt manifest (" + e.getOriginalMessage() + ")", e);
    }
    if (root == null || !root.path("nodes").isObject()) {
      throw new IOException(manifest + ": not a dbt manifest (no \"nodes\")");
    }
    Map<String, DbtNode> nodes = new LinkedHashMap<>();
    readNodes(root.path("sources"), nodes, sink);
    readNodes(root.path("nodes"), nodes, sink);
    for (DbtNode n : nodes.values()) {
      sendTable(n, sink);
    }
    PipelineAnalysis analysis = new PipelineAnalysis(analyzer, spec());
    List<DbtNode> buildable = nodes.values().stream()
        .filter(n -> !n.resourceType().equals("source") && n.table() != null)
        .toList();
    for (int i = 0; i < buildable.size(); i++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      sink.pipeline(pipeline(buildable.get(i), nodes, analysis, sink));
      progress.progress("dbt models", i + 1, buildable.size());
    }
  }

  private void readNodes(JsonNode section, Map<String, DbtNode> into, CatalogSink sink) {
    section.properties().forEach(e -> {
      try {
        DbtNode node = DbtNode.read(e.getKey(), e.getValue());
        if (node != null) {
          into.put(node.uniqueId(), node);
        }
      } catch (RuntimeException bad) {
        sink.problem(new Problem(spec(), where(e.getKey()), 0, "unreadable dbt node: " + bad.getMessage()));
      }
    });
  }

  private void sendTable(DbtNode n, CatalogSink sink) {
    if (n.table() == null || (n.columns().isEmpty() && !n.isSnapshot())) {
      return;
    }
    TableId id;
    try {
      id = TableId.parse(n.table());
    } catch (IllegalArgumentException notQualified) {
      return;
    }
    if (sink.schemas().columns(id.toString()).isPresent()) {
      return; // the warehouse knows the table better than the manifest does
    }
    List<Field> columns = new ArrayList<>(n.columns());
    if (n.isSnapshot()) {
      for (String scd : SCD2_COLUMNS) {
        if (columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(scd))) {
          columns.add(new Field(scd, scd.equals("dbt_scd_id") ? "STRING" : "TIMESTAMP", null,
              "Added by the dbt snapshot (SCD type 2).", List.of(), List.of()));
        }
      }
    }
    Table.Builder table = Table.builder(id).description(n.description()).schema(columns)
        .kind(n.materialized().equals("view") ? corpus.indexer.model.TableKind.VIEW : corpus.indexer.model.TableKind.TABLE);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("dbt", n.resourceType());
    if (n.owner() != null) {
      labels.put("owner", n.owner().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "-"));
    }
    sink.table(table.labels(labels).build());
  }

  private Pipeline pipeline(DbtNode n, Map<String, DbtNode> nodes, PipelineAnalysis analysis, CatalogSink sink) {
    String file = where(n.uniqueId());
    List<StatementLineage> statements = new ArrayList<>();
    if (n.resourceType().equals("seed")) {
      statements.add(new StatementLineage("load_data", 0, List.of(n.table()), List.of(),
          List.of(n.path() == null ? n.name() + ".csv" : n.path()), List.of(), List.of(), List.of(), null));
    } else if (n.compiledSql() != null) {
      TableId id = TableId.parse(n.table());
      AnalysisContext context = new AnalysisContext(id.project(), id.dataset(), sink.schemas(), Optional.empty());
      statements.addAll(analysis.analyze(n.compiledSql(), context, n.table(), file, 1, sink));
      if (statements.stream().noneMatch(StatementLineage::ok)) {
        statements.add(fromDependsOn(n, nodes));
      } else if (n.isSnapshot()) {
        statements.replaceAll(s -> withScd2Columns(n, s));
      }
    } else {
      statements.add(fromDependsOn(n, nodes));
    }
    String title = n.name() + " (dbt " + n.resourceType() + ")";
    return new Pipeline("dbt:" + n.uniqueId(), "dbt", file, title, n.description(), n.compiledSql(), statements, false);
  }

  /** Table lineage from {@code depends_on.nodes}, followed through ephemeral models. */
  private static StatementLineage fromDependsOn(DbtNode n, Map<String, DbtNode> nodes) {
    Set<String> sources = new LinkedHashSet<>();
    collectSources(n, nodes, sources, new LinkedHashSet<>());
    return new StatementLineage("dbt_depends_on", 0, List.of(n.table()), List.copyOf(sources), List.of(), List.of(),
        List.of(), List.of(), null);
  }

  private static void collectSources(DbtNode n, Map<String, DbtNode> nodes, Set<String> out, Set<String> seen) {
    for (String dep : n.dependsOn()) {
      DbtNode d = nodes.get(dep);
      if (d == null || !seen.add(dep)) {
        continue;
      }
      if (d.table() != null) {
        out.add(d.table());
      } else {
        collectSources(d, nodes, out, seen);
      }
    }
  }

  /** A snapshot's statement with the SCD2 columns derived from its {@code updated_at} column. */
  private static StatementLineage withScd2Columns(DbtNode n, StatementLineage s) {
    if (!s.ok() || !s.targets().contains(n.table()) || !"timestamp".equals(n.strategy()) || n.updatedAt() == null) {
      return s;
    }
    String updated = n.table() + "." + n.updatedAt();
    List<String> from = s.columns().stream()
        .filter(c -> c.target().equalsIgnoreCase(updated))
        .flatMap(c -> c.sources().stream())
        .toList();
    if (from.isEmpty()) {
      return s;
    }
    List<ColumnLineage> columns = new ArrayList<>(s.columns());
    columns.add(new ColumnLineage(n.table() + ".dbt_updated_at", from, Derivation.IDENTITY));
    columns.add(new ColumnLineage(n.table() + ".dbt_valid_from", from, Derivation.IDENTITY));
    columns.add(new ColumnLineage(n.table() + ".dbt_valid_to", from, Derivation.TRANSFORMATION));
    return new StatementLineage("snapshot", s.line(), s.targets(), s.sources(), s.external(), columns, s.filters(),
        s.unresolved(), s.error());
  }

  private String where(String uniqueId) {
    return manifest + "#" + uniqueId;
  }
}
