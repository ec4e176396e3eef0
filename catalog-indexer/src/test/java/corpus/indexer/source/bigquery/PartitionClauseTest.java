package corpus.indexer.source.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.model.RangePartitioning;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("bigquery")
class PartitionClauseTest {

  @ParameterizedTest(name = "{0} -> {1} on {2}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      play_date                              | DAY   | play_date
      DATE(event_ts)                         | DAY   | event_ts
      TIMESTAMP_TRUNC(event_ts, HOUR)        | HOUR  | event_ts
      DATE_TRUNC(month_start, MONTH)         | MONTH | month_start
      DATETIME_TRUNC(local_time, YEAR)       | YEAR  | local_time
      _PARTITIONDATE                         | DAY   | null
      TIMESTAMP_TRUNC(_PARTITIONTIME, HOUR)  | HOUR  | null
      """)
  void readsTimePartitioning(String expression, String type, String field) {
    PartitionClause.Parsed p = PartitionClause.parse(expression);

    assertThat(p.timeType()).isEqualTo(type);
    assertThat(p.timeField()).isEqualTo(field);
    assertThat(p.range()).isNull();
  }

  @Test
  void readsIntegerRangePartitioning() {
    assertThat(PartitionClause.parse("RANGE_BUCKET(bucket, GENERATE_ARRAY(0, 100, 10))").range())
        .isEqualTo(new RangePartitioning("bucket", 0, 100, 10));
  }

  @Test
  void findsThePartitionLineAndTheMaterializedViewQueryInDdl() {
    String ddl = "CREATE MATERIALIZED VIEW `p.d.mv`\nPARTITION BY play_date\nCLUSTER BY country\n"
        + "OPTIONS(enable_refresh=true)\nAS SELECT play_date, COUNT(*) AS n\nFROM `p.d.plays`\nGROUP BY 1;";

    assertThat(PartitionClause.of(ddl)).isEqualTo("play_date");
    assertThat(PartitionClause.viewQuery(ddl)).isEqualTo("SELECT play_date, COUNT(*) AS n\nFROM `p.d.plays`\nGROUP BY 1");
    assertThat(PartitionClause.of("CREATE TABLE `p.d.t`\n(\n  x INT64\n);")).isNull();
  }

  @Test
  void anExpressionItCannotReadGivesNoPartitioning() {
    PartitionClause.Parsed p = PartitionClause.parse("SOMETHING_NEW(x, 3)");

    assertThat(p.timeType()).isNull();
    assertThat(p.range()).isNull();
  }
}
