package corpus.gdpr.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidatorsTest {

  @ParameterizedTest(name = "email {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      anna.schmidt@example.de      | true
      j+tag@mail.example.co.uk     | true
      josé@exämple.es              | true
      plainaddress                 | false
      @example.com                 | false
      a@b                          | false
      a..b@example.com             | false
      a@-example.com               | false
      a@example.c                  | false
      two@@example.com             | false
      user@example.com.            | false
      """)
  void emailSyntax(String value, boolean valid) {
    assertThat(EmailSyntax.isValid(value)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "ip {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      192.168.0.1                  | true
      0.0.0.0                      | true
      255.255.255.255              | true
      256.1.1.1                    | false
      01.2.3.4                     | false
      1.2.3                        | false
      2001:db8::1                  | true
      ::1                          | true
      ::                           | true
      fe80::1%eth0                 | true
      ::ffff:192.0.2.128           | true
      2001:0db8:85a3:0000:0000:8a2e:0370:7334 | true
      2001:db8::1::2               | false
      12345::1                     | false
      1:2:3:4:5:6:7:8:9            | false
      2024.11.22                   | false
      """)
  void ipAddresses(String value, boolean valid) {
    assertThat(IpAddresses.isValid(value)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "iban {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      DE89 3704 0044 0532 0130 00  | true
      GB82WEST12345698765432       | true
      FR1420041010050500013M02606  | true
      ES9121000418450200051332     | true
      DE89 3704 0044 0532 0130 01  | false
      DE8937040044053201300        | false
      XX89370400440532013000       | false
      """)
  void ibanMod97(String value, boolean valid) {
    assertThat(Iban.isValid(value)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "card {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      4111 1111 1111 1111          | true
      5555-5555-5555-4444          | true
      378282246310005              | true
      6011111111111117             | true
      4111 1111 1111 1112          | false
      1234567812345670             | false
      2024                         | false
      0000000000000000             | false
      """)
  void paymentCards(String value, boolean valid) {
    assertThat(PaymentCards.isValid(value)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "phone {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      +49 30 901820                | true
      +33 1 42 68 53 00            | true
      0049 151 23456789            | true
      030 901820                   | true
      +44 20 7946 0958             | true
      4915123456789                | false
      12345                        | false
      +49 123                      | false
      call me                      | false
      (030) 901820                 | true
      0171 2345678                 | true
      06 12 34 56 78               | true
      06.12.34.56.78               | true
      (415) 555-2671               | true
      415.555.2671                 | true
      +1 415 555 2671              | true
      12.50                        | false
      1234.50                      | false
      123456.78                    | false
      -123456.5                    | false
      1700000000.123               | false
      1.5e3                        | false
      2024-03-01                   | false
      2024/03/01                   | false
      01.03.2024                   | false
      03/01/2024                   | false
      2.10.12.345                  | false
      1.12.1234                    | false
      4.21.0-beta                  | false
      1.234.567                    | false
      192.168.1.1                  | false
      1234567                      | false
      0123456                      | false
      123-456                      | false
      """)
  void phoneNumbers(String value, boolean valid) {
    assertThat(new PhoneNumbers().isValid(value)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "birth date {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1985-03-12                   | true
      1985-03-12T00:00:00Z         | true
      12.03.1985                   | true
      1905-01-01                   | false
      2027-01-01                   | false
      1985-02-30                   | false
      1985                         | true
      not a date                   | false
      """)
  void plausibleBirthDates(String value, boolean plausible) {
    BirthDates dates = new BirthDates(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));
    assertThat(dates.isPlausible(value)).isEqualTo(plausible);
  }

  @ParameterizedTest(name = "digest {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      5d41402abc4b2a76b9719d911017c592                                 | true
      aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d                         | true
      2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 | true
      LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=                     | true
      5d41402abc4b2a76b9719d911017c59                                  | false
      hello world                                                      | false
      """)
  void digests(String value, boolean digest) {
    assertThat(Identifiers.isDigest(value)).isEqualTo(digest);
  }
}
