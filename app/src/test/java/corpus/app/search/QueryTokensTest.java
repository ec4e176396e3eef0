package corpus.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryTokensTest {

  private static final Map<String, Map<String, Long>> FACETS = Map.of(
      "dataset", datasets(),
      "type", Map.of("STRING", 9L, "RECORD", 1L),
      "label", Map.of("tier=gold", 4L),
      "owner", Map.of("catalog team", 2L));

  private static Map<String, Long> datasets() {
    Map<String, Long> byCount = new LinkedHashMap<>();
    byCount.put("creator", 3L);
    byCount.put("catalog", 2L);
    return byCount;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      creator pla          | pla
      'creator '           | ''
      dataset:cre          | dataset:cre
      '"per da'            |
      '"per day" pl'       | pl
      """)
  void findsTheWordBeingTyped(String text, String token) {
    assertThat(QueryTokens.lastToken(text)).isEqualTo(token);
  }

  @Test
  void replacesOnlyTheLastWord() {
    assertThat(QueryTokens.replaceLast("tier:gold metri", "metric_name ")).isEqualTo("tier:gold metric_name ");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      dataset:c    | dataset:creator, dataset:catalog
      -dataset:cr  | -dataset:creator
      type:s       | type:string
      label:t      | label:tier=gold
      kind:v       | kind:view
      scd:t        | scd:true
      owner:cat    | 'owner:"catalog team"'
      """)
  void completesFilterValuesFromTheFacets(String token, String expected) {
    assertThat(String.join(", ", QueryTokens.values(token, FACETS))).isEqualTo(expected.replace("'", ""));
  }

  @Test
  void offersFilterKeysForTheirFirstLetters() {
    assertThat(QueryTokens.keys("ow")).containsExactly("owner:");
    assertThat(QueryTokens.keys("-dat")).containsExactly("-dataset:");
    assertThat(QueryTokens.keys("d")).isEmpty();
    assertThat(QueryTokens.keys("owner")).isEmpty();
  }

  @Test
  void knowsAFilterFromAWordWithAColon() {
    assertThat(QueryTokens.isFilter("dataset:x")).isTrue();
    assertThat(QueryTokens.isFilter("-tier:")).isTrue();
    assertThat(QueryTokens.isFilter("soundwave-prod.creator.t:x")).isFalse();
  }
}
