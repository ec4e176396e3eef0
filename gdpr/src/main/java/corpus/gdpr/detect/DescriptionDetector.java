package corpus.gdpr.detect;

import corpus.gdpr.taxonomy.Category;
import corpus.gdpr.taxonomy.Taxonomy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggests categories from a field's description, in English, German, French or Spanish.
 *
 * <p>A strong term in the description supports its category with {@link #MENTION}; when the
 * description names it as an origin ("country derived from the IP address", "number of e-mails")
 * the mention is worth only {@link #ORIGIN}, or nothing after a count word. A weak term counts
 * only after a person noun ("the customer's name"). A hash word anywhere ("SHA-256 of the e-mail")
 * turns the mention into {@code hashed_id}. Each category gets at most one description signal.
 */
public final class DescriptionDetector {

  /** Weight of a description that names the category. */
  public static final double MENTION = 0.6;
  /** Weight of a description that names the category only as an origin. */
  public static final double ORIGIN = 0.2;
  /** Weight of a weak term after a person noun. */
  public static final double WEAK_MENTION = 0.3;

  static final String DETECTOR = "description";
  private static final int ORIGIN_WINDOW = 4;
  private static final Set<String> ORIGIN_WORDS = Set.of(
      "from", "of", "per", "by", "via", "using", "based", "derived", "on", "about", "aus", "von", "vom",
      "anhand", "par", "depuis", "desde", "por", "segun", "whose", "which");

  private final Lexicon lexicon;
  private final TermIndex terms;

  public DescriptionDetector(Taxonomy taxonomy, Lexicon lexicon, NameDetector names) {
    this.lexicon = lexicon;
    this.terms = names.terms();
    java.util.Objects.requireNonNull(taxonomy);
  }

  /** Signals from the description of {@code field}; none when it has no description. */
  public List<Signal> detect(FieldContext field) {
    if (field.description() == null || field.description().isBlank()) {
      return List.of();
    }
    List<String> tokens = NameTokens.of(field.description());
    boolean hashed = tokens.stream().anyMatch(lexicon.hashCues()::contains);
    Map<String, Signal> best = new HashMap<>();
    for (TermIndex.Match m : terms.find(tokens)) {
      Signal s = judge(tokens, m, hashed);
      if (s != null) {
        best.merge(s.category(), s, (a, b) -> a.weight() >= b.weight() ? a : b);
      }
    }
    return List.copyOf(best.values());
  }

  private Signal judge(List<String> tokens, TermIndex.Match m, boolean hashed) {
    Category c = m.term().category();
    if (!c.isPersonal()) {
      return null;
    }
    String quoted = "'" + String.join(" ", tokens.subList(m.start(), m.end())) + "'";
    String before = null;
    String origin = null;
    for (int k = m.start() - 1; k >= Math.max(0, m.start() - ORIGIN_WINDOW); k--) {
      String t = tokens.get(k);
      if (before == null && !lexicon.connectors().contains(t)) {
        before = t;
      }
      if (origin == null && ORIGIN_WORDS.contains(t)) {
        origin = t;
      }
    }
    if (before != null && lexicon.countPrefixes().contains(before) && !c.group().isSpecial()) {
      return null;
    }
    if (m.term().weak()) {
      if (before == null || !lexicon.subjectNouns().contains(before)) {
        return null;
      }
      return Signal.supports(DETECTOR, c.id(), c.infoType(), WEAK_MENTION,
          "description mentions " + quoted + " of a " + before);
    }
    if (hashed && !c.group().isSpecial() && !Taxonomy.FREE_TEXT.equals(c.id())) {
      return Signal.supports(DETECTOR, Taxonomy.HASHED_ID, "HASHED_" + c.infoType(), MENTION,
          "description mentions a hashed " + quoted);
    }
    if (origin != null) {
      return Signal.supports(DETECTOR, c.id(), c.infoType(), ORIGIN,
          "description mentions " + quoted + " only as an origin ('" + origin + "')");
    }
    return Signal.supports(DETECTOR, c.id(), c.infoType(), MENTION, "description mentions " + quoted);
  }
}
