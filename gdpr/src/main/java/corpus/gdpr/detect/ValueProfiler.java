package corpus.gdpr.detect;

import corpus.gdpr.validate.BirthDates;
import corpus.gdpr.validate.EmailSyntax;
import corpus.gdpr.validate.Iban;
import corpus.gdpr.validate.Identifiers;
import corpus.gdpr.validate.IpAddresses;
import corpus.gdpr.validate.PaymentCards;
import corpus.gdpr.validate.PhoneNumbers;
import java.time.Clock;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the validators over sampled values and keeps only counts ({@link ValueProfile}). Each value
 * is looked at once and dropped: nothing here stores, returns or logs a value. At most {@code
 * maxValues} values are read.
 */
public final class ValueProfiler {

  /** Default bound on the values read per field. */
  public static final int DEFAULT_MAX_VALUES = 1000;

  private static final Pattern IBAN_CANDIDATE = Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]){11,30}\\b");

  private final PhoneNumbers phones;
  private final BirthDates birthDates;
  private final int maxValues;

  public ValueProfiler(PhoneNumbers phones, Clock clock, int maxValues) {
    this.phones = phones;
    this.birthDates = new BirthDates(clock);
    this.maxValues = maxValues;
  }

  public ValueProfiler() {
    this(new PhoneNumbers(), Clock.systemUTC(), DEFAULT_MAX_VALUES);
  }

  /** Counts of what {@code values} contain; the values themselves are forgotten. */
  public ValueProfile profile(Iterable<String> values) {
    int sampled = 0;
    int nonBlank = 0;
    int emails = 0;
    int ips = 0;
    int phoneCount = 0;
    int ibans = 0;
    int cards = 0;
    int dates = 0;
    int plausible = 0;
    int digests = 0;
    int uuids = 0;
    int text = 0;
    int embedded = 0;
    Iterator<String> it = values.iterator();
    while (it.hasNext() && sampled < maxValues) {
      String v = it.next();
      sampled++;
      if (v == null || v.isBlank()) {
        continue;
      }
      nonBlank++;
      String s = v.strip();
      if (EmailSyntax.isValid(s)) {
        emails++;
      }
      if (IpAddresses.isValid(s)) {
        ips++;
      }
      if (phones.isValid(s)) {
        phoneCount++;
      }
      if (Iban.isValid(s)) {
        ibans++;
      }
      if (PaymentCards.isValid(s)) {
        cards++;
      }
      if (birthDates.isDate(s)) {
        dates++;
        if (birthDates.isPlausible(s)) {
          plausible++;
        }
      }
      if (Identifiers.isDigest(s)) {
        digests++;
      }
      if (Identifiers.isUuid(s)) {
        uuids++;
      }
      if (isTextLike(s)) {
        text++;
        if (containsIdentifier(s)) {
          embedded++;
        }
      }
    }
    return new ValueProfile(sampled, nonBlank, emails, ips, phoneCount, ibans, cards, dates, plausible,
        digests, uuids, text, embedded);
  }

  private static boolean isTextLike(String s) {
    return s.length() >= 20 && s.indexOf(' ') > 0;
  }

  private boolean containsIdentifier(String text) {
    for (String word : text.split("[\\s,;:<>()\\[\\]\"']+")) {
      String w = word.replaceAll("[.!?]+$", "");
      if (w.indexOf('@') > 0 && EmailSyntax.isValid(w)) {
        return true;
      }
    }
    Matcher m = IBAN_CANDIDATE.matcher(text);
    while (m.find()) {
      if (Iban.isValid(m.group())) {
        return true;
      }
    }
    return phones.findIn(text);
  }
}
