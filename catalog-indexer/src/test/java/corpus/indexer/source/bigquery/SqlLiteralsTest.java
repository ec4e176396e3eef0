package corpus.indexer.source.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("bigquery")
class SqlLiteralsTest {

  @Test
  void readsStringLiteralsWithEscapesAndRawAndTripleQuotes() {
    assertThat(SqlLiterals.string("\"Curated \\\"core\\\" data\\nline 2\"")).isEqualTo("Curated \"core\" data\nline 2");
    assertThat(SqlLiterals.string("'it\\'s'")).isEqualTo("it's");
    assertThat(SqlLiterals.string("r\"a\\d+\"")).isEqualTo("a\\d+");
    assertThat(SqlLiterals.string("\"\"\"multi \"quoted\" text\"\"\"")).isEqualTo("multi \"quoted\" text");
    assertThat(SqlLiterals.string("90.0")).isNull();
  }

  @Test
  void quoteAndStringRoundTrip() {
    String text = "a \"b\" \\ c\nd\te";
    assertThat(SqlLiterals.string(SqlLiterals.quote(text))).isEqualTo(text);
  }

  @Test
  void readsLabelArrays() {
    assertThat(SqlLiterals.labels("[STRUCT(\"tier\", \"gold\"), STRUCT(\"owner\", \"core-data\")]"))
        .containsExactly(java.util.Map.entry("tier", "gold"), java.util.Map.entry("owner", "core-data"));
    assertThat(SqlLiterals.labels("[]")).isEmpty();
    assertThat(SqlLiterals.labels("not labels")).isEmpty();
  }

  @Test
  void readsDaysTimestampsAndBooleans() {
    assertThat(SqlLiterals.daysAsMillis("90.0")).isEqualTo(7_776_000_000L);
    assertThat(SqlLiterals.daysAsMillis("0.041666666666666664")).isEqualTo(3_600_000L);
    assertThat(SqlLiterals.daysAsMillis("soon")).isNull();
    assertThat(SqlLiterals.timestamp("TIMESTAMP \"2027-06-30T00:00:00Z\"")).isEqualTo(Instant.parse("2027-06-30T00:00:00Z"));
    assertThat(SqlLiterals.timestamp("TIMESTAMP \"2027-06-30 12:30:00.123+00\""))
        .isEqualTo(Instant.parse("2027-06-30T12:30:00.123Z"));
    assertThat(SqlLiterals.timestamp("\"2027-06-30 12:30:00 UTC\"")).isEqualTo(Instant.parse("2027-06-30T12:30:00Z"));
    assertThat(SqlLiterals.bool("TRUE")).isTrue();
    assertThat(SqlLiterals.bool(null)).isFalse();
  }
}
