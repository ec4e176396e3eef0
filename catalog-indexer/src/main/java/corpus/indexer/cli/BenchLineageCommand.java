package corpus.indexer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import corpus.lineage.AnalysisContext;
import corpus.lineage.ColumnSchema;
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
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corpus bench lineage --sql DIR}: parse success, failures grouped by message (with file:line) and
 * statements per second of the SQL analyser over every {@code .sql} file under DIR; templated files apart.
 */
@Command(name = "lineage", description = "Parse success and throughput of SQL lineage analysis over a folder of .sql files.")
final class BenchLineageCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--sql", required = true, paramLabel = "DIR", description = "Folder of .sql files (searched recursively).")
  Path dir;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Option(names = "--seconds", defaultValue = "10", description = "Measure throughput for at least this long (default ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--default-project", paramLabel = "P", description = "Project of tables named dataset.table.")
  String defaultProject;

  @Option(names = "--default-dataset", paramLabel = "D", description = "Dataset of tables named table.")
  String defaultDataset;

  @Option(names = "--schemas", paramLabel = "FILE", description = "Table schemas as JSON: {\"p.d.t\": [{\"name\","
      + " \"type\", \"repeated\", \"fields\": [...]}]}, to expand SELECT * and for --resolved.")
  Path schemas;

  @Option(names = "--resolved", description = "Also resolve statements whose tables all have schemas with ZetaSQL's"
      + " Analyzer (the resolved-tree pass).")
  boolean resolved;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new CliException("--sql " + dir + ": not a folder", 2);
    }
    AnalysisContext context = AnalysisContext.withDefaults(defaultProject, defaultDataset);
    if (schemas != null) {
      context = context.withSchemas(readSchemas(schemas));
    }
    ZetaSqlAnalyzer analyzer = new ZetaSqlAnalyzer(resolved);
    LineageReport report = new LineageBench(analyzer).run(dir, context, seconds, Thread::interrupted);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> figures = new LinkedHashMap<>(report.toMap());
      if (resolved) {
        figures.put("resolvedPass", analyzer.resolvedPassStatistics());
      }
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
    } else {
      out.print(report.toText());
      if (resolved) {
        out.println("resolved-tree pass: " + analyzer.resolvedPassStatistics());
      }
    }
    out.flush();
    return report.statements() > 0 ? 0 : 1;
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
    Map<String, List<ColumnSchema>> tables = new LinkedHashMap<>();
    root.properties().forEach(e -> tables.put(e.getKey(), columns(e.getValue())));
    return SchemaProvider.of(tables);
  }

  private static List<ColumnSchema> columns(JsonNode array) {
    List<ColumnSchema> out = new ArrayList<>();
    for (JsonNode c : array) {
      out.add(new ColumnSchema(c.path("name").asText(), c.path("type").asText("STRING"),
          c.path("repeated").asBoolean(false), c.has("fields") ? columns(c.get("fields")) : List.of()));
    }
    return out;
  }
}
