package corpus.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableNamesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      t                   | p.d.t
      ds.t                | p.ds.t
      other.ds.t          | other.ds.t
      other.ds.events_*   | other.ds.events_*
      region-eu.INFORMATION_SCHEMA.JOBS | region-eu.INFORMATION_SCHEMA.JOBS
      ds.INFORMATION_SCHEMA.TABLES      | p.ds.INFORMATION_SCHEMA.TABLES
      """)
  void qualifiesNamesAgainstTheDefaults(String name, String qualified) {
    assertThat(new TableNames("p", "d").qualify(name)).isEqualTo(qualified);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      t    | t
      ds.t | ds.t
      """)
  void leavesNamesAsWrittenWithoutDefaults(String name, String qualified) {
    assertThat(new TableNames(null, " ").qualify(name)).isEqualTo(qualified);
  }
}
