package corpus.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.index.Analyzers;
import corpus.indexer.index.FieldRows;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FieldMatcherTest {

  @ParameterizedTest
  @ValueSource(strings = {"creatorId", "n_plays", "actions_received.metric_name", "user2id", "HTTPServer", "ts_utc",
      "v2", "event$name", "a-b", "IPAddress", "x", "totalUSD2024", "__meta"})
  void splitsNamesAsTheIndexDoes(String name) {
    assertThat(FieldMatcher.identifierParts(name))
        .isEqualTo(new HashSet<>(LuceneQueries.analyze(Analyzers.identifier(), name)));
  }

  @Test
  void namesTheFieldsThatMatchByNameThenByDescription() {
    List<FieldRows.Row> rows = List.of(
        new FieldRows.Row("user_id", "STRING", false, "Who played", List.of()),
        new FieldRows.Row("ms_played", "INT64", false, "Milliseconds of the track listened to", List.of()),
        new FieldRows.Row("country", "STRING", false, "Where the listener was", List.of("location")));
    FieldMatcher matcher = new FieldMatcher(QuerySyntax.parse("listened country"), Synonyms.none(), false);
    assertThat(matcher.best(rows, 5)).containsExactly("country", "ms_played");
    assertThat(new FieldMatcher(QuerySyntax.parse("pii:location"), Synonyms.none(), false).best(rows, 5))
        .containsExactly("country");
    assertThat(new FieldMatcher(QuerySyntax.parse("user_id"), Synonyms.none(), false).exact(rows.get(0))).isTrue();
  }
}
