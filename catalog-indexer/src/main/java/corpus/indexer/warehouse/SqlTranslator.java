package corpus.indexer.warehouse;

import corpus.indexer.warehouse.SqlTokens.Kind;
import corpus.indexer.warehouse.SqlTokens.Token;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates the BigQuery SQL analysts write into DuckDB SQL for the embedded warehouse: backquoted and
 * three-part table names ({@code `project.dataset.table`} → {@code "dataset"."table"}, as each BigQuery dataset
 * is a DuckDB schema), double-quoted strings, {@code SELECT * EXCEPT}, {@code UNNEST(…) AS x}, CAST types, and
 * the common date, aggregate and string functions ({@code CURRENT_DATE}, {@code DATE_SUB}, {@code DATE_TRUNC},
 * {@code DATE_DIFF}, {@code EXTRACT(DAYOFWEEK …)}, {@code FORMAT_DATE}, {@code SAFE_DIVIDE}, {@code COUNTIF}, …).
 * Anything it cannot translate fails with an {@link UnsupportedSqlException} naming the construct and its line.
 */
public final class SqlTranslator {
  private static final Map<String, String> RENAMED = Map.of(
      "COUNTIF", "count_if", "ARRAY_LENGTH", "len", "LOGICAL_AND", "bool_and", "LOGICAL_OR", "bool_or",
      "REGEXP_CONTAINS", "regexp_matches", "SAFE_CAST", "TRY_CAST", "REGEXP_EXTRACT", "regexp_extract",
      "BYTE_LENGTH", "octet_length", "CHAR_LENGTH", "length");
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("INT64", "BIGINT"), Map.entry("INTEGER", "BIGINT"), Map.entry("FLOAT64", "DOUBLE"),
      Map.entry("STRING", "VARCHAR"), Map.entry("BOOL", "BOOLEAN"), Map.entry("BOOLEAN", "BOOLEAN"),
      Map.entry("BYTES", "BLOB"), Map.entry("NUMERIC", "DECIMAL(38, 9)"), Map.entry("BIGNUMERIC", "DECIMAL(38, 9)"),
      Map.entry("DATE", "DATE"), Map.entry("DATETIME", "TIMESTAMP"), Map.entry("TIMESTAMP", "TIMESTAMPTZ"),
      Map.entry("TIME", "TIME"), Map.entry("JSON", "JSON"));
  private static final Set<String> UNSUPPORTED_FUNCTIONS = Set.of(
      "FARM_FINGERPRINT", "APPROX_QUANTILES", "APPROX_TOP_COUNT", "APPROX_TOP_SUM", "GENERATE_DATE_ARRAY",
      "GENERATE_TIMESTAMP_ARRAY", "STRUCT", "JSON_EXTRACT", "JSON_EXTRACT_SCALAR", "JSON_VALUE", "JSON_QUERY",
      "SESSION_USER", "ERROR", "ML", "NET", "KEYS", "AEAD", "HLL_COUNT", "SAFE");
  private static final Set<String> KEYWORDS = Set.of(
      "FROM", "IN", "AS", "JOIN", "ON", "USING", "AND", "OR", "NOT", "SELECT", "WHERE", "OVER", "VALUES", "EXISTS",
      "WITH", "UNION", "ALL", "DISTINCT", "BY", "THEN", "ELSE", "WHEN", "CASE", "INTERVAL", "EXCEPT", "INTERSECT",
      "ANY", "SOME", "LATERAL", "ARRAY", "WINDOW", "QUALIFY", "HAVING", "LIMIT", "IS");
  private static final Set<String> UNSUPPORTED_WORDS = Set.of(
      "_TABLE_SUFFIX", "_PARTITIONTIME", "_PARTITIONDATE", "DECLARE", "EXECUTE", "PIVOT", "UNPIVOT", "TABLESAMPLE");

  private final Set<String> projects;
  private final LocalDate today;

  /**
   * @param projects BigQuery project ids whose names are dropped from table names (lower case)
   * @param today what {@code CURRENT_DATE()} means
   */
  public SqlTranslator(Set<String> projects, LocalDate today) {
    this.projects = projects;
    this.today = today;
  }

  /** DuckDB SQL equivalent to {@code bigQuerySql}. */
  public String translate(String bigQuerySql) throws UnsupportedSqlException {
    List<Token> tokens = SqlTokens.tokenize(bigQuerySql);
    return new Run(bigQuerySql, tokens).range(0, tokens.size());
  }

  /** One translation: the text and its tokens. */
  private final class Run {
    private final String sql;
    private final List<Token> t;

    Run(String sql, List<Token> tokens) {
      this.sql = sql;
      this.t = tokens;
    }

    String range(int from, int to) throws UnsupportedSqlException {
      StringBuilder out = new StringBuilder();
      int i = from;
      while (i < to) {
        Token tok = t.get(i);
        switch (tok.kind()) {
          case QUOTED_ID, WORD -> i = nameOrCall(i, to, out);
          case STRING -> {
            out.append(string(tok.text()));
            i++;
          }
          case PARAMETER -> throw unsupported(tok, "query parameters (" + tok.text() + ") need values; write the "
              + "value instead");
          case COMMENT -> {
            out.append(tok.text().startsWith("#") ? "--" + tok.text().substring(1) : tok.text());
            i++;
          }
          default -> {
            out.append(tok.text());
            i++;
          }
        }
      }
      return out.toString();
    }

    /** A name chain (a.b.`c.d`) or a function call starting at {@code i}; returns the next index. */
    private int nameOrCall(int i, int to, StringBuilder out) throws UnsupportedSqlException {
      List<String> parts = new ArrayList<>();
      boolean quoted = false;
      int j = i;
      while (j < to) {
        Token tok = t.get(j);
        if (tok.kind() == Kind.QUOTED_ID) {
          quoted = true;
          for (String p : tok.text().substring(1, tok.text().length() - 1).split("\\.")) {
            parts.add(p);
          }
        } else if (tok.kind() == Kind.WORD) {
          String word = tok.text();
          // project ids with dashes may be written unquoted: soundwave-prod.listening.plays
          while (j + 2 < to && t.get(j + 1).is("-") && t.get(j + 2).kind() == Kind.WORD
              && projects.contains((word + "-" + t.get(j + 2).text()).toLowerCase(Locale.ROOT))) {
            word = word + "-" + t.get(j + 2).text();
            j += 2;
          }
          parts.add(word);
        } else {
          break;
        }
        j++;
        if (j + 1 < to && t.get(j).is(".") && (t.get(j + 1).kind() == Kind.WORD
            || t.get(j + 1).kind() == Kind.QUOTED_ID)) {
          j++;
        } else {
          break;
        }
      }
      int next = nextCode(j, to);
      boolean call = next < to && t.get(next).is("(") && !quoted
          && !(parts.size() == 1 && KEYWORDS.contains(parts.getFirst().toUpperCase(Locale.ROOT)));
      if (call) {
        return call(String.join(".", parts), i, next, to, out);
      }
      if (parts.size() == 1 && !quoted) {
        return word(i, to, out);
      }
      if (parts.size() >= 3 && projects.contains(parts.getFirst().toLowerCase(Locale.ROOT))) {
        parts = parts.subList(1, parts.size());
      }
      for (String p : parts) {
        if (UNSUPPORTED_WORDS.contains(p.toUpperCase(Locale.ROOT))) {
          throw unsupported(t.get(i), p + " (a BigQuery pseudo-column or statement)");
        }
        if (p.contains("*")) {
          throw unsupported(t.get(i), "wildcard tables (" + String.join(".", parts) + ")");
        }
      }
      StringBuilder name = new StringBuilder();
      for (String p : parts) {
        name.append(name.isEmpty() ? "" : ".").append(quoted || p.contains("-") ? PathSizeSql.quote(p) : p);
      }
      out.append(name);
      return j;
    }

    private int word(int i, int to, StringBuilder out) throws UnsupportedSqlException {
      Token tok = t.get(i);
      String upper = tok.text().toUpperCase(Locale.ROOT);
      if (UNSUPPORTED_WORDS.contains(upper)) {
        throw unsupported(tok, upper + (upper.startsWith("_") ? " (a BigQuery pseudo-column)" : ""));
      }
      int prev = prevCode(i);
      if (upper.equals("EXCEPT") && prev >= 0 && t.get(prev).is("*")) {
        out.append("EXCLUDE");
      } else if (upper.equals("CURRENT_DATE") || upper.equals("CURRENT_TIMESTAMP")
          || upper.equals("CURRENT_DATETIME")) {
        out.append(now(upper));
      } else if (upper.equals("SYSTEM_TIME")) {
        throw unsupported(tok, "FOR SYSTEM_TIME AS OF (time travel)");
      } else {
        out.append(tok.text());
      }
      return i + 1;
    }

    private String now(String upper) {
      return switch (upper) {
        case "CURRENT_DATE" -> "DATE '" + today + "'";
        case "CURRENT_DATETIME" -> "TIMESTAMP '" + today + " 00:00:00'";
        default -> "TIMESTAMPTZ '" + today + " 00:00:00+00'";
      };
    }

    private int call(String name, int nameIndex, int open, int to, StringBuilder out) throws UnsupportedSqlException {
      int close = matching(open, to);
      List<int[]> args = arguments(open, close);
      String upper = name.toUpperCase(Locale.ROOT);
      String head = upper.contains(".") ? upper.substring(0, upper.indexOf('.')) : upper;
      if (UNSUPPORTED_FUNCTIONS.contains(head) || upper.startsWith("ST_")) {
        throw unsupported(t.get(nameIndex), upper + (upper.equals("STRUCT") ? "(…) constructors" : "()"));
      }
      List<String> a = new ArrayList<>();
      for (int[] r : args) {
        a.add(range(r[0], r[1]).strip());
      }
      String rewritten = switch (upper) {
        case "CURRENT_DATE", "CURRENT_TIMESTAMP", "CURRENT_DATETIME" -> now(upper);
        case "DATE_SUB", "DATE_ADD" -> "CAST((" + a.get(0) + ") " + (upper.endsWith("SUB") ? "-" : "+") + " "
            + a.get(1) + " AS DATE)";
        case "TIMESTAMP_SUB", "TIMESTAMP_ADD", "DATETIME_SUB", "DATETIME_ADD" -> "((" + a.get(0) + ") "
            + (upper.endsWith("SUB") ? "-" : "+") + " " + a.get(1) + ")";
        case "DATE_DIFF", "TIMESTAMP_DIFF", "DATETIME_DIFF" ->
            "date_diff('" + a.get(2).toLowerCase(Locale.ROOT) + "', " + a.get(1) + ", " + a.get(0) + ")";
        case "DATE_TRUNC" -> "CAST(date_trunc('" + a.get(1).toLowerCase(Locale.ROOT) + "', " + a.get(0) + ") AS DATE)";
        case "TIMESTAMP_TRUNC", "DATETIME_TRUNC" -> "date_trunc('" + a.get(1).toLowerCase(Locale.ROOT) + "', "
            + a.get(0) + ")";
        case "FORMAT_DATE", "FORMAT_TIMESTAMP", "FORMAT_DATETIME" -> "strftime(" + a.get(1) + ", " + a.get(0) + ")";
        case "PARSE_DATE" -> "CAST(strptime(" + a.get(1) + ", " + a.get(0) + ") AS DATE)";
        case "PARSE_TIMESTAMP", "PARSE_DATETIME" -> "strptime(" + a.get(1) + ", " + a.get(0) + ")";
        case "SAFE_DIVIDE" -> "(CASE WHEN (" + a.get(1) + ") = 0 THEN NULL ELSE (" + a.get(0) + ") / ("
            + a.get(1) + ") END)";
        case "DIV" -> "((" + a.get(0) + ") // (" + a.get(1) + "))";
        case "TO_JSON_STRING" -> "CAST(to_json(" + a.get(0) + ") AS VARCHAR)";
        case "GENERATE_UUID" -> "CAST(uuid() AS VARCHAR)";
        case "DATE" -> a.size() == 3 ? "make_date(" + String.join(", ", a) + ")" : "CAST(" + a.get(0) + " AS DATE)";
        case "TIMESTAMP" -> "CAST(" + a.get(0) + " AS TIMESTAMPTZ)";
        case "DATETIME" -> "CAST(" + a.get(0) + " AS TIMESTAMP)";
        case "CAST", "SAFE_CAST" -> (upper.equals("CAST") ? "CAST(" : "TRY_CAST(") + castArgument(a.get(0)) + ")";
        case "EXTRACT" -> extract(a.get(0));
        case "UNNEST" -> null;
        default -> (RENAMED.containsKey(upper) ? RENAMED.get(upper) : name) + "(" + String.join(", ", a) + ")";
      };
      if (rewritten == null) {
        return unnest(nameIndex, a, close, to, out);
      }
      out.append(rewritten);
      return close + 1;
    }

    private int unnest(int nameIndex, List<String> a, int close, int to, StringBuilder out)
        throws UnsupportedSqlException {
      int prev = prevCode(nameIndex);
      boolean inFrom = prev >= 0 && (t.get(prev).is(",") || t.get(prev).is("JOIN") || t.get(prev).is("FROM"));
      out.append("UNNEST(").append(String.join(", ", a)).append(")");
      int i = nextCode(close + 1, to);
      if (!inFrom) {
        return close + 1;
      }
      if (i < to && t.get(i).is("AS")) {
        i = nextCode(i + 1, to);
      }
      if (i < to && t.get(i).kind() == Kind.WORD && !isClauseWord(t.get(i).text())) {
        String alias = t.get(i).text();
        out.append(" AS _unnest_").append(alias).append('(').append(alias).append(')');
        int after = nextCode(i + 1, to);
        if (after < to && t.get(after).is("WITH")) {
          throw unsupported(t.get(after), "UNNEST … WITH OFFSET");
        }
        return i + 1;
      }
      return close + 1;
    }

    private String castArgument(String arg) {
      int as = arg.toUpperCase(Locale.ROOT).lastIndexOf(" AS ");
      if (as < 0) {
        return arg;
      }
      String type = arg.substring(as + 4).strip().toUpperCase(Locale.ROOT);
      return arg.substring(0, as) + " AS " + TYPES.getOrDefault(type, arg.substring(as + 4).strip());
    }

    private String extract(String arg) {
      String upper = arg.toUpperCase(Locale.ROOT);
      if (upper.startsWith("DAYOFWEEK ")) {
        return "(EXTRACT(" + arg + ") + 1)";
      }
      if (upper.startsWith("DATE FROM ")) {
        return "CAST(" + arg.substring(10) + " AS DATE)";
      }
      return "EXTRACT(" + arg + ")";
    }

    private boolean isClauseWord(String w) {
      return Set.of("WHERE", "GROUP", "ORDER", "LIMIT", "JOIN", "LEFT", "RIGHT", "INNER", "CROSS", "FULL", "ON",
          "WINDOW", "QUALIFY", "HAVING", "UNION", "WITH").contains(w.toUpperCase(Locale.ROOT));
    }

    private int matching(int open, int to) throws UnsupportedSqlException {
      int depth = 0;
      for (int i = open; i < to; i++) {
        if (t.get(i).is("(")) {
          depth++;
        } else if (t.get(i).is(")") && --depth == 0) {
          return i;
        }
      }
      throw unsupported(t.get(open), "an unclosed parenthesis");
    }

    private List<int[]> arguments(int open, int close) {
      List<int[]> out = new ArrayList<>();
      int depth = 0;
      int start = open + 1;
      for (int i = open + 1; i < close; i++) {
        Token tok = t.get(i);
        if (tok.is("(") || tok.is("[")) {
          depth++;
        } else if (tok.is(")") || tok.is("]")) {
          depth--;
        } else if (tok.is(",") && depth == 0) {
          out.add(new int[] {start, i});
          start = i + 1;
        }
      }
      if (close > open + 1) {
        out.add(new int[] {start, close});
      }
      return out;
    }

    private int nextCode(int i, int to) {
      int j = i;
      while (j < to && !t.get(j).code()) {
        j++;
      }
      return j;
    }

    private int prevCode(int i) {
      int j = i - 1;
      while (j >= 0 && !t.get(j).code()) {
        j--;
      }
      return j;
    }

    private UnsupportedSqlException unsupported(Token tok, String what) {
      int line = 1;
      for (int k = 0; k < tok.start(); k++) {
        if (sql.charAt(k) == '\n') {
          line++;
        }
      }
      return new UnsupportedSqlException("The embedded warehouse cannot run " + what + " (line " + line
          + "): it runs BigQuery SQL translated to DuckDB, and this construct has no translation yet.");
    }
  }

  private static String string(String text) {
    if (text.startsWith("\"\"\"") || text.startsWith("'''")) {
      String body = text.substring(3, text.length() - 3);
      return "'" + body.replace("'", "''") + "'";
    }
    char first = Character.toLowerCase(text.charAt(0));
    if (first == 'r' || first == 'b') {
      String body = text.substring(2, text.length() - 1);
      return "'" + body.replace("'", "''") + "'";
    }
    String body = text.substring(1, text.length() - 1);
    if (text.charAt(0) == '"') {
      body = body.replace("\\\"", "\"").replace("'", "''");
    } else {
      body = body.replace("\\'", "''");
    }
    return "'" + body + "'";
  }
}
