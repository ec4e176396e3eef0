package corpus.gdpr.detect;

import corpus.gdpr.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a {@link ValueProfile} into signals. A validator that proves a category on its own
 * (e-mail syntax, IP parsing, IBAN mod-97, card Luhn + IIN, phone validity) supports it with
 * {@code strength × match rate} once at least half the values pass. Validators that only
 * corroborate (plausible birth dates, digests, UUIDs) add weight to what the name or description
 * already suggests. A category the metadata suggests but whose validator fails on most of at
 * least {@link #MIN_FOR_CONTRADICTION} values is contradicted. Prose with an embedded e-mail,
 * phone number or IBAN supports {@code free_text}.
 */
public final class ValueDetector {

  /** Fewest non-blank values before values count as evidence at all. */
  public static final int MIN_VALUES = 5;
  /** Fewest non-blank values before a failing validator contradicts the metadata. */
  public static final int MIN_FOR_CONTRADICTION = 10;
  /** Weight of prose values that contain an identifier. */
  public static final double EMBEDDED = 0.6;
  /** Strength of values that all look like digests: below the threshold without a name. */
  public static final double DIGESTS = 0.45;

  static final String DETECTOR = "values";

  /** A validator's category, strength alone, and whether it may suggest on its own. */
  private record Check(String category, String infoType, String what, double strength, boolean standalone,
      double contradiction) {}

  private static final Check EMAIL = new Check("email", "EMAIL_ADDRESS", "valid e-mail addresses", 0.95, true, 0.9);
  private static final Check IP = new Check("ip_address", "IP_ADDRESS", "IPv4/IPv6 addresses", 0.9, true, 0.9);
  private static final Check PHONE = new Check("phone", "PHONE_NUMBER", "valid phone numbers", 0.8, true, 0.6);
  private static final Check IBAN = new Check("iban", "IBAN_CODE", "IBANs passing mod-97", 0.95, true, 0.9);
  private static final Check CARD = new Check("card_number", "CREDIT_CARD_NUMBER",
      "card numbers passing Luhn, length and issuer range", 0.9, true, 0.9);
  private static final Check BIRTH = new Check("birth_date", "DATE_OF_BIRTH",
      "plausible birth dates (not in the future, at most 120 years ago)", 0.3, false, 0.8);
  private static final Set<String> ID_CATEGORIES = Set.of("user_id", "device_id", "cookie_id", "hashed_id");

  private final Taxonomy taxonomy;

  public ValueDetector(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /**
   * Signals from {@code profile}; {@code suggested} are the categories the field's metadata
   * already supports.
   */
  public List<Signal> detect(ValueProfile profile, Set<String> suggested) {
    List<Signal> out = new ArrayList<>();
    if (profile == null || profile.nonBlank() < MIN_VALUES) {
      return out;
    }
    check(out, profile, EMAIL, profile.emails(), suggested);
    check(out, profile, IP, profile.ipAddresses(), suggested);
    check(out, profile, PHONE, profile.phones(), suggested);
    check(out, profile, IBAN, profile.ibans(), suggested);
    check(out, profile, CARD, profile.cards(), suggested);
    check(out, profile, BIRTH, profile.plausibleBirthDates(), suggested);
    if (profile.rate(profile.digests()) >= 0.9 && known(Taxonomy.HASHED_ID)) {
      out.add(Signal.supports(DETECTOR, Taxonomy.HASHED_ID, "HASHED_ID", DIGESTS * profile.rate(profile.digests()),
          counted(profile, profile.digests(), "hex or base64 digests of hash length") + ", as hashed ids are"));
    }
    if (profile.rate(profile.uuids()) >= 0.9) {
      for (String c : suggested) {
        if (ID_CATEGORIES.contains(c)) {
          out.add(Signal.supports(DETECTOR, c, null, 0.3 * profile.rate(profile.uuids()),
              counted(profile, profile.uuids(), "UUIDs") + ", as generated identifiers are"));
        }
      }
    }
    if (profile.textLike() * 2 >= profile.nonBlank() && known(Taxonomy.FREE_TEXT)) {
      if (profile.withEmbeddedIdentifier() > 0) {
        out.add(Signal.supports(DETECTOR, Taxonomy.FREE_TEXT, "FREE_TEXT", EMBEDDED,
            profile.withEmbeddedIdentifier() + " of " + profile.textLike()
                + " sampled text values contain an e-mail address, phone number or IBAN"));
      } else if (suggested.contains(Taxonomy.FREE_TEXT)) {
        out.add(Signal.supports(DETECTOR, Taxonomy.FREE_TEXT, "FREE_TEXT", 0.2,
            counted(profile, profile.textLike(), "prose") + " (no embedded identifier found)"));
      }
    }
    return out;
  }

  private void check(List<Signal> out, ValueProfile p, Check check, int matches, Set<String> suggested) {
    if (!known(check.category())) {
      return;
    }
    double rate = p.rate(matches);
    boolean metadataSays = suggested.contains(check.category());
    if (rate >= 0.5 && (check.standalone() || metadataSays)) {
      out.add(Signal.supports(DETECTOR, check.category(), check.infoType(), check.strength() * rate,
          counted(p, matches, check.what())));
    } else if (metadataSays && rate < 0.5 && p.nonBlank() >= MIN_FOR_CONTRADICTION) {
      out.add(Signal.contradicts(DETECTOR, check.category(), check.contradiction() * (1 - 2 * rate),
          "only " + counted(p, matches, check.what())));
    }
  }

  private boolean known(String category) {
    return taxonomy.category(category).isPresent();
  }

  private static String counted(ValueProfile p, int count, String what) {
    return String.format(Locale.ROOT, "%d of %d sampled values (%.0f%%) are %s", count, p.nonBlank(),
        100 * p.rate(count), what);
  }
}
