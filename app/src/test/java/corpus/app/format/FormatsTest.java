package corpus.app.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

  private final Formats formats = new Formats(
      Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);

  @ParameterizedTest
  @CsvSource(textBlock = """
      0,             0 B
      1023,          1023 B
      1024,          1.0 KB
      1503238553,    1.4 GB
      214748364800,  200 GB
      5497558138880, 5.0 TB
      """)
  void showsBytesInBinaryUnits(long bytes, String expected) {
    assertThat(Formats.bytes(bytes)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      2026-11-22T11:59:30Z, just now
      2026-11-22T11:00:00Z, 1 hour ago
      2026-11-20T08:30:00Z, 2 days ago
      2026-05-01T00:00:00Z, 6 months ago
      2023-03-01T09:00:00Z, 3 years ago
      2026-12-22T12:00:00Z, in 30 days
      """)
  void showsAgeInTheLargestWholeUnit(String instant, String expected) {
    assertThat(formats.age(Instant.parse(instant))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      7776000000, 90 days
      3600000,    1 hour
      90000,      1 minute
      """)
  void showsExpirationDurations(long millis, String expected) {
    assertThat(Formats.duration(millis)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      2026-11-20T08:30:00Z, 2026-11-20 08:30 (2 days ago)
      """)
  void showsDateTimeWithAge(String instant, String expected) {
    assertThat(formats.dateTime(Instant.parse(instant))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      1234567 | 1,234,567
      12      | 12
      """)
  void showsCountsWithSeparators(long n, String expected) {
    assertThat(Formats.count(n)).isEqualTo(expected);
  }
}
