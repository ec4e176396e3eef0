package corpus.indexer.scd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what owners wrote about an SCD table in free text: a line "Entity key: a, b" (also "key:
 * a, b" after the words "type 2") and sentences saying whether gaps are allowed. Shared by the
 * description, label and design-document readers of {@link ScdRecognizer}.
 */
final class Declarations {

  private static final String NAME = "`?[A-Za-z_]\\w*`?";
  private static final Pattern ENTITY_KEY = Pattern.compile("(?i)\\b(?:entity|business|natural)[ _-]key\\s*(?:is|:|=)\\s*("
      + NAME + "(?:\\s*(?:,|\\band\\b|\\+)\\s*" + NAME + ")*)");
  private static final Pattern KEY_MENTION = Pattern.compile("(?i)\\b(?:entity|business|natural)[ _-]key\\b(?!\\s*(?:is|:|=))");
  private static final Pattern NOT_ALLOWED = Pattern.compile(
      "(?i)\\b(?:gaps?\\s+(?:are|is)\\s+not\\s+allowed|no\\s+gaps?\\s+(?:are\\s+)?allowed|gaps?\\s+(?:are|is)\\s+(?:forbidden|not\\s+permitted)|without\\s+(?:gaps|holes))\\b");
  private static final Pattern ALLOWED = Pattern.compile(
      "(?i)\\bgaps?\\s+(?:are|is)\\s+(?:allowed|permitted|expected)\\b");

  private Declarations() {}

  /** The key columns named after "Entity key:" in the text, in order; empty when none. */
  static List<String> entityKey(String text) {
    if (text == null || !containsIgnoreCase(text, "key")) {
      return List.of();
    }
    Matcher m = ENTITY_KEY.matcher(text);
    if (!m.find()) {
      return List.of();
    }
    return columns(m.group(1));
  }

  /** True when a field description calls the field (part of) the entity key. */
  static boolean mentionsKey(String fieldDescription) {
    return fieldDescription != null && containsIgnoreCase(fieldDescription, "key")
        && KEY_MENTION.matcher(fieldDescription).find();
  }

  /** Column names in a list such as {@code `track_id`, territory and plan}. */
  static List<String> columns(String list) {
    List<String> out = new ArrayList<>();
    for (String part : list.split("\\s*(?:,|;|\\band\\b|--|\\s)\\s*")) {
      String name = part.replace("`", "").strip();
      if (name.endsWith(".")) {
        name = name.substring(0, name.length() - 1);
      }
      if (!name.isEmpty() && name.matches("[A-Za-z_][\\w]*")) {
        out.add(name.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** Whether the text says gaps are allowed or not; empty when it says neither. */
  static Optional<GapPolicy> gaps(String text) {
    if (text == null || !containsIgnoreCase(text, "gap") && !containsIgnoreCase(text, "without")) {
      return Optional.empty();
    }
    if (NOT_ALLOWED.matcher(text).find()) {
      return Optional.of(GapPolicy.NOT_ALLOWED);
    }
    if (ALLOWED.matcher(text).find()) {
      return Optional.of(GapPolicy.ALLOWED);
    }
    return Optional.empty();
  }

  /**
   * Whether {@code text} contains {@code word} (lower case) in any case: a test much cheaper than
   * the case-insensitive patterns above, run first since the indexer reads every description and
   * design document of every SCD table and few of them declare anything.
   */
  static boolean containsIgnoreCase(String text, String word) {
    char lower = word.charAt(0);
    char upper = Character.toUpperCase(lower);
    for (int i = 0, last = text.length() - word.length(); i <= last; i++) {
      char c = text.charAt(i);
      if ((c == lower || c == upper) && text.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /** A label value such as {@code allowed}, {@code true}, {@code no}: the policy it states. */
  static Optional<GapPolicy> gapLabel(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "allowed", "true", "yes", "ok" -> Optional.of(GapPolicy.ALLOWED);
      case "not_allowed", "not-allowed", "false", "no", "forbidden", "none" -> Optional.of(GapPolicy.NOT_ALLOWED);
      default -> Optional.empty();
    };
  }
}
