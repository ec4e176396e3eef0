package corpus.gdpr.detect;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds words for matching: lower case, accents removed, {@code ß} as {@code ss}. */
public final class Folding {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Folding() {}

  /** {@code "Téléphone"} becomes {@code "telephone"}, {@code "Straße"} becomes {@code "strasse"}. */
  public static String fold(String s) {
    String decomposed = Normalizer.normalize(s.replace("ß", "ss").replace("ẞ", "SS"), Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
