package corpus.indexer.gdpr;

import corpus.gdpr.propagate.ColumnEdge;
import corpus.gdpr.propagate.ColumnRef;
import corpus.gdpr.propagate.Derivation;
import corpus.indexer.model.Pipeline;
import corpus.lineage.ColumnLineage;
import corpus.lineage.StatementLineage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adapts the lineage module's column lineage ({@link ColumnLineage} of each {@link
 * StatementLineage} of a {@link Pipeline}) to the GDPR engine's {@link ColumnEdge}s.
 *
 * <p>Column ids {@code project.dataset.table.field.path} become {@code ColumnRef(project.dataset.table,
 * field.path)}; bare names (a column whose table could not be known) are left out. The lineage
 * module does not keep expressions, so for a transformation the select item that writes the target
 * column ({@code ... AS target}) is looked up in the pipeline's SQL; it becomes the edge's evidence
 * and tells whether the transformation hashes ({@code TO_HEX(SHA256(email)) AS email_sha}).
 */
public final class LineageEdges {

  private LineageEdges() {}

  /** Every column edge of every analysed statement, without duplicates, in pipeline order. */
  public static List<ColumnEdge> of(Collection<Pipeline> pipelines) {
    Set<ColumnEdge> out = new LinkedHashSet<>();
    for (Pipeline p : pipelines) {
      for (StatementLineage s : p.statements()) {
        if (!s.ok() || s.targets().isEmpty()) {
          continue;
        }
        for (ColumnLineage c : s.columns()) {
          ColumnRef target = ref(c.target());
          if (target == null) {
            continue;
          }
          for (String source : c.sources()) {
            ColumnRef from = ref(source);
            if (from == null || from.equals(target)) {
              continue;
            }
            out.add(edge(from, target, c.derivation(), p.sql()));
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  static ColumnEdge edge(ColumnRef from, ColumnRef target, corpus.lineage.Derivation derivation, String sql) {
    Derivation d = switch (derivation) {
      case IDENTITY -> Derivation.IDENTITY;
      case TRANSFORMATION -> Derivation.TRANSFORMATION;
      case AGGREGATION -> Derivation.AGGREGATION;
    };
    if (d == Derivation.IDENTITY) {
      return ColumnEdge.identity(from, target);
    }
    String expression = expression(sql, leaf(from.field()), leaf(target.field()));
    return ColumnEdge.of(from, target, d, expression);
  }

  /** {@code p.d.t.a.b} as {@code (p.d.t, a.b)}, or {@code null} for a name without a table. */
  static ColumnRef ref(String columnId) {
    String[] parts = columnId.split("\\.", 4);
    if (parts.length < 4 || parts[3].isBlank()) {
      return null;
    }
    return ColumnRef.of(parts[0] + "." + parts[1] + "." + parts[2], parts[3]);
  }

  private static String leaf(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  /**
   * The select item {@code <expression> AS target} of {@code sql} that reads {@code source}, or
   * {@code null} when there is none (the expression is evidence only, so a miss costs nothing).
   */
  static String expression(String sql, String source, String target) {
    if (sql == null || sql.isBlank()) {
      return null;
    }
    Matcher alias = Pattern.compile("(?i)\\bAS\\s+`?" + Pattern.quote(target) + "`?(?![\\w`])").matcher(sql);
    Pattern reads = Pattern.compile("(?i)(?<![\\w.])(?:\\w+\\.)?`?" + Pattern.quote(source) + "`?(?![\\w`])");
    while (alias.find()) {
      String item = selectItemBefore(sql, alias.start());
      if (item != null && reads.matcher(item).find()) {
        return item.replaceAll("\\s+", " ").strip();
      }
    }
    return null;
  }

  /** The text from the start of the select item ending at {@code end}: after a top-level comma or SELECT. */
  private static String selectItemBefore(String sql, int end) {
    int depth = 0;
    for (int i = end - 1; i >= 0; i--) {
      char ch = sql.charAt(i);
      if (ch == ')') {
        depth++;
      } else if (ch == '(') {
        if (depth == 0) {
          return sql.substring(i + 1, end);
        }
        depth--;
      } else if (depth == 0 && ch == ',') {
        return sql.substring(i + 1, end);
      } else if (depth == 0 && i >= 5 && sql.regionMatches(true, i - 5, "SELECT", 0, 6)
          && (i - 6 < 0 || !Character.isLetterOrDigit(sql.charAt(i - 6)))
          && (i + 1 >= sql.length() || !Character.isLetterOrDigit(sql.charAt(i + 1)))) {
        return sql.substring(i + 1, end);
      }
      if (end - i > 2_000) {
        return null;
      }
    }
    return null;
  }
}
