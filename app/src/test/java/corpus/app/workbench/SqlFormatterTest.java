package corpus.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlFormatterTest {

  @Test
  void putsEachClauseAndSelectItemOnItsOwnLine() {
    assertThat(SqlFormatter.format("select a, COUNT(*) as n from `p.d.t` t left join x.y on t.a = x.a "
        + "where t.d >= date_sub(current_date(), interval 7 day) and t.s = 'from here' group by a order by n desc "
        + "limit 10"))
        .isEqualTo("""
            SELECT
              a,
              COUNT(*) AS n
            FROM `p.d.t` t
            LEFT JOIN x.y ON t.a = x.a
            WHERE t.d >= date_sub(current_date(), INTERVAL 7 DAY) AND t.s = 'from here'
            GROUP BY a
            ORDER BY n DESC
            LIMIT 10
            """);
  }

  @Test
  void indentsSubqueriesAndKeepsCommentsAndFunctionArguments() {
    assertThat(SqlFormatter.format("SELECT EXTRACT(DAY FROM d), x -- note\nFROM (select d, x from soundwave-prod.a.b "
        + "where x > 1) ORDER BY 1"))
        .isEqualTo("""
            SELECT
              EXTRACT(DAY FROM d),
              x -- note
            FROM (
              SELECT
                d,
                x
              FROM soundwave-prod.a.b
              WHERE x > 1
            )
            ORDER BY 1
            """);
  }
}
