package corpus.indexer.source.pipeline;

import corpus.indexer.model.Pipeline;
import corpus.indexer.model.Problem;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import corpus.lineage.AnalysisContext;
import corpus.lineage.SqlAnalyzer;
import corpus.lineage.StatementLineage;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code airflow:DIR} source: reads Airflow DAG files (Python, never run) for BigQuery operators —
 * {@code BigQueryInsertJobOperator(configuration={"query": {"query": …, "destinationTable": {…}}})},
 * {@code BigQueryExecuteQueryOperator(sql=…, destination_dataset_table=…)} and the legacy {@code
 * BigQueryOperator} — and analyses their SQL when it is a string literal or a {@code .sql} file next to the
 * DAG (also as {@code {% include 'file.sql' %}}). Every operator whose SQL or destination is only known when
 * the DAG runs (an f-string, a variable, a call) is reported as a {@link Problem} with file and line.
 *
 * <p>A task with inline SQL is a {@link Pipeline} whose {@code file} is {@code dag.py:LINE} (the line where
 * the SQL literal starts) and whose statement lines count from there; a task with a SQL file points at that
 * file. Airflow's date macros ({@code {{ ds }}} …) and literal {@code params} are rendered before analysis.
 */
public final class AirflowSource implements CatalogSource {

  private final Path dir;
  private final SqlAnalyzer analyzer;

  public AirflowSource(Path dir) {
    this(dir, new ZetaSqlAnalyzer());
  }

  public AirflowSource(Path dir, SqlAnalyzer analyzer) {
    this.dir = dir;
    this.analyzer = analyzer;
  }

  @Override
  public String spec() {
    return "airflow:" + dir;
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) throws Exception {
    List<Path> dags;
    if (Files.isRegularFile(dir)) {
      dags = List.of(dir);
    } else if (Files.isDirectory(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        dags = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".py")).sorted().toList();
      }
    } else {
      throw new NoSuchFileException(dir.toString(), null, "no Airflow DAG files here");
    }
    PipelineAnalysis analysis = new PipelineAnalysis(analyzer, spec());
    for (int i = 0; i < dags.size(); i++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      crawlDag(dags.get(i), analysis, sink);
      progress.progress("airflow DAGs", i + 1, dags.size());
    }
  }

  private void crawlDag(Path dag, PipelineAnalysis analysis, CatalogSink sink) {
    String source;
    try {
      source = Files.readString(dag, StandardCharsets.UTF_8);
    } catch (IOException e) {
      sink.problem(new Problem(spec(), dag.toString(), 0, "could not be read: " + e.getMessage()));
      return;
    }
    if (AirflowOperatorCall.OPERATORS.stream().noneMatch(source::contains)) {
      return;
    }
    String relative = Files.isDirectory(dir) ? dir.relativize(dag).toString().replace('\\', '/') : dag.getFileName().toString();
    for (AirflowOperatorCall call : AirflowOperatorCall.find(source)) {
      AirflowTask task = AirflowTask.of(call);
      if (task.problem() != null) {
        sink.problem(new Problem(spec(), dag.toString(), task.problemLine(), call.operator() + " task '" + call.taskId()
            + "': " + task.problem() + "; not analysed"));
        if (task.sql() == null) {
          continue;
        }
      }
      List<StatementLineage> statements = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      String file = null;
      for (PythonValue.Str sql : task.sql()) {
        Located located = locate(dag, sql, sink);
        if (located == null) {
          continue;
        }
        AnalysisContext context = new AnalysisContext(task.defaultProject(), task.defaultDataset(), sink.schemas(),
            Optional.of(task.templateParameters()));
        statements.addAll(analysis.analyze(located.sql(), context, task.destination(), located.problemFile(),
            located.firstLine(), sink));
        file = file == null ? located.file() : file;
        text.append(text.isEmpty() ? "" : "\n;\n").append(located.sql());
      }
      if (file == null) {
        continue;
      }
      String id = "airflow:" + relative + "#" + call.taskId();
      String title = call.taskId() + " (" + relative + ")";
      String description = "Airflow task " + call.taskId() + " in " + relative + " (" + call.operator() + ", line "
          + call.line() + ")";
      sink.pipeline(new Pipeline(id, "airflow", file, title, description, text.toString(), statements, false));
    }
  }

  /** The SQL of a task and where it is: the DAG file at a line, or a SQL file. */
  private record Located(String sql, String file, String problemFile, int firstLine) {}

  private Located locate(Path dag, PythonValue.Str sql, CatalogSink sink) {
    String value = sql.value();
    String include = AirflowTask.includedFile(value);
    String path = include != null ? include : (AirflowTask.looksLikeSqlFile(value) ? value.strip() : null);
    if (path == null) {
      return new Located(value, dag + ":" + sql.line(), dag.toString(), sql.line());
    }
    for (Path candidate : List.of(dag.resolveSibling(path), Files.isDirectory(dir) ? dir.resolve(path) : dag.resolveSibling(path))) {
      if (Files.isRegularFile(candidate)) {
        try {
          return new Located(Files.readString(candidate, StandardCharsets.UTF_8), candidate.toString(),
              candidate.toString(), 1);
        } catch (IOException e) {
          sink.problem(new Problem(spec(), candidate.toString(), 0, "could not be read: " + e.getMessage()));
          return null;
        }
      }
    }
    sink.problem(new Problem(spec(), dag.toString(), sql.line(), "SQL file " + path
        + " not found next to the DAG or under " + dir + "; not analysed"));
    return null;
  }
}
