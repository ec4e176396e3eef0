package corpus.indexer.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses Corpus's query language: free words, {@code "quoted phrases"}, {@code -excluded} words,
 * and filters {@code key:value} for the keys in {@link #FILTER_KEYS} (a value may be quoted and
 * a filter may be negated, {@code -dataset:raw}).
 *
 * <pre>{@code
 * QuerySyntax.Parsed q = QuerySyntax.parse("creator plays dataset:creator -label:tier=raw");
 * }</pre>
 */
public final class QuerySyntax {

  /** The filter keys users can type, as documented in docs/search.md. */
  public static final Set<String> FILTER_KEYS = Set.of(
      "dataset", "project", "kind", "label", "owner", "tier", "type", "pii", "scd", "partitioned", "table",
      "upstream", "downstream");

  /** A filter such as {@code dataset:creator}; {@code negated} for {@code -dataset:creator}. */
  public record Filter(String key, String value, boolean negated) {}

  /**
   * The parsed query: {@code words} and {@code phrases} to match, {@code excluded} words, the
   * {@code filters}, and whether the text ended inside a word (as-you-type prefix matching).
   */
  public record Parsed(
      List<String> words, List<String> phrases, List<String> excluded, List<Filter> filters, boolean endsInWord) {

    /** The free text without filters, lower-cased, words joined by one space. */
    public String freeText() {
      List<String> all = new ArrayList<>(phrases);
      all.addAll(words);
      return String.join(" ", all).toLowerCase(Locale.ROOT).strip();
    }

    public boolean hasFreeText() {
      return !words.isEmpty() || !phrases.isEmpty();
    }

    /** Filter values by key, in order. */
    public Map<String, List<Filter>> filtersByKey() {
      Map<String, List<Filter>> map = new LinkedHashMap<>();
      for (Filter f : filters) {
        map.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
      }
      return map;
    }
  }

  private QuerySyntax() {}

  public static Parsed parse(String text) {
    List<String> words = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    List<Filter> filters = new ArrayList<>();
    String s = text == null ? "" : text;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean negated = false;
      if (c == '-' && i + 1 < n && !Character.isWhitespace(s.charAt(i + 1))) {
        negated = true;
        i++;
      }
      if (i < n && s.charAt(i) == '"') {
        int end = s.indexOf('"', i + 1);
        String phrase = end < 0 ? s.substring(i + 1) : s.substring(i + 1, end);
        i = end < 0 ? n : end + 1;
        if (!phrase.isBlank()) {
          (negated ? excluded : phrases).add(phrase.strip());
        }
        continue;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        if (s.charAt(i) == ':' && i + 1 < n && s.charAt(i + 1) == '"') {
          int end = s.indexOf('"', i + 2);
          i = end < 0 ? n : end + 1;
          break;
        }
        i++;
      }
      String token = s.substring(start, i);
      int colon = token.indexOf(':');
      if (colon > 0) {
        String key = token.substring(0, colon).toLowerCase(Locale.ROOT);
        if (FILTER_KEYS.contains(key)) {
          String value = token.substring(colon + 1).replace("\"", "").strip();
          if (!value.isEmpty()) {
            filters.add(new Filter(key, value, negated));
          }
          continue;
        }
      }
      if (!token.isEmpty()) {
        (negated ? excluded : words).add(token);
      }
    }
    boolean endsInWord = !s.isEmpty() && !Character.isWhitespace(s.charAt(s.length() - 1)) && !s.endsWith("\"");
    return new Parsed(List.copyOf(words), List.copyOf(phrases), List.copyOf(excluded), List.copyOf(filters), endsInWord);
  }
}
