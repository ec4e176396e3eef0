package corpus.indexer.source.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.Field;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("bigquery")
class TypeTextTest {

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      STRING                      | STRING     | NULLABLE
      INT64                       | INT64      | NULLABLE
      NUMERIC(10, 2)              | NUMERIC    | NULLABLE
      STRING(36)                  | STRING     | NULLABLE
      RANGE<DATE>                 | RANGE      | NULLABLE
      ARRAY<STRING>               | STRING     | REPEATED
      BOOL                        | BOOL       | NULLABLE
      """)
  void readsScalarTypesDroppingParameters(String text, String type, String mode) {
    Field f = TypeText.field("c", text, "NULLABLE");

    assertThat(f.type()).isEqualTo(type);
    assertThat(f.mode()).isEqualTo(mode);
    assertThat(f.fields()).isEmpty();
  }

  @Test
  void readsNestedRepeatedStructsWithNotNullAndQuotedNames() {
    Field f = TypeText.field("items",
        "ARRAY<STRUCT<sku STRING NOT NULL, `from` DATE, qty NUMERIC(9), tags ARRAY<STRING>,"
            + " meta STRUCT<k STRING COLLATE 'und:ci', v JSON>>>", "NULLABLE");

    assertThat(f.mode()).isEqualTo("REPEATED");
    assertThat(f.type()).isEqualTo("RECORD");
    assertThat(f.fields()).extracting(Field::name).containsExactly("sku", "from", "qty", "tags", "meta");
    assertThat(f.fields()).extracting(Field::mode)
        .containsExactly("REQUIRED", "NULLABLE", "NULLABLE", "REPEATED", "NULLABLE");
    assertThat(f.fields().get(4).fields()).extracting(Field::type).containsExactly("STRING", "JSON");
  }

  @Test
  void requiredTopLevelColumnKeepsTheModeItIsGiven() {
    assertThat(TypeText.field("id", "STRING", "REQUIRED").mode()).isEqualTo("REQUIRED");
  }
}
