package corpus.lineage;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects Jinja-templated SQL ({@code {{ }}}, {@code {% %}}) and renders the simple cases with parameters the
 * caller supplies: {@code {{ name }}}, {@code {{ params.name }}}, {@code {{ var('name') }}}, dbt's
 * {@code {{ ref('model') }}} and {@code {{ source('dataset', 'table') }}}; comments {@code {# #}} are dropped.
 * Control blocks ({@code {% if %}} …) are not rendered.
 */
public final class TemplateRenderer {
  private static final Pattern EXPRESSION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}", Pattern.DOTALL);
  private static final Pattern BLOCK = Pattern.compile("\\{%-?.*?-?%}", Pattern.DOTALL);
  private static final Pattern COMMENT = Pattern.compile("\\{#.*?#}", Pattern.DOTALL);
  private static final Pattern CALL =
      Pattern.compile("(ref|source|var)\\s*\\(\\s*(['\"])(.*?)\\2\\s*(?:,\\s*(['\"])(.*?)\\4\\s*)?\\)");
  private static final Pattern NAME = Pattern.compile("(?:params\\.|var\\.)?([A-Za-z_][A-Za-z0-9_.]*)");

  /** The outcome of rendering: the SQL, or why it could not be rendered and at which line. */
  public record Result(String sql, String error, int line) {}

  /** The 1-based line of the first template construct, if the text is templated. */
  public Optional<Integer> firstTemplateLine(String sql) {
    int at = -1;
    for (String marker : new String[] {"{{", "{%", "{#"}) {
      int i = sql.indexOf(marker);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
      }
    }
    return at < 0 ? Optional.empty() : Optional.of(lineOf(sql, at));
  }

  /** Renders {@code sql} with {@code parameters}; the result has an error when something stays unrendered. */
  public Result render(String sql, Map<String, String> parameters) {
    String text = COMMENT.matcher(sql).replaceAll("");
    Matcher block = BLOCK.matcher(text);
    if (block.find()) {
      return new Result(null, "templated SQL: control block " + abbreviate(block.group()) + " cannot be rendered",
          lineOf(text, block.start()));
    }
    Matcher m = EXPRESSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = evaluate(m.group(1), parameters);
      if (value == null) {
        return new Result(null, "templated SQL: no value for " + abbreviate(m.group()), lineOf(text, m.start()));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return new Result(out.toString(), null, 0);
  }

  private static String evaluate(String expression, Map<String, String> parameters) {
    Matcher call = CALL.matcher(expression);
    if (call.matches()) {
      return switch (call.group(1)) {
        case "ref" -> parameters.getOrDefault(call.group(3), call.group(3));
        case "source" -> call.group(5) == null ? call.group(3) : call.group(3) + "." + call.group(5);
        default -> parameters.get(call.group(3));
      };
    }
    Matcher name = NAME.matcher(expression);
    if (name.matches()) {
      String direct = parameters.get(expression);
      return direct != null ? direct : parameters.get(name.group(1));
    }
    return parameters.get(expression);
  }

  private static String abbreviate(String s) {
    String oneLine = s.replaceAll("\\s+", " ");
    return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
