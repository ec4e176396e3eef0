package corpus.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class SqlHighlighterTest {

  /** The styled pieces of {@code sql} as {@code style:text}. */
  private static List<String> pieces(String sql) {
    StyleSpans<Collection<String>> spans = SqlHighlighter.styles(sql);
    List<String> out = new ArrayList<>();
    int at = 0;
    for (StyleSpan<Collection<String>> span : spans) {
      if (!span.getStyle().isEmpty()) {
        out.add(span.getStyle().iterator().next().substring(4) + ":" + sql.substring(at, at + span.getLength()));
      }
      at += span.getLength();
    }
    assertThat(at).isEqualTo(sql.length());
    return out;
  }

  @Test
  void coloursKeywordsFunctionsStringsIdentifiersNumbersAndComments() {
    assertThat(pieces("select COUNT(*), 'a''b' from `p.d.t` where x.select = 42 -- done\n/* c */ @day"))
        .containsExactly("keyword:select", "function:COUNT", "string:'a''b'", "keyword:from",
            "identifier:`p.d.t`", "keyword:where", "number:42", "comment:-- done", "comment:/* c */",
            "parameter:@day");
  }

  @Test
  void toleratesUnfinishedText() {
    assertThat(pieces("SELECT 'abc")).containsExactly("keyword:SELECT", "string:'abc");
    assertThat(pieces("")).isEmpty();
  }
}
