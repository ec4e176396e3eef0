package corpus.indexer.source.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import corpus.indexer.model.Field;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DuckDbTypeParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      VARCHAR                                              | STRING
      BIGINT                                               | INT64
      INTEGER                                              | INT64
      SMALLINT                                             | INT64
      UBIGINT                                              | NUMERIC
      HUGEINT                                              | BIGNUMERIC
      DOUBLE                                               | FLOAT64
      FLOAT                                                | FLOAT64
      BOOLEAN                                              | BOOL
      DECIMAL(38,9)                                        | NUMERIC
      DECIMAL(18,3)                                        | NUMERIC
      DECIMAL(38,10)                                       | BIGNUMERIC
      BLOB                                                 | BYTES
      DATE                                                 | DATE
      TIME                                                 | TIME
      TIMESTAMP                                            | DATETIME
      TIMESTAMP_NS                                         | DATETIME
      TIMESTAMP WITH TIME ZONE                             | TIMESTAMP
      INTERVAL                                             | INTERVAL
      UUID                                                 | STRING
      JSON                                                 | JSON
      ENUM('a', 'b''c')                                    | STRING
      VARCHAR[]                                            | STRING REPEATED
      INTEGER[3]                                           | INT64 REPEATED
      INTEGER[][]                                          | RECORD REPEATED<element INT64 REPEATED>
      STRUCT(a INTEGER, b VARCHAR)                         | RECORD<a INT64, b STRING>
      STRUCT(is_logged_in BOOLEAN, metric_name VARCHAR, metric_value DOUBLE)[] | RECORD REPEATED<is_logged_in BOOL, metric_name STRING, metric_value FLOAT64>
      STRUCT("display name" VARCHAR, "say ""hi""\" INTEGER) | RECORD<display name STRING, say "hi" INT64>
      STRUCT(x STRUCT(y INTEGER[], "z q" VARCHAR)[], m MAP(VARCHAR, INTEGER)) | RECORD<x RECORD REPEATED<y INT64 REPEATED, z q STRING>, m RECORD REPEATED<key STRING, value INT64>>
      STRUCT(t STRUCT(c STRUCT(d DECIMAL(10,2))[])[])[]   | RECORD REPEATED<t RECORD REPEATED<c RECORD REPEATED<d NUMERIC>>>
      STRUCT(ts TIMESTAMP WITH TIME ZONE, n BIGINT)        | RECORD<ts TIMESTAMP, n INT64>
      MAP(VARCHAR, STRUCT(a INTEGER))                      | RECORD REPEATED<key STRING, value RECORD<a INT64>>
      UNION(num INTEGER, str VARCHAR)                      | RECORD<num INT64, str STRING>
      GEOMETRY                                             | GEOGRAPHY
      """)
  void mapsDuckDbTypesToBigQueryFields(String duckdb, String bigquery) {
    assertThat(render(BigQueryTypes.field("c", DuckDbTypeParser.parse(duckdb)))).isEqualTo(bigquery);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "STRUCT(a INTEGER", "STRUCT(a INTEGER,)", "MAP(VARCHAR)", "INTEGER[x]",
      "STRUCT(\"a INTEGER)", "DECIMAL(18,", "VARCHAR )"})
  void rejectsMalformedTypesSayingWhere(String type) {
    assertThatThrownBy(() -> DuckDbTypeParser.parse(type))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DuckDB type");
  }

  /** {@code TYPE[ REPEATED][<child, ...>]} for a field, children as {@code name TYPE...}. */
  private static String render(Field f) {
    StringBuilder b = new StringBuilder(f.type());
    if (f.isRepeated()) {
      b.append(" REPEATED");
    }
    if (!f.fields().isEmpty()) {
      b.append(f.fields().stream().map(c -> c.name() + " " + render(c)).collect(Collectors.joining(", ", "<", ">")));
    }
    return b.toString();
  }
}
