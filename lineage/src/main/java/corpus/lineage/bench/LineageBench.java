package corpus.lineage.bench;

import corpus.lineage.AnalysisContext;
import corpus.lineage.SqlAnalyzer;
import corpus.lineage.StatementLineage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures an {@link SqlAnalyzer} on a folder of real pipeline SQL: how many statements it finds, how many parse,
 * which failures occur (grouped by message, with file and line), how many files are Jinja-templated, and how many
 * statements per second it analyses after warm-up.
 *
 * <pre>
 * LineageReport report = new LineageBench(new ZetaSqlAnalyzer()).run(dir, context, 10);
 * </pre>
 */
public final class LineageBench {
  private static final Pattern LOCATION = Pattern.compile("\\s*\\[at line \\d+, column \\d+]");
  private static final int EXAMPLES_PER_GROUP = 5;

  private final SqlAnalyzer analyzer;

  public LineageBench(SqlAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * Analyses every {@code .sql} file under {@code dir} once (the correctness pass, which is also the warm-up),
   * then again and again for at least {@code measureSeconds} (at least one full pass) to measure throughput.
   * Templated files are counted apart and left out of both. {@code cancelled} is polled between files.
   */
  public LineageReport run(Path dir, AnalysisContext context, double measureSeconds, BooleanSupplier cancelled)
      throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".sql"))
          .sorted(Comparator.comparing(Path::toString)).toList();
    }
    List<String> unreadable = new ArrayList<>();
    List<String> templated = new ArrayList<>();
    Map<String, LineageReport.FailureGroup> groups = new LinkedHashMap<>();
    List<Input> inputs = new ArrayList<>();
    int statements = 0;
    int parsed = 0;
    int analysed = 0;
    long bytes = 0;
    long firstPassStart = System.nanoTime();
    for (Path p : paths) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("lineage bench cancelled");
      }
      String name = dir.relativize(p).toString();
      String sql;
      try {
        sql = decode(Files.readAllBytes(p));
      } catch (CharacterCodingException e) {
        unreadable.add(name + ": not UTF-8");
        continue;
      } catch (IOException e) {
        unreadable.add(name + ": " + e.getMessage());
        continue;
      }
      List<StatementLineage> result = analyzer.analyze(sql, context);
      if (result.size() == 1 && "templated".equals(result.getFirst().kind()) && !result.getFirst().ok()) {
        templated.add(name + ":" + result.getFirst().line());
        continue;
      }
      inputs.add(new Input(sql));
      bytes += sql.length();
      for (StatementLineage s : result) {
        statements++;
        boolean syntax = !s.ok() && isSyntaxError(s.error());
        if (!syntax) {
          parsed++;
        }
        if (s.ok()) {
          analysed++;
        } else {
          String message = LOCATION.matcher(s.error()).replaceAll("");
          String key = (syntax ? "parse: " : "analysis: ") + message;
          groups.computeIfAbsent(key, LineageReport.FailureGroup::new)
              .add(name + ":" + s.line(), EXAMPLES_PER_GROUP);
        }
      }
    }
    double firstPassSeconds = (System.nanoTime() - firstPassStart) / 1e9;

    long measured = 0;
    int passes = 0;
    long begin = System.nanoTime();
    long elapsed;
    do {
      for (Input in : inputs) {
        if (cancelled.getAsBoolean()) {
          throw new CancellationException("lineage bench cancelled");
        }
        measured += analyzer.analyze(in.sql(), context).size();
      }
      passes++;
      elapsed = System.nanoTime() - begin;
    } while (elapsed < measureSeconds * 1e9 && !inputs.isEmpty());

    List<LineageReport.FailureGroup> sorted = new ArrayList<>(groups.values());
    sorted.sort(Comparator.comparingInt(LineageReport.FailureGroup::count).reversed());
    return new LineageReport(dir.toString(), paths.size(), inputs.size(), templated, unreadable, statements, parsed,
        analysed, sorted, firstPassSeconds, passes, measured, elapsed / 1e9, bytes);
  }

  /** Whether an analyzer error is the parser rejecting the SQL (rather than a statement it cannot analyse). */
  static boolean isSyntaxError(String error) {
    return error.startsWith("Syntax error") || error.contains(": Syntax error");
  }

  private static String decode(byte[] raw) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
  }

  private record Input(String sql) {}
}
