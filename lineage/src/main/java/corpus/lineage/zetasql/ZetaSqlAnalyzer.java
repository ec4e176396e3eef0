package corpus.lineage.zetasql;

import com.google.zetasql.SqlException;
import com.google.zetasql.parser.ASTNodes.ASTScript;
import corpus.lineage.AnalysisContext;
import corpus.lineage.SqlAnalyzer;
import corpus.lineage.StatementLineage;
import corpus.lineage.TemplateRenderer;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SqlAnalyzer} on ZetaSQL's parser: parses the whole script, or statement by statement when it does not
 * parse, and derives table and column lineage from the parse tree, using the schemas of the
 * {@link AnalysisContext} to expand {@code SELECT *} and to disambiguate column names; a statement whose tables all
 * have schemas but whose parse-tree lineage is incomplete or approximate then gets its column lineage from ZetaSQL's
 * Analyzer (resolved tree) when it resolves ({@link ResolvedPass}).
 *
 * <p>Thread-safe; holds no per-call state besides the resolved-tree pass's registered catalogs, which
 * {@link #close()} frees.
 */
public final class ZetaSqlAnalyzer implements SqlAnalyzer, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ZetaSqlAnalyzer.class);
  /** Unregisters the catalogs of an analyser nobody closed once it is unreachable. */
  private static final Cleaner CLEANER = Cleaner.create();
  private static final Pattern ERROR_LOCATION = Pattern.compile("\\[at (\\d+):(\\d+)]");

  private final ZetaSqlParser parser = new ZetaSqlParser();
  private final TemplateRenderer templates = new TemplateRenderer();
  private final ResolvedTreeLineage resolvedPass;
  private final Cleaner.Cleanable cleanable;

  /** When the resolved-tree pass (ZetaSQL's Analyzer) runs for a statement whose tables all have schemas. */
  public enum ResolvedPass {
    /** Never: every statement's lineage comes from the parse tree. */
    OFF,
    /**
     * Only when the parse-tree lineage of the statement is incomplete (a column left unresolved: an unexpanded
     * {@code *}, an ambiguous or unknown name) or approximate (a range variable used as a whole row, {@code *} over
     * a JOIN … USING or over an element whose fields are not known, an alias that is also a column name) and it
     * calls no function the Analyzer does not know (it would reject the statement); elsewhere the parse-tree lineage
     * is already what the Analyzer gives, and the native analysis (≈ 5–14 ms per statement) is saved. The default.
     */
    WHEN_NEEDED,
    /** For every such statement (to compare the two passes). */
    ALWAYS
  }

  /**
   * The analyser as the product runs it: the resolved-tree pass {@link ResolvedPass#WHEN_NEEDED when needed}, for
   * statements whose tables all have schemas in the context and whose parse-tree lineage is incomplete or
   * approximate.
   */
  public ZetaSqlAnalyzer() {
    this(ResolvedPass.WHEN_NEEDED);
  }

  /**
   * @param resolveWithAnalyzer true for {@link ResolvedPass#ALWAYS}: every statement whose tables all have schemas
   *     gets its column lineage from ZetaSQL's Analyzer (resolved tree) instead of the parse tree, falling back to
   *     the parse tree when the Analyzer rejects the statement; false for {@link ResolvedPass#OFF}
   */
  public ZetaSqlAnalyzer(boolean resolveWithAnalyzer) {
    this(resolveWithAnalyzer ? ResolvedPass.ALWAYS : ResolvedPass.OFF);
  }

  /**
   * @param resolvedPass when statements whose tables all have schemas go to ZetaSQL's Analyzer. The catalogs the
   *     pass registers with the native library (one per default project and dataset, growing with the tables seen)
   *     are reused by later statements and unregistered by {@link #close()}, or once this analyser is unreachable
   */
  public ZetaSqlAnalyzer(ResolvedPass resolvedPass) {
    this.resolvedPass = resolvedPass == ResolvedPass.OFF ? null
        : new ResolvedTreeLineage(resolvedPass == ResolvedPass.ALWAYS);
    ResolvedTreeLineage pass = this.resolvedPass;
    this.cleanable = pass == null ? null : CLEANER.register(this, pass::close);
  }

  /** Unregisters the resolved-tree pass's catalogs from the native library; the analyser must not be used after. */
  @Override
  public void close() {
    if (cleanable != null) {
      cleanable.clean();
    }
  }

  /**
   * Counters of the resolved-tree pass since this analyser was created.
   *
   * @param skipped statements over known tables whose parse-tree lineage was complete and exact, so the Analyzer
   *     was not asked ({@link ResolvedPass#WHEN_NEEDED})
   * @param unknownFunctions statements the Analyzer was not asked about because they call a function it does not
   *     know (a persistent UDF, a temp function), so it would reject them ({@link ResolvedPass#WHEN_NEEDED})
   * @param tried statements over known tables the pass was tried on
   * @param accepted statements whose column lineage now comes from the resolved tree
   * @param rejected statements the Analyzer rejected (unknown function, temp table, script variable, …)
   * @param notFollowed statements resolved, but with a column the walk does not follow (PIVOT, UNPIVOT, …)
   * @param catalogsRegistered catalogs registered with the native library (the first, and one each time a
   *     statement needed tables the current one lacked)
   */
  public record ResolvedPassStatistics(long skipped, long unknownFunctions, long tried, long accepted, long rejected, long notFollowed,
      long catalogsRegistered) {}

  /** The resolved-tree pass's counters; all zero when the pass is off. */
  public ResolvedPassStatistics resolvedPassStatistics() {
    return resolvedPass == null ? new ResolvedPassStatistics(0, 0, 0, 0, 0, 0, 0) : resolvedPass.statistics();
  }

  /**
   * Whether the resolved-tree pass is tried for a statement the parse-tree pass produced: a SELECT, CREATE TABLE
   * AS, CREATE VIEW or INSERT whose every source table (and INSERT target) has a schema in {@code context}.
   */
  public static boolean resolvableWithAnalyzer(StatementLineage parsed, AnalysisContext context) {
    return ResolvedTreeLineage.eligible(parsed, context);
  }

  @Override
  public List<StatementLineage> analyze(String sql, AnalysisContext context) {
    String text = sql.startsWith("\uFEFF") ? sql.substring(1) : sql;
    Optional<Integer> templateLine = templates.firstTemplateLine(text);
    if (templateLine.isPresent()) {
      if (context.templateParameters().isEmpty()) {
        return List.of(StatementLineage.failed("templated", templateLine.get(),
            "templated SQL (Jinja {{ }} or {% %} at line " + templateLine.get()
                + "): supply template parameters to analyse it"));
      }
      TemplateRenderer.Result rendered = templates.render(text, context.templateParameters().get());
      if (rendered.error() != null) {
        return List.of(StatementLineage.failed("templated", rendered.line(), rendered.error()));
      }
      text = rendered.sql();
    }
    List<StatementLineage> out = new ArrayList<>();
    ScriptState state = new ScriptState(context);
    try {
      analyzeScript(text, new LineIndex(text, 1), state, out);
    } catch (ZetaSqlParser.NativeLibraryUnavailableException e) {
      LOG.error("SQL analysis unavailable: {}", e.getMessage());
      return List.of(StatementLineage.failed("unknown", 1, e.getMessage()));
    } catch (SqlException whole) {
      out.clear();
      state = new ScriptState(context);
      for (ScriptSplitter.Chunk chunk : ScriptSplitter.split(text)) {
        try {
          analyzeScript(chunk.text(), new LineIndex(chunk.text(), chunk.firstLine()), state, out);
        } catch (SqlException e) {
          out.add(failure(chunk, e));
        }
      }
    }
    return out;
  }

  /**
   * As {@link #analyze}, for a script the caller has parsed from {@code sql} already (the cost estimate parses
   * each keystroke's SQL once for its own walk): the lineage walk reuses that tree instead of parsing again.
   */
  public List<StatementLineage> analyzeParsed(String sql, ASTScript script, AnalysisContext context) {
    if (templates.firstTemplateLine(sql).isPresent()) {
      return analyze(sql, context);
    }
    List<StatementLineage> out = new ArrayList<>();
    try {
      walk(script, new LineIndex(sql, 1), new ScriptState(context), out);
    } catch (SqlException e) {
      return analyze(sql, context);
    }
    return out;
  }

  private void analyzeScript(String sql, LineIndex lines, ScriptState state, List<StatementLineage> out) {
    walk(parser.parseScript(sql), lines, state, out);
  }

  private void walk(ASTScript script, LineIndex lines, ScriptState state, List<StatementLineage> out) {
    ScriptWalker walker = new ScriptWalker(state, (dynamic, line) -> {
      try {
        analyzeScript(dynamic, new LineIndex(dynamic, line), state, out);
      } catch (SqlException e) {
        out.add(StatementLineage.failed("execute_immediate", line, "EXECUTE IMMEDIATE: " + e.getMessage()));
      }
    }, out, resolvedPass);
    walker.walk(script.getStatementListNode(), lines);
  }

  private static StatementLineage failure(ScriptSplitter.Chunk chunk, SqlException e) {
    String message = String.valueOf(e.getMessage());
    Matcher m = ERROR_LOCATION.matcher(message);
    int line = firstCodeLine(chunk);
    if (m.find()) {
      line = chunk.firstLine() + Integer.parseInt(m.group(1)) - 1;
      message = message.substring(0, m.start()) + "[at line " + line + ", column " + m.group(2) + "]"
          + message.substring(m.end());
    }
    return StatementLineage.failed(guessKind(chunk.text()), line, message);
  }

  private static int firstCodeLine(ScriptSplitter.Chunk chunk) {
    String[] lines = chunk.text().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (!l.isEmpty() && !l.startsWith("--") && !l.startsWith("#")) {
        return chunk.firstLine() + i;
      }
    }
    return chunk.firstLine();
  }

  /** A best guess of the kind of a statement that does not parse, from its first keywords. */
  static String guessKind(String text) {
    String code = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)(--|#).*$", " ")
        .strip().toUpperCase(Locale.ROOT);
    String[] words = code.split("[^A-Z_]+");
    if (words.length == 0 || words[0].isEmpty()) {
      return "unknown";
    }
    String all = String.join(" ", words);
    return switch (words[0]) {
      case "SELECT", "WITH" -> "select";
      case "INSERT" -> "insert";
      case "MERGE" -> "merge";
      case "UPDATE" -> "update";
      case "DELETE" -> "delete";
      case "DROP" -> "drop";
      case "DECLARE" -> "declare";
      case "SET" -> "set";
      case "CREATE" -> all.contains(" VIEW ") ? "create_view"
          : all.contains(" FUNCTION ") ? "create_function"
          : all.contains(" AS ") ? "create_table_as" : "create_table";
      default -> words[0].toLowerCase(Locale.ROOT);
    };
  }
}
