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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures an {@link SqlAnalyzer} on real pipeline SQL — a folder of {@code .sql} files, or the very calls a crawl
 * makes ({@link Input}s, each with its own context) — how many statements it finds, how many parse, which failures
 * occur (grouped by message, with file and line), how many files are Jinja-templated, and how many statements per
 * second it analyses after warm-up. Given a reference analyser, it also counts the statements whose lineage differs
 * from the reference's (to check that a faster configuration gives the same results).
 *
 * <pre>
 * LineageReport report = new LineageBench(new ZetaSqlAnalyzer()).run(dir, context, 10, () -> false);
 * </pre>
 */
public final class LineageBench {
  private static final Pattern LOCATION = Pattern.compile("\\s*\\[at line \\d+, column \\d+]");
  private static final int EXAMPLES_PER_GROUP = 5;

  private final SqlAnalyzer analyzer;
  private final SqlAnalyzer reference;
  private final int threads;

  public LineageBench(SqlAnalyzer analyzer) {
    this(analyzer, null, 1);
  }

  /**
   * @param reference analyses every input once more in the first pass, to count the statements whose lineage
   *     differs from {@code analyzer}'s; null for none
   * @param threads how many threads analyse at once in the measured passes (each making full passes over the
   *     inputs with the one, thread-safe analyser); the first pass is always on the calling thread
   */
  public LineageBench(SqlAnalyzer analyzer, SqlAnalyzer reference, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.analyzer = analyzer;
    this.reference = reference;
    this.threads = threads;
  }

  /** One SQL text to analyse, as a source hands it to the analyser: where it is from, the SQL, its context. */
  public record Input(String name, String sql, AnalysisContext context) {}

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
    List<Input> inputs = new ArrayList<>();
    for (Path p : paths) {
      String name = dir.relativize(p).toString();
      try {
        inputs.add(new Input(name, decode(Files.readAllBytes(p)), context));
      } catch (CharacterCodingException e) {
        unreadable.add(name + ": not UTF-8");
      } catch (IOException e) {
        unreadable.add(name + ": " + e.getMessage());
      }
    }
    return run(dir.toString(), paths.size(), unreadable, inputs, measureSeconds, cancelled);
  }

  /**
   * As {@link #run(Path, AnalysisContext, double, BooleanSupplier)} over SQL texts a caller collected (for
   * example every call a crawl made to its analyser), each with its own context.
   *
   * @param label what the inputs are, for the report
   */
  public LineageReport run(String label, List<Input> inputs, double measureSeconds, BooleanSupplier cancelled) {
    return run(label, inputs.size(), List.of(), inputs, measureSeconds, cancelled);
  }

  private LineageReport run(String label, int files, List<String> unreadable, List<Input> all, double measureSeconds,
      BooleanSupplier cancelled) {
    List<String> templated = new ArrayList<>();
    Map<String, LineageReport.FailureGroup> groups = new LinkedHashMap<>();
    List<Input> inputs = new ArrayList<>();
    List<String> differing = new ArrayList<>();
    int statements = 0;
    int parsed = 0;
    int analysed = 0;
    long bytes = 0;
    long firstPassStart = System.nanoTime();
    for (Input in : all) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("lineage bench cancelled");
      }
      List<StatementLineage> result = analyzer.analyze(in.sql(), in.context());
      if (result.size() == 1 && "templated".equals(result.getFirst().kind()) && !result.getFirst().ok()) {
        templated.add(in.name() + ":" + result.getFirst().line());
        continue;
      }
      inputs.add(in);
      bytes += in.sql().length();
      if (reference != null) {
        compare(in, result, reference.analyze(in.sql(), in.context()), differing);
      }
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
              .add(in.name() + ":" + s.line(), EXAMPLES_PER_GROUP);
        }
      }
    }
    double firstPassSeconds = (System.nanoTime() - firstPassStart) / 1e9;

    long begin = System.nanoTime();
    Measured m = threads == 1 ? measure(inputs, begin, measureSeconds, cancelled)
        : measureConcurrently(inputs, begin, measureSeconds, cancelled);
    long measured = m.statements();
    int passes = m.passes();
    long elapsed = m.nanos();

    List<LineageReport.FailureGroup> sorted = new ArrayList<>(groups.values());
    sorted.sort(Comparator.comparingInt(LineageReport.FailureGroup::count).reversed());
    LineageReport.Comparison comparison = reference == null ? null
        : new LineageReport.Comparison(differing.size(), differing.subList(0, Math.min(differing.size(),
            EXAMPLES_PER_GROUP)));
    return new LineageReport(label, files, inputs.size(), templated, unreadable, statements, parsed,
        analysed, sorted, firstPassSeconds, passes, measured, elapsed / 1e9, bytes, comparison);
  }

  /** Statements analysed in full passes over the inputs, and how long the passes took. */
  private record Measured(long statements, int passes, long nanos) {}

  /** Full passes over {@code inputs} on this thread until {@code seconds} have passed (at least one). */
  private Measured measure(List<Input> inputs, long begin, double seconds, BooleanSupplier stop) {
    long measured = 0;
    int passes = 0;
    long elapsed;
    do {
      for (Input in : inputs) {
        if (stop.getAsBoolean()) {
          throw new CancellationException("lineage bench cancelled");
        }
        measured += analyzer.analyze(in.sql(), in.context()).size();
      }
      passes++;
      elapsed = System.nanoTime() - begin;
    } while (elapsed < seconds * 1e9 && !inputs.isEmpty());
    return new Measured(measured, passes, elapsed);
  }

  /**
   * {@link #measure} on {@link #threads} threads at once, each making its own passes over every input with the
   * shared analyser: the figure is the statements of all threads over the time until the last one finished.
   */
  private Measured measureConcurrently(List<Input> inputs, long begin, double seconds, BooleanSupplier cancelled) {
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<Measured>> workers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads,
        Thread.ofPlatform().name("corpus-lineage-bench-", 1).daemon(true).factory())) {
      for (int i = 0; i < threads; i++) {
        workers.add(pool.submit(() -> measure(inputs, begin, seconds, stop::get)));
      }
      long statements = 0;
      int passes = 0;
      for (Future<Measured> w : workers) {
        while (true) {
          if (cancelled.getAsBoolean()) {
            stop.set(true);
            throw new CancellationException("lineage bench cancelled");
          }
          try {
            Measured m = w.get(100, TimeUnit.MILLISECONDS);
            statements += m.statements();
            passes += m.passes();
            break;
          } catch (TimeoutException notYet) {
            // poll the cancel flag again
          } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("lineage bench interrupted");
          } catch (ExecutionException e) {
            stop.set(true);
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          }
        }
      }
      return new Measured(statements, passes, System.nanoTime() - begin);
    }
  }

  /** Adds {@code name:line} of every statement whose lineage differs from the reference's. */
  private static void compare(Input in, List<StatementLineage> result, List<StatementLineage> expected,
      List<String> differing) {
    for (int i = 0; i < Math.max(result.size(), expected.size()); i++) {
      StatementLineage a = i < result.size() ? result.get(i) : null;
      StatementLineage b = i < expected.size() ? expected.get(i) : null;
      if (a == null || !a.equals(b)) {
        differing.add(in.name() + ":" + (a != null ? a.line() : b.line()));
      }
    }
  }

  /** Whether an analyzer error is the parser rejecting the SQL (rather than a statement it cannot analyse). */
  static boolean isSyntaxError(String error) {
    return error.startsWith("Syntax error") || error.contains(": Syntax error");
  }

  private static String decode(byte[] raw) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
  }
}
