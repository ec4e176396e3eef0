package corpus.gdpr.taxonomy;

import java.util.Locale;

/**
 * The GDPR-meaningful group a {@link Category} belongs to; every group but {@link #NOT_PERSONAL}
 * is personal data.
 */
public enum CategoryGroup {
  /** Identifies a person directly: name, e-mail, phone, address, ids (Art. 4(1)). */
  DIRECT_IDENTIFIER,
  /** Hashed or tokenised identifiers: pseudonymised, still personal data (Art. 4(5)). */
  PSEUDONYMOUS,
  /** Singles people out in combination: birth date, age, gender, postcode. */
  QUASI_IDENTIFIER,
  /** Art. 9 special categories. */
  SPECIAL_CATEGORY,
  /** Art. 10 criminal convictions and offences. */
  CRIMINAL_OFFENCE,
  /** Bank accounts and payment cards. */
  FINANCIAL,
  /** Free text that may contain personal data. */
  FREE_TEXT,
  /** No personal data. */
  NOT_PERSONAL;

  /** The identifier used in the taxonomy file, e.g. {@code direct_identifier}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a taxonomy-file identifier such as {@code special_category}. */
  public static CategoryGroup fromId(String id) {
    return valueOf(id.strip().toUpperCase(Locale.ROOT));
  }

  public boolean isPersonal() {
    return this != NOT_PERSONAL;
  }

  /** Art. 9 and Art. 10 data, where a flag or a count is itself the sensitive fact. */
  public boolean isSpecial() {
    return this == SPECIAL_CATEGORY || this == CRIMINAL_OFFENCE;
  }
}
