package corpus.lineage.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one {@link LineageBench} run: files, templated files, statements, parse and analysis success,
 * failures grouped by message, and throughput after warm-up.
 *
 * @param dir the folder measured (or what the inputs were)
 * @param files {@code .sql} files found (or SQL texts given)
 * @param analysedFiles files analysed (not templated, readable)
 * @param templated templated files with the line of their first Jinja construct ({@code file:line})
 * @param unreadable files that could not be read, with the reason
 * @param statements statements found in the analysed files
 * @param parsed statements the parser accepted
 * @param analysed statements analysed without any error
 * @param failures failures grouped by message, most frequent first
 * @param firstPassSeconds the first pass over all files (includes the native library load and JIT warm-up)
 * @param passes measured passes over the analysed files after the first
 * @param measuredStatements statements analysed in the measured passes
 * @param measuredSeconds duration of the measured passes
 * @param characters characters of SQL in the analysed files
 * @param comparison how many statements' lineage differs from a reference analyser's, or null when none was given
 */
public record LineageReport(String dir, int files, int analysedFiles, List<String> templated, List<String> unreadable,
    int statements, int parsed, int analysed, List<FailureGroup> failures, double firstPassSeconds, int passes,
    long measuredStatements, double measuredSeconds, long characters, Comparison comparison) {

  /**
   * Statements whose lineage (every field of {@link corpus.lineage.StatementLineage}) differs from the reference
   * analyser's, with the first few places ({@code file:line}).
   */
  public record Comparison(int differing, List<String> examples) {
    public Comparison {
      examples = List.copyOf(examples);
    }
  }

  /** Failures with the same message: how many, and the first few places ({@code file:line}). */
  public static final class FailureGroup {
    private final String message;
    private final List<String> examples;
    private int count;

    FailureGroup(String message) {
      this.message = message;
      this.examples = new ArrayList<>();
    }

    void add(String where, int maxExamples) {
      count++;
      if (examples.size() < maxExamples) {
        examples.add(where);
      }
    }

    public String message() {
      return message;
    }

    public List<String> examples() {
      return List.copyOf(examples);
    }

    public int count() {
      return count;
    }
  }

  public LineageReport {
    templated = List.copyOf(templated);
    unreadable = List.copyOf(unreadable);
    failures = List.copyOf(failures);
  }

  /** Share of statements the parser accepted, 0–1. */
  public double parseSuccess() {
    return statements == 0 ? 0 : (double) parsed / statements;
  }

  /** Share of statements analysed without error, 0–1. */
  public double analysisSuccess() {
    return statements == 0 ? 0 : (double) analysed / statements;
  }

  /** Statements analysed per second in the measured passes. */
  public double statementsPerSecond() {
    return measuredSeconds == 0 ? 0 : measuredStatements / measuredSeconds;
  }

  /** The figures as a map for JSON output (keys in a stable order). */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dir", dir);
    out.put("files", files);
    out.put("analysedFiles", analysedFiles);
    out.put("templatedFiles", templated.size());
    out.put("unreadableFiles", unreadable);
    out.put("statements", statements);
    out.put("parsed", parsed);
    out.put("parseSuccess", round(parseSuccess(), 4));
    out.put("analysedWithoutError", analysed);
    out.put("analysisSuccess", round(analysisSuccess(), 4));
    out.put("characters", characters);
    out.put("firstPassSeconds", round(firstPassSeconds, 2));
    out.put("measuredPasses", passes);
    out.put("measuredStatements", measuredStatements);
    out.put("measuredSeconds", round(measuredSeconds, 2));
    out.put("statementsPerSecond", Math.round(statementsPerSecond()));
    out.put("msPerStatement", measuredStatements == 0 ? 0 : round(1000 * measuredSeconds / measuredStatements, 3));
    List<Map<String, Object>> groups = new ArrayList<>();
    for (FailureGroup g : failures) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("message", g.message());
      m.put("count", g.count());
      m.put("examples", g.examples());
      groups.add(m);
    }
    out.put("failures", groups);
    out.put("templated", templated);
    if (comparison != null) {
      out.put("differingFromReference", comparison.differing());
      out.put("differingExamples", comparison.examples());
    }
    return out;
  }

  /** The figures as lines of text for a terminal. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s: %d %s, %d analysed, %d templated (not counted), %d unreadable%n",
        dir, files, dir.startsWith("--source") ? "SQL texts (files and views)" : ".sql files", analysedFiles,
        templated.size(), unreadable.size()));
    b.append(String.format(Locale.ROOT, "statements: %d; parsed %d (%.2f %%); analysed without error %d (%.2f %%)%n",
        statements, parsed, 100 * parseSuccess(), analysed, 100 * analysisSuccess()));
    b.append(String.format(Locale.ROOT,
        "throughput after warm-up: %.0f statements/s (%d statements in %d passes, %.2f s); first pass %.2f s%n",
        statementsPerSecond(), measuredStatements, passes, measuredSeconds, firstPassSeconds));
    if (comparison != null) {
      b.append(String.format(Locale.ROOT, "statements whose lineage differs from the reference analyser's: %d%s%n",
          comparison.differing(), comparison.examples().isEmpty() ? ""
              : " (at " + String.join(", ", comparison.examples()) + ")"));
    }
    for (FailureGroup g : failures) {
      b.append(String.format(Locale.ROOT, "  %5d  %s%n         at %s%n", g.count(), g.message(),
          String.join(", ", g.examples())));
    }
    for (String u : unreadable) {
      b.append("  unreadable: ").append(u).append(System.lineSeparator());
    }
    return b.toString();
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
