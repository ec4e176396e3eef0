package corpus.gdpr.detect;

/**
 * What a sample of a field's values looked like, as counts only: how many values there were and
 * how many passed each validator. It never holds a value, so it may be stored and logged.
 *
 * @param sampled values read (nulls included)
 * @param nonBlank values that were neither null nor blank
 * @param emails valid e-mail addresses
 * @param ipAddresses IPv4 or IPv6 literals
 * @param phones valid phone numbers
 * @param ibans IBANs passing mod-97
 * @param cards card numbers passing Luhn, length and IIN
 * @param dates values that parse as dates
 * @param plausibleBirthDates dates between 120 years ago and today
 * @param digests hex or base64 digests of hash lengths
 * @param uuids UUIDs
 * @param textLike values that read as prose (at least 20 characters with spaces)
 * @param withEmbeddedIdentifier prose values containing an e-mail, phone number or IBAN
 */
public record ValueProfile(
    int sampled,
    int nonBlank,
    int emails,
    int ipAddresses,
    int phones,
    int ibans,
    int cards,
    int dates,
    int plausibleBirthDates,
    int digests,
    int uuids,
    int textLike,
    int withEmbeddedIdentifier) {

  /** A profile of no values. */
  public static final ValueProfile EMPTY = new ValueProfile(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** {@code count / nonBlank}, or 0 without values. */
  public double rate(int count) {
    return nonBlank == 0 ? 0 : (double) count / nonBlank;
  }
}
