package corpus.indexer.source.pipeline;

import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import corpus.lineage.AnalysisContext;
import corpus.lineage.SqlAnalyzer;
import corpus.lineage.StatementLineage;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code sql:DIR[@TEMPLATE]} source: every {@code .sql} file of a pipeline repository becomes a
 * {@link Pipeline} with the lineage of its statements. The path template names the destination of plain
 * SELECTs and the default project and dataset of unqualified names; a {@code metadata.yaml} / {@code
 * schema.yaml} beside a file gives description, owners and (for a table the catalog does not know yet)
 * the documented schema.
 *
 * <pre>{@code
 * new SqlSource(Path.of("bigquery-etl/sql"), "{project}/{dataset}/{table}/query.sql").crawl(sink, progress);
 * }</pre>
 *
 * <p>Tables documented in {@code schema.yaml} are sent first, so {@code SELECT *} over them expands; SQL is
 * analysed with the schemas of every table the run has received ({@link CatalogSink#schemas()}).
 */
public final class SqlSource implements CatalogSource {

  private final Path dir;
  private final PathTemplate template;
  private final SqlAnalyzer analyzer;

  /** A source over {@code dir}; {@code template} may be null (destinations only from the SQL itself). */
  public SqlSource(Path dir, String template) {
    this(dir, template, new ZetaSqlAnalyzer());
  }

  /** A source sharing an analyzer with others. */
  public SqlSource(Path dir, String template, SqlAnalyzer analyzer) {
    this.dir = dir;
    this.template = template == null || template.isBlank() ? null : new PathTemplate(template);
    this.analyzer = analyzer;
  }

  /** Parses the argument of {@code sql:DIR[@TEMPLATE]}. */
  public static SqlSource fromSpec(String arg) {
    return fromSpec(arg, new ZetaSqlAnalyzer());
  }

  /** Parses the argument of {@code sql:DIR[@TEMPLATE]}, for a source analysing with {@code analyzer}. */
  public static SqlSource fromSpec(String arg, SqlAnalyzer analyzer) {
    int at = arg.lastIndexOf('@');
    if (at > 0 && arg.substring(at + 1).contains("{table}")) {
      return new SqlSource(Path.of(arg.substring(0, at)), arg.substring(at + 1), analyzer);
    }
    return new SqlSource(Path.of(arg), null, analyzer);
  }

  @Override
  public String spec() {
    return "sql:" + dir + (template == null ? "" : "@" + template);
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "not a folder of SQL files");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sql"))
          .sorted()
          .toList();
    }
    List<Planned> planned = new ArrayList<>(files.size());
    for (Path file : files) {
      planned.add(plan(file, sink));
    }
    sendDocumentedTables(planned, sink);
    PipelineAnalysis analysis = new PipelineAnalysis(analyzer, spec());
    for (int i = 0; i < planned.size(); i++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      crawlFile(planned.get(i), analysis, sink);
      progress.progress("pipelines", i + 1, planned.size());
    }
  }

  /** One file with what its path and side files say. */
  private record Planned(Path file, String relative, PathTemplate.Placement placement, SideMetadata meta) {}

  private Planned plan(Path file, CatalogSink sink) {
    String relative = dir.relativize(file).toString().replace('\\', '/');
    PathTemplate.Placement placement = template == null ? null : template.match(relative).orElse(null);
    SideMetadata meta = SideMetadata.read(file.getParent(), spec(), sink::problem);
    return new Planned(file, relative, placement, meta);
  }

  private void sendDocumentedTables(List<Planned> planned, CatalogSink sink) {
    List<String> sent = new ArrayList<>();
    for (Planned p : planned) {
      String destination = p.placement() == null ? null : p.placement().folderTableId();
      if (destination == null || p.meta().schema().isEmpty() || sent.contains(destination)) {
        continue;
      }
      TableId id;
      try {
        id = TableId.parse(destination);
      } catch (IllegalArgumentException notQualified) {
        continue;
      }
      if (sink.schemas().columns(id.toString()).isPresent()) {
        continue; // the warehouse already told us more than the repository can
      }
      sent.add(destination);
      Table.Builder table = Table.builder(id)
          .friendlyName(p.meta().friendlyName())
          .description(p.meta().description())
          .schema(p.meta().schema());
      if (!p.meta().owners().isEmpty()) {
        table.labels(Map.of("owner", labelValue(p.meta().owners().getFirst())));
      }
      sink.table(table.build());
    }
  }

  private void crawlFile(Planned p, PipelineAnalysis analysis, CatalogSink sink) {
    String sql;
    try {
      sql = Files.readString(p.file(), StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      sink.problem(new Problem(spec(), p.file().toString(), 0, "not UTF-8 text"));
      return;
    } catch (IOException e) {
      sink.problem(new Problem(spec(), p.file().toString(), 0, "could not be read: " + e.getMessage()));
      return;
    }
    if (sql.isBlank()) {
      return;
    }
    PathTemplate.Placement place = p.placement();
    AnalysisContext context = new AnalysisContext(
        place == null ? null : place.project(), place == null ? null : place.dataset(), sink.schemas(), Optional.empty());
    String destination = place == null ? null : place.destinationId();
    List<StatementLineage> statements = analysis.analyze(sql, context, destination, p.file().toString(), 1, sink);
    String title = p.meta().friendlyName() != null ? p.meta().friendlyName() + " (" + p.relative() + ")" : p.relative();
    sink.pipeline(new Pipeline("sql:" + p.relative(), "sql", p.file().toString(), title, p.meta().describe(), sql,
        statements, false));
  }

  /** BigQuery label values allow lower-case letters, digits, {@code _} and {@code -}. */
  private static String labelValue(String owner) {
    String local = owner.contains("@") ? owner.substring(0, owner.indexOf('@')) : owner;
    return local.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
  }
}
