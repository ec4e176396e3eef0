package corpus.indexer.cli;

import corpus.lineage.AnalysisContext;
import corpus.lineage.ColumnLineage;
import corpus.lineage.LineageJson;
import corpus.lineage.SqlAnalyzer;
import corpus.lineage.StatementLineage;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code corpus lineage}: table- and column-level lineage of BigQuery SQL files, as text or as the JSON of
 * DESIGN.md. A folder argument means every {@code .sql} file under it; {@code -} reads standard input. Exit code
 * 0 when at least one statement was analysed, 1 when nothing could be, 2 on usage errors.
 */
@Command(name = "lineage", description = "Table and column lineage of BigQuery SQL files (scripts included).")
public final class LineageCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON: {statements: [...]} for one file, {files: [...]} for several.")
  boolean json;

  @Option(names = "--default-project", paramLabel = "P", description = "Project of tables named dataset.table.")
  String defaultProject;

  @Option(names = "--default-dataset", paramLabel = "D", description = "Dataset of tables named table.")
  String defaultDataset;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "SQL files or folders of them, or - for stdin.")
  List<String> files;

  /** Standard input; replaceable by tests. */
  InputStream stdin = System.in;

  private final SqlAnalyzer analyzer;

  /** The command with ZetaSQL's analyzer. */
  public LineageCommand() {
    this(new ZetaSqlAnalyzer());
  }

  LineageCommand(SqlAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AnalysisContext context = AnalysisContext.withDefaults(defaultProject, defaultDataset);
    Map<String, List<StatementLineage>> results = new LinkedHashMap<>();
    boolean several = files.size() > 1;
    for (String name : files) {
      for (Path file : expand(name, err)) {
        several |= !name.equals("-") && Files.isDirectory(Path.of(name));
        String label = file == null ? "-" : file.toString();
        try {
          String sql = file == null
              ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(file, StandardCharsets.UTF_8);
          results.put(label, analyzer.analyze(sql, context));
        } catch (IOException | RuntimeException e) {
          err.println("corpus lineage: " + label + ": cannot read: " + e.getMessage());
        }
      }
    }
    int analysed = 0;
    for (Map.Entry<String, List<StatementLineage>> e : results.entrySet()) {
      for (StatementLineage s : e.getValue()) {
        if (s.ok()) {
          analysed++;
        } else {
          err.println("corpus lineage: " + e.getKey() + ":" + s.line() + ": " + s.error());
        }
      }
    }
    if (json) {
      LineageJson writer = new LineageJson();
      out.println(several || results.size() != 1 ? writer.files(results) : writer.file(results.values().iterator().next()));
    } else {
      results.forEach((file, statements) -> printText(out, file, statements));
    }
    out.flush();
    err.flush();
    return analysed > 0 ? 0 : 1;
  }

  /** The files an argument stands for: itself, the .sql files under a folder, or null for stdin. */
  private static List<Path> expand(String name, PrintWriter err) {
    List<Path> paths = new ArrayList<>();
    if (name.equals("-")) {
      paths.add(null);
      return paths;
    }
    Path path = Path.of(name);
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().forEach(paths::add);
      } catch (IOException e) {
        err.println("corpus lineage: " + name + ": cannot list: " + e.getMessage());
      }
    } else if (!Files.exists(path)) {
      err.println("corpus lineage: " + name + ": no such file");
    } else {
      paths.add(path);
    }
    return paths;
  }

  private static void printText(PrintWriter out, String file, List<StatementLineage> statements) {
    out.println("== " + file);
    for (StatementLineage s : statements) {
      StringBuilder head = new StringBuilder("line ").append(s.line()).append("  ").append(s.kind());
      if (!s.ok()) {
        out.println(head.append("  ERROR: ").append(s.error()));
        continue;
      }
      head.append("  ").append(s.targets().isEmpty() ? "(no target)" : String.join(", ", s.targets()))
          .append(" <- ").append(s.sources().isEmpty() ? "(no table)" : String.join(", ", s.sources()));
      out.println(head);
      for (ColumnLineage c : s.columns()) {
        out.println("    " + c.target() + " <- " + (c.sources().isEmpty() ? "(constant)" : String.join(", ", c.sources()))
            + "  [" + c.derivation().label() + "]");
      }
      if (!s.external().isEmpty()) {
        out.println("    external: " + String.join(", ", s.external()));
      }
      if (!s.filters().isEmpty()) {
        out.println("    filters/joins: " + String.join(", ", s.filters()));
      }
      if (!s.unresolved().isEmpty()) {
        out.println("    unresolved: " + String.join(", ", s.unresolved()));
      }
    }
  }
}
