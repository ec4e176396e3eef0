package corpus.app.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The word being typed at the end of a query, and what it may complete to without asking the
 * engine: filter keys ({@code dat} → {@code dataset:}) and filter values known from the last
 * search's facets ({@code dataset:cr} → {@code dataset:creator}).
 */
final class QueryTokens {

  /** Filter keys in the order they are offered, as in docs/search.md. */
  static final List<String> KEYS = List.of(
      "dataset", "project", "kind", "label", "owner", "tier", "type", "pii", "scd", "partitioned",
      "table", "upstream", "downstream");

  private static final List<String> KINDS = List.of("table", "view", "field", "doc", "dataset");
  private static final List<String> BOOLEANS = List.of("true", "false");

  private QueryTokens() {}

  /** The word at the end of the text; empty after a space, null inside a quoted phrase. */
  static String lastToken(String text) {
    if (text == null) {
      return "";
    }
    if (text.chars().filter(c -> c == '"').count() % 2 == 1) {
      return null;
    }
    int start = lastTokenStart(text);
    return text.substring(start);
  }

  /** The text with its last word replaced. */
  static String replaceLast(String text, String replacement) {
    return text.substring(0, lastTokenStart(text)) + replacement;
  }

  private static int lastTokenStart(String text) {
    int i = text.length();
    while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Whether the word is a filter ({@code key:…} with a known key, maybe negated). */
  static boolean isFilter(String token) {
    int colon = token.indexOf(':');
    return colon > 0 && KEYS.contains(strip(token.substring(0, colon)).toLowerCase(Locale.ROOT));
  }

  /** Filter keys the word starts: {@code ow} → {@code owner:}. */
  static List<String> keys(String token) {
    String word = token.toLowerCase(Locale.ROOT);
    if (word.length() < 2 || word.contains(":")) {
      return List.of();
    }
    String sign = word.startsWith("-") ? "-" : "";
    String stem = strip(word);
    return KEYS.stream().filter(k -> k.startsWith(stem) && !k.equals(stem)).map(k -> sign + k + ":").toList();
  }

  /** Values of a filter the word starts, from the facets of the last search. */
  static List<String> values(String token, Map<String, Map<String, Long>> facets) {
    int colon = token.indexOf(':');
    String key = token.substring(0, colon);
    String partial = token.substring(colon + 1).toLowerCase(Locale.ROOT);
    List<String> candidates = switch (strip(key).toLowerCase(Locale.ROOT)) {
      case "kind" -> KINDS;
      case "scd", "partitioned" -> BOOLEANS;
      case "label" -> List.copyOf(facets.getOrDefault("label", Map.of()).keySet());
      case "type" -> facets.getOrDefault("type", Map.of()).keySet().stream()
          .map(t -> t.toLowerCase(Locale.ROOT)).toList();
      case String other when FacetGroups.TITLES.containsKey(other) ->
          List.copyOf(facets.getOrDefault(other, Map.of()).keySet());
      default -> List.of();
    };
    List<String> out = new ArrayList<>();
    for (String value : candidates) {
      String lower = value.toLowerCase(Locale.ROOT);
      if (lower.startsWith(partial) && !lower.equals(partial)) {
        out.add(key + ":" + quoted(value));
      }
    }
    return out;
  }

  private static String strip(String key) {
    return key.startsWith("-") ? key.substring(1) : key;
  }

  private static String quoted(String value) {
    return value.chars().anyMatch(Character::isWhitespace) ? "\"" + value + "\"" : value;
  }
}
