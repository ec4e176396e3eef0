package corpus.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuerySyntaxTest {

  @Test
  void separatesWordsPhrasesExclusionsAndFilters() {
    QuerySyntax.Parsed q = QuerySyntax.parse("creator \"daily plays\" -raw dataset:creator -tier:bronze label:\"team=a b\" foo:bar");
    assertThat(q.words()).containsExactly("creator", "foo:bar");
    assertThat(q.phrases()).containsExactly("daily plays");
    assertThat(q.excluded()).containsExactly("raw");
    assertThat(q.filters()).containsExactly(
        new QuerySyntax.Filter("dataset", "creator", false),
        new QuerySyntax.Filter("tier", "bronze", true),
        new QuerySyntax.Filter("label", "team=a b", false));
  }

  @Test
  void knowsWhetherTheUserIsStillTypingAWord() {
    assertThat(QuerySyntax.parse("daily_cre").endsInWord()).isTrue();
    assertThat(QuerySyntax.parse("daily ").endsInWord()).isFalse();
  }

  @Test
  void toleratesUnbalancedQuotesAndEmptyInput() {
    assertThat(QuerySyntax.parse("\"open phrase").phrases()).containsExactly("open phrase");
    assertThat(QuerySyntax.parse("").hasFreeText()).isFalse();
    assertThat(QuerySyntax.parse(null).filters()).isEmpty();
  }
}
