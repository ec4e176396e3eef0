package corpus.indexer.source.sample;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes synthetic {@link Person}s from a seeded random source: same seed, same people. Each
 * person's values are consistent with their country (names, city, postcode format, phone
 * numbering plan, IBAN layout).
 */
final class PersonFactory {

  private static final List<String> DOMAINS = List.of(
      "example.com", "example.org", "example.net", "mail.example.com", "post.example.net",
      "inbox.example.org");
  private static final String EIRCODE_CHARS = "0123456789ACDEFHKNPRTVWXY";
  private static final String GB_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
  private static final String NL_LETTERS = "ABCEGHJKLMNPRTVWXZ";

  private final SplittableRandom random;
  private final Set<String> emails = new HashSet<>();

  PersonFactory(SplittableRandom random) {
    this.random = random;
  }

  /** A person living in {@code country} (an ISO code of {@link CountryProfile#ALL}). */
  Person create(int pid, String country) {
    CountryProfile p = CountryProfile.of(country);
    boolean female = random.nextInt(100) < 50;
    String first = pick(female ? p.femaleNames() : p.maleNames());
    String last = pick(p.lastNames());
    String gender = random.nextInt(100) < 2 ? "x" : female ? "f" : "m";
    LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(skewedYoung(21_000));
    CountryProfile.City city = pick(p.cities());
    String prefix = pick(city.postcodePrefixes());
    String street = street(country, pick(p.streets()), 1 + random.nextInt(180));
    String bank = "Bank" + (char) ('A' + random.nextInt(6));
    return new Person(
        pid, first, last, gender, birth, country, p.language(), city.name(), street,
        postcode(country, prefix), email(first, last, birth), phone(country),
        country.equals("US") ? null : iban(country), bic(country), bankName(country, bank),
        ipv4(), ipv6(), uuid(), hex(16), card(), null).withCardBrand();
  }

  /** Picks a country by the listener weights of Soundwave's markets. */
  String marketCountry() {
    int[] weights = {24, 8, 12, 14, 7, 9, 8, 6, 4, 8};
    int r = random.nextInt(100);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return CountryProfile.ALL.get(i).code();
      }
    }
    return "DE";
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private long skewedYoung(int days) {
    double u = random.nextDouble();
    return (long) (days * Math.sqrt(u));
  }

  private String digits(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    return b.toString();
  }

  private String hex(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(Character.forDigit(random.nextInt(16), 16));
    }
    return b.toString();
  }

  String uuid() {
    String h = hex(32).toUpperCase(Locale.ROOT);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-"
        + "89AB".charAt(random.nextInt(4)) + h.substring(17, 20) + "-" + h.substring(20);
  }

  String hexToken(int n) {
    return hex(n);
  }

  private static String street(String country, String name, int number) {
    return switch (country) {
      case "FR", "GB", "IE", "US" -> number + " " + name;
      case "ES", "IT" -> name + ", " + number;
      default -> name + " " + number;
    };
  }

  private String postcode(String country, String prefix) {
    return switch (country) {
      case "DE", "FR", "ES", "IT", "US" -> prefix + digits(5 - prefix.length());
      case "NL" -> prefix + digits(2) + " " + NL_LETTERS.charAt(random.nextInt(NL_LETTERS.length()))
          + NL_LETTERS.charAt(random.nextInt(NL_LETTERS.length()));
      case "GB" -> prefix + " " + random.nextInt(10)
          + GB_INWARD_LETTERS.charAt(random.nextInt(GB_INWARD_LETTERS.length()))
          + GB_INWARD_LETTERS.charAt(random.nextInt(GB_INWARD_LETTERS.length()));
      case "SE" -> prefix + " " + digits(2);
      case "PL" -> prefix + "-" + digits(3);
      case "IE" -> {
        StringBuilder b = new StringBuilder(prefix).append(' ');
        b.append(EIRCODE_CHARS.charAt(10 + random.nextInt(EIRCODE_CHARS.length() - 10)));
        for (int i = 0; i < 3; i++) {
          b.append(EIRCODE_CHARS.charAt(random.nextInt(EIRCODE_CHARS.length())));
        }
        yield b.toString();
      }
      default -> throw new IllegalArgumentException(country);
    };
  }

  private String email(String first, String last, LocalDate birth) {
    String f = ascii(first);
    String l = ascii(last);
    String domain = pick(DOMAINS);
    String local = switch (random.nextInt(5)) {
      case 0 -> f + "." + l;
      case 1 -> f + l + String.format(Locale.ROOT, "%02d", birth.getYear() % 100);
      case 2 -> f.charAt(0) + "." + l;
      case 3 -> f + "_" + l;
      default -> f + "." + l + (1 + random.nextInt(99));
    };
    String email = local + "@" + domain;
    while (!emails.add(email)) {
      email = local + (1 + random.nextInt(999)) + "@" + domain;
    }
    return email;
  }

  /** Lower-case ASCII of a name, as people type it into an e-mail address. */
  static String ascii(String name) {
    String s = name.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("ł", "l").replace("ø", "o");
    s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return s.replaceAll("[^a-z]", "");
  }

  /** A mobile number valid in the country's numbering plan. */
  Person.Phone phone(String country) {
    return switch (country) {
      case "DE" -> phone("49", "151", digits(8), "0151 %2$s", "+49 151 %2$s");
      case "NL" -> phone("31", "6" + "123458".charAt(random.nextInt(6)), digits(7), "06 %1$s%2$s", "+31 6 %1$s%2$s");
      case "FR" -> {
        String n = "6" + random.nextInt(3) + digits(7);
        yield new Person.Phone("+33" + n, "+33 " + groups(n, 1, 2, 2, 2, 2),
            "0" + groups(n, 1, 2, 2, 2, 2));
      }
      case "GB" -> {
        String n = "74" + random.nextInt(5) + digits(7);
        yield new Person.Phone("+44" + n, "+44 " + n.substring(0, 4) + " " + n.substring(4),
            "0" + n.substring(0, 4) + " " + n.substring(4));
      }
      case "SE" -> {
        String n = "70" + digits(7);
        yield new Person.Phone("+46" + n, "+46 " + groups(n, 2, 3, 2, 2),
            "0" + n.substring(0, 2) + "-" + groups(n.substring(2), 3, 2, 2));
      }
      case "ES" -> {
        String n = "6" + digits(8);
        yield new Person.Phone("+34" + n, "+34 " + groups(n, 3, 3, 3), groups(n, 3, 3, 3));
      }
      case "IT" -> {
        String n = "33" + digits(8);
        yield new Person.Phone("+39" + n, "+39 " + groups(n, 3, 7), groups(n, 3, 7));
      }
      case "PL" -> {
        String n = "50" + digits(7);
        yield new Person.Phone("+48" + n, "+48 " + groups(n, 3, 3, 3), groups(n, 3, 3, 3));
      }
      case "IE" -> {
        String n = "8" + "35679".charAt(random.nextInt(5)) + digits(7);
        yield new Person.Phone("+353" + n, "+353 " + groups(n, 2, 3, 4), "0" + groups(n, 2, 3, 4));
      }
      case "US" -> {
        String area = pick(List.of("212", "312", "415", "617", "206", "512"));
        String exchange;
        do {
          exchange = (2 + random.nextInt(8)) + digits(2);
        } while (exchange.equals("555") || exchange.endsWith("11"));
        String line = digits(4);
        yield new Person.Phone("+1" + area + exchange + line, "+1 " + area + "-" + exchange + "-" + line,
            "(" + area + ") " + exchange + "-" + line);
      }
      default -> throw new IllegalArgumentException(country);
    };
  }

  private static Person.Phone phone(String cc, String prefix, String rest, String national, String intl) {
    return new Person.Phone("+" + cc + prefix + rest, String.format(intl, prefix.substring(1), rest),
        String.format(national, prefix.substring(1), rest));
  }

  private static String groups(String s, int... sizes) {
    StringBuilder b = new StringBuilder();
    int at = 0;
    for (int size : sizes) {
      if (at > 0) {
        b.append(' ');
      }
      b.append(s, at, at + size);
      at += size;
    }
    return b.toString();
  }

  /** An IBAN laid out as the country's BBAN format requires, with valid check digits. */
  String iban(String country) {
    return switch (country) {
      case "DE" -> Checksums.iban("DE", (1 + random.nextInt(8)) + digits(7) + digits(10));
      case "NL" -> Checksums.iban("NL", pick(List.of("ABNA", "INGB", "RABO", "TRIO", "SNSB")) + digits(10));
      case "FR" -> {
        String bank = (1 + random.nextInt(9)) + digits(4);
        String branch = digits(5);
        String account = digits(11);
        yield Checksums.iban("FR", bank + branch + account + Checksums.ribKey(bank, branch, account));
      }
      case "GB" -> Checksums.iban("GB", pick(List.of("NWBK", "BARC", "LOYD", "MIDL")) + digits(6) + digits(8));
      case "IE" -> Checksums.iban("IE", pick(List.of("AIBK", "BOFI")) + digits(6) + digits(8));
      case "SE" -> Checksums.iban("SE", (1 + random.nextInt(9)) + digits(2) + digits(17));
      case "ES" -> Checksums.iban("ES", digits(4) + digits(4) + digits(2) + digits(10));
      case "IT" -> Checksums.iban("IT", (char) ('A' + random.nextInt(26)) + digits(5) + digits(5) + digits(12));
      case "PL" -> Checksums.iban("PL", digits(24));
      default -> throw new IllegalArgumentException("no IBAN in " + country);
    };
  }

  private String bic(String country) {
    String bank = switch (country) {
      case "NL" -> "ABNA";
      case "GB" -> "NWBK";
      case "IE" -> "AIBK";
      default -> "SWBK";
    };
    return bank + country + "2" + (char) ('A' + random.nextInt(26)) + "XXX";
  }

  private static String bankName(String country, String bank) {
    return bank + " " + country;
  }

  /** An IPv4 address from the documentation ranges (RFC 5737): valid syntax, nobody's address. */
  String ipv4() {
    String net = pick(List.of("192.0.2.", "198.51.100.", "203.0.113."));
    return net + (1 + random.nextInt(254));
  }

  /** An IPv6 address from the documentation prefix 2001:db8::/32 (RFC 3849). */
  String ipv6() {
    return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":"
        + Integer.toHexString(random.nextInt(0x10000)) + "::" + Integer.toHexString(1 + random.nextInt(0xffff));
  }

  /** A Luhn-valid card number in a test range of Visa (4...) or Mastercard (51-55...). */
  private String card() {
    return random.nextBoolean()
        ? Checksums.withLuhn("4" + digits(14))
        : Checksums.withLuhn("5" + (1 + random.nextInt(5)) + digits(13));
  }
}
