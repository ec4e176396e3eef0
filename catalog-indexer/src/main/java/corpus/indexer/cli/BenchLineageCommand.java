package corpus.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import corpus.lineage.AnalysisContext;
import corpus.lineage.bench.LineageBench;
import corpus.lineage.bench.LineageReport;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new CliException("--sql " + dir + ": not a folder", 2);
    }
    LineageReport report = new LineageBench(new ZetaSqlAnalyzer())
        .run(dir, AnalysisContext.withDefaults(defaultProject, defaultDataset), seconds, Thread::interrupted);
    PrintWriter out = spec.commandLine().getOut();
    out.println(json
        ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.toMap())
        : report.toText());
    out.flush();
    return report.statements() > 0 ? 0 : 1;
  }
}
