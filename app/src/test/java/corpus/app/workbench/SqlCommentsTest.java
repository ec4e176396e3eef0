package corpus.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlCommentsTest {

  @ParameterizedTest(name = "{0} [{1},{2}] -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      SELECT 1\\nFROM t          | 0  | 0  | -- SELECT 1\\nFROM t
      SELECT 1\\nFROM t          | 9  | 9  | SELECT 1\\n-- FROM t
      SELECT 1\\nFROM t          | 2  | 11 | -- SELECT 1\\n-- FROM t
      -- SELECT 1\\n-- FROM t    | 0  | 20 | SELECT 1\\nFROM t
      --SELECT 1\\nFROM t        | 0  | 14 | -- --SELECT 1\\n-- FROM t
      '  -- WHERE x'            | 3  | 3  | '  WHERE x'
      """)
  void togglesLineCommentsOnTheSelectedLines(String text, int start, int end, String expected) {
    String in = text.replace("\\n", "\n");
    assertThat(SqlComments.toggle(in, start, end).text()).isEqualTo(expected.replace("\\n", "\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      SELECT 1 | 3 | 3 | 6 | 6
      """)
  void movesTheSelectionWithTheText(String text, int start, int end, int newStart, int newEnd) {
    SqlComments.Edit e = SqlComments.toggle(text, start, end);
    assertThat(e.selectionStart()).isEqualTo(newStart);
    assertThat(e.selectionEnd()).isEqualTo(newEnd);
  }
}
