package corpus.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlCompletionTest {

  @ParameterizedTest(name = "{0} + {1} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      SELECT * FROM `soundwave-prod.lis   | soundwave-prod.listening.plays | true  | SELECT * FROM `soundwave-prod.listening.plays`
      SELECT * FROM soundwave-prod.lis    | soundwave-prod.listening.plays | true  | SELECT * FROM `soundwave-prod.listening.plays`
      SELECT ms_pl                        | ms_played                      | false | SELECT ms_played
      SELECT s.ty                         | source.type                    | false | SELECT source.type
      """)
  void replacesTheNameAtTheCaret(String text, String name, boolean table, String expected) {
    SqlCompletion.Word word = SqlCompletion.wordAt(text, text.length());
    SqlComments.Edit edit = SqlCompletion.apply(text, word, new SqlCompletion.Suggestion(name, table));
    assertThat(edit.text()).isEqualTo(expected);
    assertThat(edit.selectionStart()).isEqualTo(expected.length());
  }
}
