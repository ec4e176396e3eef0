package corpus.lineage.footprint;

import com.google.zetasql.LanguageOptions;
import com.google.zetasql.Parser;
import com.google.zetasql.SqlException;
import com.google.zetasql.parser.ASTNodes.ASTScript;
import corpus.lineage.AnalysisContext;
import corpus.lineage.ColumnLineage;
import corpus.lineage.SqlAnalyzer;
import corpus.lineage.StatementLineage;
import corpus.lineage.TableNames;
import corpus.lineage.zetasql.ZetaSqlAnalyzer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes the {@link QueryFootprint} of BigQuery SQL: which columns of which tables it reads, and the constant
 * conditions that prune partitions. Columns come from column lineage (so {@code SELECT *} in a CTE counts only
 * the columns used downstream, as BigQuery prunes them) plus those used only in GROUP BY and ORDER BY.
 *
 * <pre>{@code
 * FootprintAnalyzer footprints = new FootprintAnalyzer();          // thread-safe, share one
 * QueryFootprint f = footprints.analyze(sql, context, LocalDate.now(ZoneOffset.UTC));
 * f.table("p.d.plays").columns();   // [play_date, track_id, source.type]
 * f.predicatesOn("p.d.plays");      // [play_date >= 2024-12-25]
 * }</pre>
 */
public final class FootprintAnalyzer {
  /** Statement kinds that change rows of their target, which BigQuery bills in full (DML pricing: q + t). */
  private static final Set<String> MODIFYING_KINDS = Set.of("delete", "update", "merge");
  private static final Pattern ERROR_LOCATION = Pattern.compile("\\s*\\[at (\\d+):(\\d+)]");

  private final SqlAnalyzer lineage;

  public FootprintAnalyzer() {
    this(new ZetaSqlAnalyzer(false)); // parse tree only: an estimate per keystroke needs columns, not derivations
  }

  public FootprintAnalyzer(SqlAnalyzer lineage) {
    this.lineage = lineage;
  }

  /** Holds the parser options; created on first use. */
  private static final class Options {
    static final LanguageOptions INSTANCE = create();

    private static LanguageOptions create() {
      LanguageOptions options = new LanguageOptions();
      options.enableMaximumLanguageFeatures();
      options.setSupportsAllStatementKinds();
      options.enableReservableKeyword("QUALIFY");
      return options;
    }
  }

  /**
   * Analyses {@code sql}; {@code today} is the value of {@code CURRENT_DATE()} in conditions. Never throws for
   * bad SQL: the footprint then carries the {@link SqlError}.
   */
  public QueryFootprint analyze(String sql, AnalysisContext context, LocalDate today) {
    String text = sql.startsWith("\uFEFF") ? sql.substring(1) : sql;
    TextOffsets offsets = new TextOffsets(text);
    if (text.strip().isEmpty()) {
      return QueryFootprint.failed(new SqlError("no SQL statement", 1, 1));
    }
    ASTScript script;
    try {
      script = Parser.parseScript(text, Options.INSTANCE);
    } catch (SqlException e) {
      return QueryFootprint.failed(error(e.getMessage()));
    } catch (LinkageError e) {
      return QueryFootprint.failed(new SqlError(
          "SQL analysis is not available on this platform (the ZetaSQL native library needs Linux or macOS x86_64)",
          0, 0));
    }
    ClauseWalker clauses = new ClauseWalker(new TableNames(context.defaultProject(), context.defaultDataset()),
        context.schemas(), new ConstantFolder(today), offsets);
    clauses.prepare(script);
    script.accept(clauses);

    List<StatementLineage> statements = lineage instanceof ZetaSqlAnalyzer zeta
        ? zeta.analyzeParsed(text, script, context) // one parse per estimate, not two
        : lineage.analyze(text, context);
    List<String> kinds = new ArrayList<>();
    Set<String> writes = new LinkedHashSet<>();
    Map<String, Set<String>> columns = new LinkedHashMap<>();
    Map<String, String> spelled = new LinkedHashMap<>();
    Set<String> whole = new LinkedHashSet<>();
    Set<String> unknown = new LinkedHashSet<>();
    Set<String> modified = new LinkedHashSet<>();
    for (StatementLineage s : statements) {
      if (!s.ok()) {
        return QueryFootprint.failed(error(s.error()));
      }
      kinds.add(s.kind());
      writes.addAll(s.targets());
      List<String> scanned = new ArrayList<>(s.sources());
      if (MODIFYING_KINDS.contains(s.kind())) {
        // DELETE, UPDATE and MERGE read the table they change: its columns in WHERE/SET/ON are billed, and so is
        // the whole table (BigQuery's q + t)
        for (String t : s.targets()) {
          scanned.add(t);
          modified.add(t.toLowerCase(Locale.ROOT));
        }
      }
      for (String t : scanned) {
        spelled.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
        columns.computeIfAbsent(t.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>());
      }
      List<String> referenced = new ArrayList<>(s.filters());
      for (ColumnLineage c : s.columns()) {
        referenced.addAll(c.sources());
      }
      referenced.addAll(s.unresolved());
      for (String ref : referenced) {
        String table = owner(ref, scanned);
        if (table == null) {
          if (!ref.endsWith("*")) {
            unknown.add(ref);
          }
          continue;
        }
        String path = ref.substring(table.length() + 1);
        if (path.equals("*")) {
          whole.add(table.toLowerCase(Locale.ROOT));
        } else {
          columns.get(table.toLowerCase(Locale.ROOT)).add(path);
        }
      }
    }
    clauses.extraColumns.forEach((table, paths) -> {
      Set<String> known = columns.get(table.toLowerCase(Locale.ROOT));
      if (known != null) {
        known.addAll(paths);
      }
    });
    List<QueryFootprint.TableRead> tables = new ArrayList<>();
    columns.forEach((key, paths) -> {
      List<TextSpan> spans = clauses.tableSpans.getOrDefault(key, List.of());
      tables.add(new QueryFootprint.TableRead(spelled.get(key), withoutDescendants(paths), whole.contains(key),
          Math.max(1, spans.size()), spans, modified.contains(key)));
    });
    List<QueryFootprint.UnknownName> unknownNames = new ArrayList<>();
    for (String name : unknown) {
      unknownNames.add(new QueryFootprint.UnknownName(name, find(text, name)));
    }
    return new QueryFootprint(kinds, tables, clauses.predicates, clauses.stars, clauses.limit, unknownNames,
        new ArrayList<>(writes), clauses.filterSites, null);
  }

  private static String owner(String column, List<String> tables) {
    String best = null;
    for (String t : tables) {
      if (column.regionMatches(true, 0, t, 0, t.length()) && column.length() > t.length()
          && column.charAt(t.length()) == '.' && (best == null || t.length() > best.length())) {
        best = t;
      }
    }
    return best;
  }

  private static Set<String> withoutDescendants(Set<String> paths) {
    Set<String> out = new LinkedHashSet<>();
    for (String p : paths) {
      boolean covered = false;
      for (String q : paths) {
        if (!q.equals(p) && p.toLowerCase(Locale.ROOT).startsWith(q.toLowerCase(Locale.ROOT) + ".")) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        out.add(p);
      }
    }
    return out;
  }

  private static TextSpan find(String text, String name) {
    String last = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
    Matcher m = Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?!\\w)|(?<!\\w)" + Pattern.quote(last)
        + "(?!\\w)", Pattern.CASE_INSENSITIVE).matcher(text);
    return m.find() ? new TextSpan(m.start(), m.end()) : null;
  }

  /** Splits a ZetaSQL message "… [at 3:14]" (or "[at line 3, column 14]") into message, line and column. */
  static SqlError error(String message) {
    String m = String.valueOf(message);
    Matcher at = ERROR_LOCATION.matcher(m);
    if (at.find()) {
      return new SqlError(clean(m.substring(0, at.start())), Integer.parseInt(at.group(1)),
          Integer.parseInt(at.group(2)));
    }
    Matcher lc = Pattern.compile("\\s*\\[at line (\\d+), column (\\d+)]").matcher(m);
    if (lc.find()) {
      return new SqlError(clean(m.substring(0, lc.start())), Integer.parseInt(lc.group(1)),
          Integer.parseInt(lc.group(2)));
    }
    return new SqlError(clean(m), 0, 0);
  }

  private static String clean(String message) {
    String m = message.strip();
    return m.startsWith("Syntax error: ") ? "Syntax error: " + m.substring(14) : m;
  }
}
