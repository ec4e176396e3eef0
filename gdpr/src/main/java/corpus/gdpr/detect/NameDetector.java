package corpus.gdpr.detect;

import corpus.gdpr.taxonomy.Category;
import corpus.gdpr.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Suggests categories from a field's name: the tokens of its whole path are matched against the
 * taxonomy's terms, and the words around each match decide what it means.
 *
 * <ul>
 *   <li>a strong term supports its category with {@link #STRONG};
 *   <li>a count prefix before it ({@code n_emails}, {@code has_phone}) or an attribute word after it
 *       ({@code email_verified}, {@code ip_country}) contradicts the category: the field describes
 *       the thing, it does not hold it (Art. 9/10 categories keep flags and counts);
 *   <li>a hash cue anywhere else in the name ({@code email_sha256}) turns it into {@code hashed_id};
 *   <li>a weak term ({@code name}, {@code address}, {@code id}) supports with {@link #PERSON_NOUN}
 *       after a person noun ({@code customer_name}), is contradicted after a thing noun ({@code
 *       product_name}), and alone is worth only {@link #BARE_WEAK} so that table context decides;
 *   <li>a person noun followed by an id word ({@code listener_key}) supports {@code user_id}.
 * </ul>
 */
public final class NameDetector {

  /** Weight of a strong term, e.g. {@code email}: right about 85% of the time on its own. */
  public static final double STRONG = 0.85;
  /** Weight of a weak term after a person noun, e.g. {@code customer_name}. */
  public static final double PERSON_NOUN = 0.8;
  /** Weight of a weak term that is the whole field name, e.g. {@code name}. */
  public static final double BARE_WEAK = 0.35;
  /** Weight of a weak term among other words, e.g. {@code name_en}. */
  public static final double OTHER_WEAK = 0.2;
  /** Contradiction weight of a count or flag prefix. */
  public static final double COUNT_PREFIX = 0.95;
  /** Contradiction weight of an attribute word after the term. */
  public static final double ATTRIBUTE = 0.9;
  /** Contradiction weight of a thing noun before a weak term. */
  public static final double THING_NOUN = 0.9;

  static final String DETECTOR = "name";

  private final Taxonomy taxonomy;
  private final Lexicon lexicon;
  private final TermIndex terms;

  public NameDetector(Taxonomy taxonomy, Lexicon lexicon) {
    this.taxonomy = taxonomy;
    this.lexicon = lexicon;
    java.util.Set<String> rests = new java.util.HashSet<>(lexicon.attributeSuffixes());
    rests.addAll(lexicon.idSuffixes());
    rests.addAll(lexicon.hashCues());
    rests.addAll(List.of("address", "adresse", "addr", "number", "nummer"));
    this.terms = new TermIndex(taxonomy, rests);
  }

  TermIndex terms() {
    return terms;
  }

  /** Signals from the name of {@code field}. */
  public List<Signal> detect(FieldContext field) {
    List<String> tokens = NameTokens.of(field.fieldPath());
    List<Signal> out = new ArrayList<>();
    List<TermIndex.Match> matches = new ArrayList<>(terms.find(tokens));
    matches.addAll(subjectIdMatches(tokens, matches));
    int leafStart = tokens.size() - NameTokens.of(field.leafName()).size();
    for (TermIndex.Match m : matches) {
      out.addAll(judge(field, tokens, leafStart, m, matches));
    }
    return out;
  }

  private List<Signal> judge(FieldContext field, List<String> tokens, int leafStart, TermIndex.Match m,
      List<TermIndex.Match> all) {
    Category c = m.term().category();
    String name = field.fieldPath();
    String matched = "'" + m.matchedText(tokens) + "'";
    String what = c.label().toLowerCase(java.util.Locale.ROOT);
    boolean special = c.group().isSpecial();

    String prev = previousWord(tokens, m.start());
    if (prev != null && lexicon.countPrefixes().contains(prev) && !special) {
      return List.of(Signal.contradicts(DETECTOR, c.id(), COUNT_PREFIX,
          "'" + prev + "' before " + matched + " in '" + name + "' makes it a count or a flag about the "
              + what + ", not the " + what + " itself"));
    }
    Set<String> attributes = special ? lexicon.specialAttributeSuffixes() : lexicon.attributeSuffixes();
    String attribute = attributes.contains(m.remainder()) ? m.remainder() : null;
    for (int k = m.end(); k < tokens.size() && attribute == null; k++) {
      if (attributes.contains(tokens.get(k))) {
        attribute = tokens.get(k);
      }
    }
    if (attribute != null) {
      return List.of(Signal.contradicts(DETECTOR, c.id(), ATTRIBUTE,
          "'" + attribute + "' after " + matched + " in '" + name + "' describes an attribute of the "
              + what + ", not the " + what + " itself"));
    }
    String hashCue = hashCue(tokens, m);
    if (hashCue != null && c.isPersonal() && !special && !Taxonomy.FREE_TEXT.equals(c.id())) {
      return List.of(Signal.supports(DETECTOR, Taxonomy.HASHED_ID, "HASHED_" + c.infoType(), STRONG,
          "name '" + name + "' holds " + matched + " (" + what + ") with hash cue '" + hashCue
              + "': a pseudonymous identifier"));
    }
    if (m.end() <= leafStart && all.stream().noneMatch(o -> o.end() > leafStart && o.term().category().equals(c))) {
      return List.of(Signal.supports(DETECTOR, c.id(), c.infoType(), OTHER_WEAK,
          "'" + field.leafName() + "' is a part of the " + matched + " record, not necessarily a " + what));
    }
    if (!m.term().weak()) {
      return List.of(Signal.supports(DETECTOR, c.id(), c.infoType(), STRONG,
          "name '" + name + "' contains " + matched + " (" + what + ")"));
    }
    for (TermIndex.Match parent : all) {
      if (parent != m && parent.end() <= leafStart && m.start() >= leafStart
          && parent.term().category().id().equals(c.id())) {
        return List.of(Signal.supports(DETECTOR, c.id(), c.infoType(), PERSON_NOUN,
            "name '" + name + "': " + matched + " of a '" + parent.matchedText(tokens) + "' record"));
      }
    }
    if (prev != null && lexicon.subjectNouns().contains(prev)) {
      return List.of(Signal.supports(DETECTOR, c.id(), c.infoType(), PERSON_NOUN,
          "name '" + name + "': " + matched + " of a person ('" + prev + "')"));
    }
    if (prev != null && lexicon.thingNouns().contains(prev)) {
      return List.of(Signal.contradicts(DETECTOR, c.id(), THING_NOUN,
          "name '" + name + "': " + matched + " of a " + prev + ", not of a person"));
    }
    boolean wholeLeaf = m.start() <= leafStart && onlyDigitsAfter(tokens, m.end());
    String thing = thingInTableName(field);
    if (wholeLeaf && thing != null) {
      return List.of(Signal.contradicts(DETECTOR, c.id(), THING_NOUN,
          "name '" + name + "' in table '" + field.tableName() + "': " + matched + " of a " + thing + ", not of a person"));
    }
    if (wholeLeaf) {
      return List.of(Signal.supports(DETECTOR, c.id(), c.infoType(), BARE_WEAK,
          "name '" + name + "' is just " + matched + ", which may be a " + what + " (needs context)"));
    }
    return List.of(Signal.supports(DETECTOR, c.id(), c.infoType(), OTHER_WEAK,
        "name '" + name + "' contains the ambiguous word " + matched));
  }

  /** A thing noun in the table's name ({@code genre} in {@code genres}), or {@code null}. */
  private String thingInTableName(FieldContext field) {
    for (String t : NameTokens.of(field.tableName())) {
      String singular = t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
      if (lexicon.thingNouns().contains(t) || lexicon.thingNouns().contains(singular)) {
        return singular;
      }
    }
    return null;
  }

  /** The nearest token before {@code index} that is not a connector such as "of" or "de". */
  private String previousWord(List<String> tokens, int index) {
    for (int k = index - 1; k >= 0; k--) {
      if (!lexicon.connectors().contains(tokens.get(k))) {
        return tokens.get(k);
      }
    }
    return null;
  }

  private String hashCue(List<String> tokens, TermIndex.Match m) {
    if (lexicon.hashCues().contains(m.remainder())) {
      return m.remainder();
    }
    for (int k = 0; k < tokens.size(); k++) {
      if ((k < m.start() || k >= m.end()) && lexicon.hashCues().contains(tokens.get(k))) {
        return tokens.get(k);
      }
    }
    return null;
  }

  private static boolean onlyDigitsAfter(List<String> tokens, int from) {
    for (int k = from; k < tokens.size(); k++) {
      if (!tokens.get(k).chars().allMatch(Character::isDigit)) {
        return false;
      }
    }
    return true;
  }

  /** Person noun + id word ({@code listener_key}) or + hash cue ({@code customer_hash}). */
  private List<TermIndex.Match> subjectIdMatches(List<String> tokens, List<TermIndex.Match> taken) {
    List<TermIndex.Match> out = new ArrayList<>();
    Category userId = taxonomy.category("user_id").orElse(null);
    if (userId == null) {
      return out;
    }
    for (int i = 0; i + 1 < tokens.size(); i++) {
      String noun = tokens.get(i);
      String next = tokens.get(i + 1);
      if (!lexicon.subjectNouns().contains(noun) || overlaps(taken, i) || overlaps(taken, i + 1)) {
        continue;
      }
      if (lexicon.idSuffixes().contains(next) || lexicon.hashCues().contains(next)) {
        out.add(new TermIndex.Match(i, lexicon.idSuffixes().contains(next) ? i + 2 : i + 1,
            new TermIndex.Term(userId, noun + " " + next, false), ""));
      }
    }
    return out;
  }

  private static boolean overlaps(List<TermIndex.Match> matches, int index) {
    for (TermIndex.Match m : matches) {
      if (index >= m.start() && index < m.end()) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code name} contains a strong, unqualified term of a direct identifier (for context). */
  boolean namesDirectIdentifier(String name) {
    for (Signal s : detect(FieldContext.of("t", name, null))) {
      if (s.kind() == Signal.Kind.SUPPORTS && s.weight() >= STRONG
          && taxonomy.category(s.category()).map(c -> c.group() == corpus.gdpr.taxonomy.CategoryGroup.DIRECT_IDENTIFIER).orElse(false)) {
        return true;
      }
    }
    return false;
  }
}
