package corpus.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTextTest {

  @Test
  void showsNestedRecordsAndArraysReadably() {
    Map<String, Object> like = new LinkedHashMap<>();
    like.put("name", "like");
    like.put("value", 1L);
    like.put("source", null);
    assertThat(ValueText.of(List.of(like, Map.of("name", "share")))).isEqualTo(
        "[{name: like, value: 1, source: null}, {name: share}]");
  }

  @Test
  void showsScalarsAndNull() {
    assertThat(ValueText.of(null)).isEqualTo("NULL");
    assertThat(ValueText.of(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(ValueText.of(LocalDate.of(2024, 12, 31))).isEqualTo("2024-12-31");
    assertThat(ValueText.of(new byte[] {1, 2, 3})).isEqualTo("AQID");
    assertThat(ValueText.numeric(3L)).isTrue();
    assertThat(ValueText.numeric("3")).isFalse();
  }
}
