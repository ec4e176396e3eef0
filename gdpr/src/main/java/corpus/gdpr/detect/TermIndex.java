package corpus.gdpr.detect;

import corpus.gdpr.taxonomy.Category;
import corpus.gdpr.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the taxonomy's name terms in a token list, longest first: {@code [e, mail, address]}
 * matches {@code email address}; a term also matches its words written together ({@code
 * firstname}), a simple plural ({@code emails}) and, for strong terms of five letters or more,
 * the start of a compound token whose rest is digits or a known word ({@code email2}, {@code
 * emailverified}, {@code phonenumber}), with the rest kept as {@link Match#remainder()}.
 */
final class TermIndex {

  /** A name term of a category; {@code weak} terms need a person noun or context. */
  record Term(Category category, String text, boolean weak) {}

  /** Tokens {@code [start, end)} matched {@code term}; {@code remainder} is a compound's rest. */
  record Match(int start, int end, Term term, String remainder) {
    String matchedText(List<String> tokens) {
      return String.join("_", tokens.subList(start, end));
    }
  }

  private static final int MIN_COMPOUND_PREFIX = 5;

  private final Map<String, Term> byJoined = new HashMap<>();
  private final int maxWords;
  private final java.util.Set<String> compoundRests;

  /**
   * @param compoundRests words that may follow a term inside one token ({@code verified} in
   *     {@code emailverified})
   */
  TermIndex(Taxonomy taxonomy, java.util.Set<String> compoundRests) {
    this.compoundRests = java.util.Set.copyOf(compoundRests);
    int max = 1;
    for (Category c : taxonomy.categories()) {
      for (String t : c.nameTerms()) {
        max = Math.max(max, add(c, t, false));
      }
      for (String t : c.weakNameTerms()) {
        max = Math.max(max, add(c, t, true));
      }
    }
    this.maxWords = max;
  }

  private int add(Category c, String text, boolean weak) {
    List<String> words = NameTokens.of(text);
    if (words.isEmpty()) {
      return 1;
    }
    String joined = String.join("", words);
    Term existing = byJoined.get(joined);
    if (existing == null || (existing.weak() && !weak)) {
      byJoined.put(joined, new Term(c, String.join(" ", words), weak));
    }
    return words.size();
  }

  /** The term whose words, written together, are {@code joined}; plural-tolerant. */
  Term lookup(String joined) {
    Term t = byJoined.get(joined);
    if (t == null && joined.length() > 3 && joined.endsWith("s")) {
      t = byJoined.get(joined.substring(0, joined.length() - 1));
      if (t == null && joined.endsWith("es")) {
        t = byJoined.get(joined.substring(0, joined.length() - 2));
      }
    }
    return t;
  }

  /** Non-overlapping matches, left to right, longest first. */
  List<Match> find(List<String> tokens) {
    List<Match> out = new ArrayList<>();
    int n = tokens.size();
    int i = 0;
    while (i < n) {
      Match m = matchAt(tokens, i);
      if (m != null) {
        out.add(m);
        i = m.end();
      } else {
        i++;
      }
    }
    return out;
  }

  private Match matchAt(List<String> tokens, int i) {
    int n = tokens.size();
    for (int len = Math.min(maxWords, n - i); len >= 1; len--) {
      StringBuilder joined = new StringBuilder();
      for (int k = i; k < i + len; k++) {
        joined.append(tokens.get(k));
      }
      Term t = lookup(joined.toString());
      if (t != null) {
        return new Match(i, i + len, t, "");
      }
    }
    String token = tokens.get(i);
    for (int k = token.length() - 1; k >= MIN_COMPOUND_PREFIX; k--) {
      Term t = byJoined.get(token.substring(0, k));
      String rest = token.substring(k);
      if (t != null && !t.weak() && (rest.chars().allMatch(Character::isDigit) || compoundRests.contains(rest))) {
        return new Match(i, i + 1, t, token.substring(k));
      }
    }
    return null;
  }
}
