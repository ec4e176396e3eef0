package corpus.indexer.search;

import corpus.indexer.index.Analyzers;
import corpus.indexer.index.FieldRows;
import corpus.indexer.model.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;

/**
 * Which fields of a table a query matches, and how well: the table's document found the table,
 * this names the fields that made it match (as the result card shows them) and lists fields as
 * results ({@code kind:field}). Words are analysed as the index analyses them: a word matches a
 * field when one of its identifier parts is a part of the field's path (weight {@link
 * LuceneQueries#NAME}) or one of its stemmed forms is a word of the field's description (weight
 * {@link LuceneQueries#DESCRIPTION}); synonyms count less, as in ranking.
 *
 * <pre>{@code
 * FieldMatcher m = new FieldMatcher(QuerySyntax.parse("listener country"), synonyms, false);
 * m.score(row);          // > 0 when the field matches a word
 * m.best(rows, 5);       // paths of the five best matching fields, best first
 * }</pre>
 */
final class FieldMatcher {

  private static final Analyzer IDENTIFIER = Analyzers.identifier();
  private static final Analyzer PROSE_ANALYZER = Analyzers.prose();

  /**
   * One word of the query: its identifier parts and stemmed forms, with the weight of a match, and
   * the first letters of each stemmed form (a description without them cannot match).
   */
  private record Word(Set<String> nameTokens, Set<String> proseTokens, double weight, List<String> proseStarts) {}

  private final List<List<Word>> words = new ArrayList<>();
  private final String whole;
  private final boolean fuzzy;
  private final Set<String> types = new HashSet<>();
  private final Set<String> notTypes = new HashSet<>();
  private final Set<String> categories = new HashSet<>();
  private final Set<String> notCategories = new HashSet<>();
  /**
   * The words of the paths and descriptions searches have looked at, and their lower-cased text:
   * tables share many field names and descriptions, result pages show the same tables again as a
   * query is typed, and analysing prose is the costly part of matching. Bounded: emptied when full.
   */
  private static final WordCache PARTS = new WordCache();
  private static final WordCache PROSE = new WordCache();
  private static final Map<String, String> LOWER = new ConcurrentHashMap<>();

  FieldMatcher(QuerySyntax.Parsed parsed, Synonyms synonyms, boolean fuzzy) {
    this.whole = parsed.freeText();
    this.fuzzy = fuzzy;
    List<String> all = parsed.words().stream().filter(w -> !LuceneQueries.FILLER.contains(w.toLowerCase(Locale.ROOT)))
        .toList();
    if (all.isEmpty()) {
      all = parsed.words();
    }
    for (String w : all) {
      List<Word> alternatives = new ArrayList<>();
      alternatives.add(word(w, 1.0));
      for (String synonym : synonyms.of(w.toLowerCase(Locale.ROOT))) {
        alternatives.add(word(synonym, LuceneQueries.SYNONYM));
      }
      words.add(alternatives);
    }
    for (String phrase : parsed.phrases()) {
      words.add(List.of(word(phrase, 1.0)));
    }
    for (QuerySyntax.Filter f : parsed.filters()) {
      String value = f.value().toLowerCase(Locale.ROOT);
      switch (f.key()) {
        case "type" -> (f.negated() ? notTypes : types).add(Field.normaliseType(value).toLowerCase(Locale.ROOT));
        case "pii" -> (f.negated() ? notCategories : categories).add(value);
        default -> { }
      }
    }
  }

  private static Word word(String text, double weight) {
    Set<String> prose = new HashSet<>(LuceneQueries.analyze(PROSE_ANALYZER, text));
    // stemming changes a word's ending only: its first three letters stand in the text it came from
    List<String> starts = prose.stream().map(t -> t.length() <= 3 ? t : t.substring(0, 3)).distinct().toList();
    return new Word(new HashSet<>(LuceneQueries.analyze(IDENTIFIER, text)), prose, weight, starts);
  }

  /**
   * The words of an identifier path as {@link Analyzers#identifier()} makes them (the whole path
   * lower-cased, and its parts split at {@code _ . $ -}, case changes and digits), without the
   * analysis chain for the plain ASCII names nearly every catalog has.
   */
  static Set<String> identifierParts(String path) {
    Set<String> parts = new HashSet<>();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c > 127 || !(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$' || c == '-')) {
        parts.addAll(LuceneQueries.analyze(IDENTIFIER, path));
        return parts;
      }
    }
    parts.add(path.toLowerCase(Locale.ROOT));
    int start = -1;
    for (int i = 0; i <= path.length(); i++) {
      char c = i < path.length() ? path.charAt(i) : '_';
      boolean boundary = !Character.isLetterOrDigit(c);
      if (!boundary && start >= 0) {
        char p = path.charAt(i - 1);
        boundary = Character.isLowerCase(p) && Character.isUpperCase(c) || Character.isDigit(p) != Character.isDigit(c);
        if (boundary) {
          parts.add(path.substring(start, i).toLowerCase(Locale.ROOT));
          start = i;
          continue;
        }
      }
      if (boundary) {
        if (start >= 0) {
          parts.add(path.substring(start, i).toLowerCase(Locale.ROOT));
        }
        start = -1;
      } else if (start < 0) {
        start = i;
      }
    }
    return parts;
  }

  /** How well the field matches the query's words: 0 for not at all. */
  double score(FieldRows.Row row) {
    if (words.isEmpty()) {
      return 1.0;
    }
    Set<String> name = null;
    Set<String> prose = null;
    String lowerDescription = null;
    double score = 0;
    for (List<Word> alternatives : words) {
      double best = 0;
      for (Word w : alternatives) {
        if (name == null) {
          name = PARTS.of(row.path(), FieldMatcher::identifierParts);
        }
        if (matches(w.nameTokens(), name)) {
          best = Math.max(best, LuceneQueries.NAME * w.weight());
          continue;
        }
        if (row.description() != null && !w.proseTokens().isEmpty()) {
          if (lowerDescription == null) {
            lowerDescription = lower(row.description());
          }
          if (!fuzzy && !containsAny(lowerDescription, w.proseStarts())) {
            continue;
          }
          if (prose == null) {
            prose = PROSE.of(row.description(), d -> Set.copyOf(LuceneQueries.analyze(PROSE_ANALYZER, d)));
          }
          if (matches(w.proseTokens(), prose)) {
            best = Math.max(best, LuceneQueries.DESCRIPTION * w.weight());
          }
        }
      }
      score += best;
    }
    return exact(row) ? score + LuceneQueries.EXACT_QUERY : score;
  }

  private static boolean containsAny(String text, List<String> parts) {
    for (String part : parts) {
      if (text.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static String lower(String text) {
    String lower = LOWER.get(text);
    if (lower == null) {
      if (LOWER.size() >= WordCache.MAX) {
        LOWER.clear();
      }
      lower = text.toLowerCase(Locale.ROOT);
      LOWER.put(text, lower);
    }
    return lower;
  }

  /** Words of texts by text, shared by all searches; emptied when it holds {@link #MAX} texts. */
  private static final class WordCache {
    static final int MAX = 50_000;
    private final Map<String, Set<String>> words = new ConcurrentHashMap<>();

    Set<String> of(String text, java.util.function.Function<String, Set<String>> analyse) {
      Set<String> known = words.get(text);
      if (known != null) {
        return known;
      }
      if (words.size() >= MAX) {
        words.clear();
      }
      Set<String> made = Set.copyOf(analyse.apply(text));
      words.put(text, made);
      return made;
    }
  }

  /** Whether the whole query is the field's name or path (also with spaces for {@code _}). */
  boolean exact(FieldRows.Row row) {
    if (whole.isEmpty()) {
      return false;
    }
    String path = row.path().toLowerCase(Locale.ROOT);
    String leaf = path.substring(path.lastIndexOf('.') + 1);
    return whole.equals(path) || whole.equals(leaf) || whole.equals(path.replace('_', ' '))
        || whole.equals(leaf.replace('_', ' '));
  }

  /** Whether the field has the type and personal-data category the query's filters ask for. */
  boolean passesFilters(FieldRows.Row row) {
    String type = row.type().toLowerCase(Locale.ROOT);
    if (!types.isEmpty() && !types.contains(type) || notTypes.contains(type)) {
      return false;
    }
    if (!categories.isEmpty() && row.categories().stream().noneMatch(categories::contains)) {
      return false;
    }
    return row.categories().stream().noneMatch(notCategories::contains);
  }

  /** Whether the query asks for fields of a type or personal-data category. */
  boolean filtersFields() {
    return !types.isEmpty() || !categories.isEmpty();
  }

  /**
   * The paths of at most {@code max} fields that match the words and pass the field filters, best
   * first (ties: schema order); none when the query has neither words nor field filters.
   */
  List<String> best(List<FieldRows.Row> rows, int max) {
    if (words.isEmpty() && !filtersFields()) {
      return List.of();
    }
    record Scored(String path, double score, int order) {}
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      double s = passesFilters(rows.get(i)) ? score(rows.get(i)) : 0;
      if (s > 0) {
        scored.add(new Scored(rows.get(i).path(), s, i));
      }
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::order));
    return scored.stream().limit(max).map(Scored::path).toList();
  }

  private boolean matches(Set<String> wanted, Set<String> have) {
    for (String w : wanted) {
      if (have.contains(w)) {
        return true;
      }
      if (fuzzy && w.length() >= 4) {
        for (String h : have) {
          if (withinEdits(w, h, w.length() >= 8 ? 2 : 1)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Levenshtein distance of at most {@code max} (the typo tolerance of the fuzzy fallback). */
  static boolean withinEdits(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return false;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > max) {
        return false;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()] <= max;
  }
}
