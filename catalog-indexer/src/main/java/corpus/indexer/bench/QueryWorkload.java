package corpus.indexer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A fixed, seeded mix of the queries people type into a catalog: single words, several words,
 * filters, exact table and field names, typos and as-you-type prefixes.
 */
public final class QueryWorkload {

  /** One query of the mix and its category, for per-category figures. */
  public record Query(String category, String text) {}

  private static final List<String> WORDS = List.of(
      "user", "account", "track", "album", "artist", "creator", "playlist", "device", "session", "payment",
      "subscription", "campaign", "event", "play", "stream", "royalty", "label", "territory", "podcast", "revenue",
      "listeners", "country", "daily", "history", "metrics", "status", "email", "platform", "score", "invoice");
  private static final List<String> FILTERS = List.of(
      "kind:table", "tier:gold", "type:string", "partitioned:true", "scd:true", "kind:field", "label:tier=silver", "-raw");

  private QueryWorkload() {}

  /** {@code n} queries; {@code names} are real table and field names of the corpus for exact/prefix queries. */
  public static List<Query> generate(long seed, int n, List<String> names) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Query> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(100);
      if (kind < 20) {
        out.add(new Query("single", word(r)));
      } else if (kind < 45) {
        out.add(new Query("multi", word(r) + " " + word(r) + (r.nextBoolean() ? " " + word(r) : "")));
      } else if (kind < 60) {
        out.add(new Query("filter", word(r) + " " + FILTERS.get(r.nextInt(FILTERS.size()))));
      } else if (kind < 75 && !names.isEmpty()) {
        out.add(new Query("exact", names.get(r.nextInt(names.size()))));
      } else if (kind < 85) {
        out.add(new Query("typo", typo(r, word(r))));
      } else {
        String w = names.isEmpty() ? word(r) : names.get(r.nextInt(names.size()));
        out.add(new Query("prefix", w.substring(0, Math.min(w.length(), 2 + r.nextInt(5)))));
      }
    }
    return out;
  }

  /** Prefixes of real names, 1 to 6 characters, for autocompletion. */
  public static List<String> prefixes(long seed, int n, List<String> names) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5eed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String w = names.isEmpty() ? word(r) : names.get(r.nextInt(names.size()));
      out.add(w.substring(0, Math.min(w.length(), 1 + r.nextInt(6))).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static String word(SplittableRandom r) {
    return WORDS.get(r.nextInt(WORDS.size()));
  }

  /** Swaps two adjacent letters, the most common typing error. */
  static String typo(SplittableRandom r, String w) {
    if (w.length() < 4) {
      return w;
    }
    int i = 1 + r.nextInt(w.length() - 2);
    char[] c = w.toCharArray();
    char t = c[i];
    c[i] = c[i + 1];
    c[i + 1] = t;
    return new String(c);
  }
}
