package corpus.indexer.source.sample;

import static corpus.indexer.source.sample.SampleFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The personal data planted in the sample has the shapes and validity detectors look for, the
 * decoys are there, and the ground-truth file lists every field.
 */
class SamplePersonalDataTest {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  @Test
  void everyIbanPassesTheMod97Check() throws Exception {
    try (Connection c = SampleFixture.connect()) {
      List<String> ibans = strings(c, """
          SELECT sepa_mandate.iban FROM users.subscriptions WHERE sepa_mandate IS NOT NULL
          UNION ALL SELECT iban FROM royalties.payee_bank_accounts WHERE iban IS NOT NULL
          UNION ALL SELECT iban FROM raw_events.payment_events WHERE iban IS NOT NULL""");

      assertThat(ibans).hasSizeGreaterThan(100);
      assertThat(ibans).allMatch(iban -> iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}") && mod97(iban) == 1);
    }
  }

  @Test
  void everyCardNumberPassesTheLuhnCheck() throws Exception {
    try (Connection c = SampleFixture.connect()) {
      List<String> cards = strings(c, "SELECT card.number FROM raw_events.payment_events WHERE card IS NOT NULL");

      assertThat(cards).hasSizeGreaterThan(100);
      assertThat(cards).allMatch(SamplePersonalDataTest::luhn);
    }
  }

  @Test
  void everyPhoneNumberIsValidInItsCountry() throws Exception {
    try (Connection c = SampleFixture.connect()) {
      Map<String, String> phones = new LinkedHashMap<>();
      for (String sql : List.of(
          "SELECT phone_number, country FROM users.user_accounts WHERE phone_number IS NOT NULL",
          "SELECT contact_phone, country FROM creator.creator_accounts",
          "SELECT requester_phone, 'ZZ' FROM support.tickets WHERE requester_phone IS NOT NULL",
          "SELECT phone_number, 'ZZ' FROM support.callback_requests",
          "SELECT phone_number, country FROM raw_events.signup_events",
          "SELECT requester.phone, 'ZZ' FROM raw_support.zendesk_tickets WHERE requester.phone IS NOT NULL")) {
        try (var s = c.createStatement(); var r = s.executeQuery(sql)) {
          while (r.next()) {
            phones.put(r.getString(1), r.getString(2));
          }
        }
      }

      assertThat(phones).hasSizeGreaterThan(1000);
      assertThat(phones.entrySet()).allSatisfy(e -> assertThat(valid(e.getKey(), e.getValue())).as(e.getKey()).isTrue());
    }
  }

  @Test
  void emailAddressesAreWellFormedAndUseReservedExampleDomains() throws Exception {
    try (Connection c = SampleFixture.connect()) {
      List<String> emails = strings(c, """
          SELECT email FROM users.user_accounts WHERE email IS NOT NULL
          UNION ALL SELECT contact_email FROM creator.creator_accounts
          UNION ALL SELECT requester_email FROM support.tickets
          UNION ALL SELECT work_email FROM support.agents
          UNION ALL SELECT email FROM marketing.email_sends
          UNION ALL SELECT contact_email FROM royalties.payee_bank_accounts""");

      assertThat(emails).hasSizeGreaterThan(5000);
      assertThat(emails).allMatch(e -> e.matches("[a-z0-9._+-]+@[a-z0-9.-]+\\.[a-z]+")
          && (e.matches(".*@(.+\\.)?example\\.(com|org|net)") || e.endsWith(".example")));
    }
  }

  @Test
  void ipAddressesComeFromTheDocumentationRanges() throws Exception {
    try (Connection c = SampleFixture.connect()) {
      List<String> ips = strings(c, """
          SELECT signup_ip FROM users.user_accounts WHERE signup_ip IS NOT NULL
          UNION ALL SELECT last_ip FROM users.user_devices
          UNION ALL SELECT client_ip FROM raw_events.app_events""");

      assertThat(ips).allMatch(ip -> ip.matches("(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.\\d{1,3}")
          || ip.matches("2001:db8:[0-9a-f]{1,4}:[0-9a-f]{1,4}::[0-9a-f]{1,4}"));
      assertThat(ips).anyMatch(ip -> ip.contains(":")).anyMatch(ip -> ip.contains("."));
    }
  }

  @Test
  void supportTicketTextContainsEmailsAndPhoneNumbers() throws Exception {
    try (Connection c = SampleFixture.connect()) {
      List<String> bodies = strings(c, "SELECT body FROM support.tickets");

      assertThat(bodies.stream().filter(b -> b.matches("(?s).*[a-z0-9._]+@[a-z.]+\\.[a-z]+.*")).count()).isGreaterThan(300);
      assertThat(bodies.stream().filter(b -> b.matches("(?s).*(\\+\\d{2}[\\d ]{8,}|0\\d{2,4}[ -]?\\d{3}).*")).count()).isGreaterThan(100);
      assertThat(bodies).anyMatch(b -> !b.contains("@") && !b.matches("(?s).*\\d{6}.*"));
    }
  }

  @Test
  void decoysLookPersonalButAreNot() throws Exception {
    Map<String, String> truth = truth();
    try (Connection c = SampleFixture.connect()) {
      assertThat(strings(c, "SELECT DISTINCT typeof(email_opt_in) FROM users.user_accounts")).containsExactly("BOOLEAN");
      assertThat(strings(c, "SELECT DISTINCT ip_country FROM users.user_accounts")).allMatch(v -> v.matches("[A-Z]{2}"));
      assertThat(strings(c, "SELECT title FROM catalog.track_metadata")).contains("Emily Watson", "Maria Fernandes");
    }
    assertThat(truth.get("soundwave-prod.users.user_accounts:email_opt_in")).isEqualTo("not_personal");
    assertThat(truth.get("soundwave-prod.users.user_accounts:ip_country")).isEqualTo("not_personal");
    assertThat(truth.get("soundwave-prod.catalog.track_metadata:title")).isEqualTo("not_personal");
    assertThat(truth.get("soundwave-prod.marketing.ad_attribution:ip_country")).isEqualTo("not_personal");
  }

  @Test
  void theTruthFileListsEveryFieldOfTheSampleWithItsPlantedCategory() throws Exception {
    Map<String, String> truth = truth();
    Map<String, String> expected = new HashMap<>();
    SampleSpec spec = SampleResources.spec();
    for (Table t : SampleFixture.crawl().tables) {
      Map<String, String> categories = spec.table(t.id().dataset(), t.id().table()).columns().stream()
          .collect(Collectors.toMap(ColumnSpec::path, ColumnSpec::truthCategory));
      for (Field.Flat f : t.flatFields()) {
        expected.put(t.id() + ":" + f.path(), categories.getOrDefault(f.path(), "not_personal"));
      }
    }

    assertThat(truth).isEqualTo(expected);
    assertThat(Set.copyOf(truth.values())).contains("email", "ip_address", "phone", "person_name", "birth_date",
        "postcode", "device_id", "user_id", "hashed_user_id", "free_text", "health", "iban", "not_personal");
  }

  /** {@code table:field} → category, checking the personal column agrees with the category. */
  private static Map<String, String> truth() throws IOException {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = SamplePersonalDataTest.class.getResourceAsStream("/sample/pii-truth.csv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      assertThat(lines.getFirst()).isEqualTo("table,field,category,personal");
      for (String line : lines.subList(1, lines.size())) {
        String[] p = line.split(",");
        assertThat(p).hasSize(4);
        assertThat(p[3]).isEqualTo(String.valueOf(!p[2].equals("not_personal")));
        assertThat(out.put(p[0] + ":" + p[1], p[2])).as("duplicate " + line).isNull();
      }
    }
    return out;
  }

  private static boolean valid(String number, String country) {
    try {
      String region = number.startsWith("+") ? null : country;
      return PHONES.isValidNumber(PHONES.parse(number, region));
    } catch (NumberParseException e) {
      return false;
    }
  }

  private static int mod97(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    int rest = 0;
    for (char ch : rearranged.toCharArray()) {
      String digits = Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10);
      for (char d : digits.toCharArray()) {
        rest = (rest * 10 + (d - '0')) % 97;
      }
    }
    return rest;
  }

  private static boolean luhn(String number) {
    int sum = 0;
    for (int i = 0; i < number.length(); i++) {
      int d = number.charAt(number.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return number.matches("\\d{13,19}") && sum % 10 == 0;
  }
}
