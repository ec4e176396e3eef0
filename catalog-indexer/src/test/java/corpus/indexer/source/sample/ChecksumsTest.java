package corpus.indexer.source.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecksumsTest {

  @ParameterizedTest
  @CsvSource(textBlock = """
      DE, 370400440532013000,         DE89370400440532013000
      GB, WEST12345698765432,         GB82WEST12345698765432
      FR, 20041010050500013M02606,    FR1420041010050500013M02606
      NL, ABNA0417164300,             NL91ABNA0417164300
      """)
  void computesTheCheckDigitsOfPublishedExampleIbans(String country, String bban, String iban) {
    assertThat(Checksums.iban(country, bban)).isEqualTo(iban);
    assertThat(Checksums.ibanValid(iban)).isTrue();
    assertThat(Checksums.ibanValid(iban.substring(0, 2) + "00" + iban.substring(4))).isFalse();
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      411111111111111, 4111111111111111
      555555555555444, 5555555555554444
      7992739871,      79927398713
      """)
  void appendsTheLuhnCheckDigit(String payload, String number) {
    assertThat(Checksums.withLuhn(payload)).isEqualTo(number);
    assertThat(Checksums.luhnValid(number)).isTrue();
  }
}
