package corpus.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultSorterTest {

  private static final ResultItem A = card("p.d.beta", 5, "2026-01-01T00:00:00Z");
  private static final ResultItem B = card("p.d.Alpha", 0, null);
  private static final ResultItem C = card("p.d.gamma", 5, "2026-06-01T00:00:00Z");
  private static final List<ResultItem> RELEVANCE = List.of(A, B, C);

  @Test
  void relevanceKeepsTheEnginesOrder() {
    assertThat(ResultSorter.sort(RELEVANCE, SortOrder.RELEVANCE)).containsExactly(A, B, C);
  }

  @Test
  void nameIgnoresCase() {
    assertThat(ResultSorter.sort(RELEVANCE, SortOrder.NAME)).containsExactly(B, A, C);
  }

  @Test
  void popularityTiesKeepRelevanceOrder() {
    assertThat(ResultSorter.sort(RELEVANCE, SortOrder.POPULARITY)).containsExactly(A, C, B);
  }

  @Test
  void lastModifiedPutsUnknownAgesLast() {
    assertThat(ResultSorter.sort(RELEVANCE, SortOrder.LAST_MODIFIED)).containsExactly(C, A, B);
  }

  private static ResultItem card(String id, long queries, String modified) {
    return new ResultItem(id, id, "table", "", List.of(), List.of(), null)
        .withFacts(new CardFacts(queries, 1, modified == null ? null : Instant.parse(modified)));
  }
}
