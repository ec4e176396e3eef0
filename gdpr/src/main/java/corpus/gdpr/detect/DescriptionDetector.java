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
 * <p>Descriptions mention personal things all the time ("campaign the e-mail belongs to"), so a
 * mention alone stays below the threshold ({@link #MENTION}); only a description that starts with
 * the term ("E-mail address of the contact person") is worth {@link #LEAD}. A mention is worth
 * {@link #ORIGIN} when named as an origin ("country derived from the IP address") or inside a list
 * of values ("email, chat or phone"); nothing after a count word ("number of e-mails"), before an
 * attribute word ("E-mail template") or before "of" and a thing ("display name of the genre"). A
 * weak term counts only after a person noun ("the customer's name"). A hash word anywhere
 * ("SHA-256 of the e-mail") turns the mention into {@code hashed_id}. Each category gets at most
 * one description signal.
 */
public final class DescriptionDetector {

  /** Weight of a description that starts with the category's term. */
  public static final double LEAD = 0.6;
  /** Weight of a description that mentions the category elsewhere. */
  public static final double MENTION = 0.45;
  /** Weight of a description that names the category only as an origin or in a list of values. */
  public static final double ORIGIN = 0.2;
  /** Weight of a weak term after a person noun. */
  public static final double WEAK_MENTION = 0.3;

  static final String DETECTOR = "description";
  private static final int ORIGIN_WINDOW = 4;
  private static final Set<String> LEAD_ADJECTIVES = Set.of("primary", "main", "secondary", "personal", "private",
      "work", "business", "home", "mobile", "contact", "current", "registered", "full", "given", "legal", "verified",
      "self", "declared", "optional", "first", "last", "latest");
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
    String text = field.description();
    boolean enumeration = text.contains(",") && (text.contains(" or ") || text.contains(" and "))
        && text.length() < 80;
    Map<String, Signal> best = new HashMap<>();
    for (TermIndex.Match m : terms.find(tokens)) {
      Signal s = judge(tokens, m, hashed, enumeration);
      if (s != null) {
        best.merge(s.category(), s, (a, b) -> a.weight() >= b.weight() ? a : b);
      }
    }
    return List.copyOf(best.values());
  }

  private Signal judge(List<String> tokens, TermIndex.Match m, boolean hashed, boolean enumeration) {
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
    String after = m.end() < tokens.size() ? tokens.get(m.end()) : null;
    if (after != null && !c.group().isSpecial() && lexicon.attributeSuffixes().contains(after)) {
      return null;
    }
    String owner = ownerAfter(tokens, m.end());
    if (owner != null && lexicon.thingNouns().contains(owner)) {
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
    if (enumeration) {
      return Signal.supports(DETECTOR, c.id(), c.infoType(), ORIGIN,
          "description mentions " + quoted + " in a list of values");
    }
    if (leads(tokens, m.start())) {
      return Signal.supports(DETECTOR, c.id(), c.infoType(), LEAD, "description starts with " + quoted);
    }
    return Signal.supports(DETECTOR, c.id(), c.infoType(), MENTION, "description mentions " + quoted);
  }

  /** Whether only connectors, person nouns and adjectives ("the customer's primary") precede {@code start}. */
  private boolean leads(List<String> tokens, int start) {
    for (int k = 0; k < start; k++) {
      String t = tokens.get(k);
      if (!lexicon.connectors().contains(t) && !lexicon.subjectNouns().contains(t) && !LEAD_ADJECTIVES.contains(t)) {
        return false;
      }
    }
    return true;
  }

  /** The noun after "of (the)" following a match: "name of the genre" gives "genre". */
  private String ownerAfter(List<String> tokens, int end) {
    if (end >= tokens.size() || !Set.of("of", "des", "du", "de", "del", "der").contains(tokens.get(end))) {
      return null;
    }
    for (int k = end + 1; k < tokens.size(); k++) {
      String t = tokens.get(k);
      if (!lexicon.connectors().contains(t)) {
        return t.endsWith("s") && lexicon.thingNouns().contains(t.substring(0, t.length() - 1))
            ? t.substring(0, t.length() - 1) : t;
      }
    }
    return null;
  }
}
