package corpus.indexer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import corpus.indexer.CorpusHome;
import corpus.lineage.AnalysisContext;
import corpus.lineage.SchemaProvider;
import corpus.lineage.bench.LineageBench;
import corpus.lineage.bench.LineageReport;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corpus bench lineage --sql DIR} or {@code --source SPEC}: parse success, failures grouped by message (with
 * file:line) and statements per second of the SQL analyser, configured as the product runs it (the parse-tree pass,
 * plus ZetaSQL's Analyzer for statements over known tables whose parse-tree lineage is incomplete), over every
 * {@code .sql} file under DIR or over every call the crawl of SPEC makes; templated files apart.
 */
@Command(name = "lineage", description = "Parse success and throughput of SQL lineage analysis over a folder of .sql"
    + " files, or over the SQL a crawl analyses (--source sample).")
final class BenchLineageCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--sql", paramLabel = "DIR", description = "Folder of .sql files (searched recursively).")
  Path dir;

  @Option(names = "--source", paramLabel = "SPEC", description = "Measure the SQL the crawl of SPEC analyses, each"
      + " statement with the schemas the crawl knows: sample (the sample warehouse's views and pipeline SQL) or"
      + " sql:DIR[@TEMPLATE] (schema.yaml files give schemas). Repeatable, crawled in order.")
  List<String> sources = new ArrayList<>();

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Option(names = "--seconds", defaultValue = "10", description = "Measure throughput for at least this long (default ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--default-project", paramLabel = "P", description = "Project of tables named dataset.table.")
  String defaultProject;

  @Option(names = "--default-dataset", paramLabel = "D", description = "Dataset of tables named table.")
  String defaultDataset;

  @Option(names = "--schemas", paramLabel = "FILE", description = "Table schemas as JSON: {\"p.d.t\": [{\"name\","
      + " \"type\", \"repeated\", \"fields\": [...]}]}, to expand SELECT * and for the resolved-tree pass.")
  Path schemas;

  @Option(names = "--resolved-pass", paramLabel = "WHEN", defaultValue = "WHEN_NEEDED", description = "When statements"
      + " whose tables all have schemas also go to ZetaSQL's Analyzer: WHEN_NEEDED (as corpus index: only when the"
      + " parse-tree lineage is incomplete), ALWAYS, OFF (default ${DEFAULT-VALUE}).")
  ZetaSqlAnalyzer.ResolvedPass resolvedPass;

  @Option(names = "--parse-only", description = "Measure the parse-tree pass alone (--resolved-pass OFF).")
  boolean parseOnly;

  @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "Analyse on N threads at once in"
      + " the measured passes, sharing one analyser (default ${DEFAULT-VALUE}, as the crawl).")
  int threads;

  @Option(names = "--compare", description = "Also analyse everything once with the Analyzer for every statement over"
      + " known tables (--resolved-pass ALWAYS) and count the statements whose lineage differs.")
  boolean compare;

  @Override
  public Integer call() throws Exception {
    if ((dir == null) == sources.isEmpty()) {
      throw new CliException("give either --sql DIR or --source SPEC", 2);
    }
    if (dir != null && !Files.isDirectory(dir)) {
      throw new CliException("--sql " + dir + ": not a folder", 2);
    }
    ZetaSqlAnalyzer.ResolvedPass pass = parseOnly ? ZetaSqlAnalyzer.ResolvedPass.OFF : resolvedPass;
    LineageReport report;
    try (ZetaSqlAnalyzer analyzer = new ZetaSqlAnalyzer(pass);
        ZetaSqlAnalyzer reference = compare ? new ZetaSqlAnalyzer(ZetaSqlAnalyzer.ResolvedPass.ALWAYS) : null) {
      if (threads < 1) {
        throw new CliException("--threads " + threads + ": must be at least 1", 2);
      }
      LineageBench bench = new LineageBench(analyzer, reference, threads);
      if (dir != null) {
        AnalysisContext context = AnalysisContext.withDefaults(defaultProject, defaultDataset);
        if (schemas != null) {
          context = context.withSchemas(readSchemas(schemas));
        }
        report = bench.run(dir, context, seconds, Thread::interrupted);
      } else {
        if (schemas != null || defaultProject != null || defaultDataset != null) {
          throw new CliException("--source takes the schemas and default names from the crawl: drop --schemas,"
              + " --default-project and --default-dataset", 2);
        }
        List<LineageBench.Input> inputs;
        try {
          inputs = CrawledSql.of(sources, CorpusHome.resolve());
        } catch (IllegalArgumentException e) {
          throw new CliException(e.getMessage(), 2);
        }
        report = bench.run("--source " + String.join(" --source ", sources), inputs, seconds, Thread::interrupted);
      }
      print(report, pass, analyzer.resolvedPassStatistics());
    }
    return report.statements() > 0 ? 0 : 1;
  }

  private void print(LineageReport report, ZetaSqlAnalyzer.ResolvedPass pass,
      ZetaSqlAnalyzer.ResolvedPassStatistics statistics) throws IOException {
    String analyser = switch (pass) {
      case OFF -> "parse tree only";
      case WHEN_NEEDED -> "parse tree + ZetaSQL Analyzer when the parse tree is incomplete (as corpus index)";
      case ALWAYS -> "parse tree + ZetaSQL Analyzer for every statement over known tables";
    };
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("analyser", analyser);
      figures.put("resolvedPassMode", pass.name());
      figures.put("threads", threads);
      figures.putAll(report.toMap());
      if (pass != ZetaSqlAnalyzer.ResolvedPass.OFF) {
        figures.put("resolvedPass", statistics);
      }
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
    } else {
      out.println("analyser: " + analyser + (threads == 1 ? "" : "; " + threads + " threads at once"));
      out.print(report.toText());
      if (pass != ZetaSqlAnalyzer.ResolvedPass.OFF) {
        out.printf(Locale.ROOT, "resolved-tree pass (per statement over tables with schemas, all passes): %d skipped"
            + " (parse tree complete), %d not sent (call a function ZetaSQL does not know), %d tried: %d accepted,"
            + " %d rejected, %d not followed; %d catalogs registered%n",
            statistics.skipped(), statistics.unknownFunctions(), statistics.tried(), statistics.accepted(),
            statistics.rejected(), statistics.notFollowed(), statistics.catalogsRegistered());
      }
    }
    out.flush();
  }

  private static SchemaProvider readSchemas(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new CliException("--schemas " + file + ": not readable JSON: " + e.getMessage(), 2);
    }
    if (!root.isObject()) {
      throw new CliException("--schemas " + file + ": expected an object of table id to columns", 2);
    }
    return SchemaProvider.fromJson(root);
  }
}
