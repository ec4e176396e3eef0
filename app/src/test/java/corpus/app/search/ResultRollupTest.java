package corpus.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.app.Place;
import corpus.indexer.model.TableId;
import corpus.indexer.search.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultRollupTest {

  @Test
  void rollsFieldHitsUpUnderTheirTableAtTheRankOfTheBestHit() {
    List<ResultItem> cards = ResultRollup.cards(List.of(
        new SearchHit("field", "p.d.a:x.y", "p.d.a", 9, "field text", "x.y STRING", null, null),
        new SearchHit("table", "p.d.b", null, 5, "table b", "p.d.b", List.of("z"), List.of("published")),
        new SearchHit("table", "p.d.a", null, 4, "table a", "p.d.a", List.of("w"), List.of("view", "scd2"))));

    assertThat(cards).extracting(ResultItem::id).containsExactly("p.d.a", "p.d.b");
    ResultItem a = cards.getFirst();
    assertThat(a.matchedFields()).containsExactly("x.y", "w");
    assertThat(a.snippet()).isEqualTo("table a");
    assertThat(a.kind()).isEqualTo("view");
    assertThat(a.badges()).containsExactly("scd2");
    assertThat(a.place()).isEqualTo(new Place.Table(TableId.parse("p.d.a")));
  }

  @Test
  void showsOneCardPerDocumentOpeningTheDocument() {
    List<ResultItem> cards = ResultRollup.cards(List.of(
        new SearchHit("doc", "doc:a/b.md#freshness", null, 3, "s1", "B › Freshness", null, null),
        new SearchHit("doc", "doc:a/b.md#intro", null, 2, "s2", "B", null, null)));

    assertThat(cards).singleElement().satisfies(card -> {
      assertThat(card.title()).isEqualTo("B › Freshness");
      assertThat(card.place()).isEqualTo(new Place.Doc("a/b.md"));
    });
  }

  @Test
  void showsSnippetsAsPlainTextWithoutMarkdownMarks() {
    assertThat(ResultItem.plain("- Ready daily by **10:00 CET**\n- uses `plays`"))
        .isEqualTo("Ready daily by 10:00 CET uses plays");
  }
}
