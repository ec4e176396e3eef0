package corpus.lineage.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.lineage.AnalysisContext;
import corpus.lineage.ColumnSchema;
import corpus.lineage.SchemaProvider;
import corpus.lineage.footprint.ColumnPredicate.DateTimeValue;
import corpus.lineage.footprint.ColumnPredicate.Op;
import corpus.lineage.footprint.ColumnPredicate.Parameter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FootprintAnalyzerTest {
  private static final String PLAYS = "p.listening.plays";
  private static final String TRACKS = "p.catalog.tracks";
  private static final LocalDate TODAY = LocalDate.of(2025, 1, 1);

  private static final AnalysisContext CONTEXT = AnalysisContext.withDefaults("p", "listening")
      .withSchemas(SchemaProvider.of(Map.of(
          PLAYS, List.of(ColumnSchema.of("play_date", "DATE"), ColumnSchema.of("track_id", "STRING"),
              ColumnSchema.of("user_id", "STRING"), ColumnSchema.of("ms_played", "INT64"),
              new ColumnSchema("source", "STRUCT", false,
                  List.of(ColumnSchema.of("type", "STRING"), ColumnSchema.of("id", "STRING"))),
              new ColumnSchema("actions", "STRUCT", true,
                  List.of(ColumnSchema.of("name", "STRING"), ColumnSchema.of("value", "INT64")))),
          TRACKS, List.of(ColumnSchema.of("track_id", "STRING"), ColumnSchema.of("title", "STRING")))));

  private final FootprintAnalyzer analyzer = new FootprintAnalyzer();

  private QueryFootprint footprint(String sql) {
    return analyzer.analyze(sql, CONTEXT, TODAY);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      SELECT track_id FROM plays                                                  | track_id
      SELECT COUNT(*) FROM plays                                                  |
      SELECT track_id FROM plays WHERE ms_played > 30000                          | ms_played,track_id
      SELECT * FROM plays                                                         | actions,ms_played,play_date,source,track_id,user_id
      SELECT source.type FROM plays                                               | source.type
      SELECT source.type, source FROM plays                                       | source
      SELECT a.name FROM plays, UNNEST(actions) AS a                              | actions.name
      SELECT COUNT(*) FROM plays GROUP BY user_id ORDER BY MAX(ms_played)          | ms_played,user_id
      WITH x AS (SELECT * FROM plays) SELECT track_id FROM x                       | track_id
      SELECT track_id FROM `p.listening.plays` LIMIT 10                          | track_id
      """)
  void listsTheColumnsAQueryReads(String sql, String expected) {
    QueryFootprint f = footprint(sql);
    assertThat(f.error()).isNull();
    String columns = f.table(PLAYS).columns().stream().sorted().collect(Collectors.joining(","));
    assertThat(columns).isEqualTo(expected == null ? "" : expected);
  }

  @Test
  void findsConstantConditionsOnColumnsOfEachTable() {
    QueryFootprint f = footprint("""
        SELECT pl.track_id, t.title FROM plays pl JOIN p.catalog.tracks t USING (track_id)
        WHERE pl.play_date BETWEEN DATE '2024-03-01' AND '2024-03-31' AND t.title IS NOT NULL
          AND play_date >= DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY)""");
    assertThat(f.predicatesOn(PLAYS)).containsExactly(
        new ColumnPredicate(PLAYS, "play_date", Op.GE, List.of(date(2024, 3, 1))),
        new ColumnPredicate(PLAYS, "play_date", Op.LE, List.of(date(2024, 3, 31))),
        new ColumnPredicate(PLAYS, "play_date", Op.GE, List.of(date(2024, 12, 25))));
    assertThat(f.predicatesOn(TRACKS)).isEmpty();
    assertThat(f.table(TRACKS).columns()).containsExactlyInAnyOrder("track_id", "title");
  }

  @Test
  void keepsParametersAndInListsAndIgnoresDisjunctions() {
    assertThat(footprint("SELECT 1 FROM plays WHERE play_date = @day").predicatesOn(PLAYS))
        .containsExactly(new ColumnPredicate(PLAYS, "play_date", Op.EQ, List.of(new Parameter("day"))));
    assertThat(footprint("SELECT 1 FROM plays WHERE play_date IN ('2024-01-01', '2024-01-02')").predicatesOn(PLAYS))
        .containsExactly(new ColumnPredicate(PLAYS, "play_date", Op.IN, List.of(date(2024, 1, 1), date(2024, 1, 2))));
    assertThat(footprint("SELECT 1 FROM plays WHERE play_date = '2024-01-01' OR ms_played > 0").predicatesOn(PLAYS))
        .isEmpty();
  }

  @Test
  void reportsStarsLimitsAndRepeatedScans() {
    QueryFootprint f = footprint(
        "SELECT * FROM plays WHERE track_id IN (SELECT track_id FROM plays WHERE ms_played > 0) LIMIT 100");
    assertThat(f.limit()).isEqualTo(100L);
    assertThat(f.stars()).singleElement().satisfies(s -> {
      assertThat(s.tables()).containsExactly(PLAYS);
      assertThat(s.outermost()).isTrue();
      assertThat(s.span()).isEqualTo(new TextSpan(7, 8));
    });
    assertThat(f.table(PLAYS).references()).isEqualTo(2);
    assertThat(f.table(PLAYS).spans().getFirst()).isEqualTo(new TextSpan(14, 19));
  }

  @Test
  void reportsSyntaxErrorsWithLineAndColumn() {
    QueryFootprint f = footprint("SELECT track_id\nFROM plays\nWHERE play_date = ");
    assertThat(f.ok()).isFalse();
    assertThat(f.error().line()).isEqualTo(3);
    assertThat(f.error().message()).startsWith("Syntax error");
  }

  @Test
  void reportsUnknownColumnsAndWrites() {
    QueryFootprint f = footprint("SELECT plya_date FROM plays");
    assertThat(f.unknownColumns()).singleElement().satisfies(u -> {
      assertThat(u.name()).isEqualTo("plya_date");
      assertThat(u.span()).isEqualTo(new TextSpan(7, 16));
    });
    assertThat(footprint("DELETE FROM plays WHERE play_date < '2024-01-01'").isWrite()).isTrue();
    assertThat(footprint("SELECT 1").isWrite()).isFalse();
  }

  private static DateTimeValue date(int y, int m, int d) {
    return new DateTimeValue(LocalDate.of(y, m, d).atStartOfDay(), true);
  }
}
