package corpus.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.index.FixtureCatalog;
import corpus.indexer.index.LuceneCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogSearchTest {

  @TempDir static Path dir;
  static LuceneCatalog catalog;

  @BeforeAll
  static void build() throws Exception {
    FixtureCatalog.build(dir);
    catalog = LuceneCatalog.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    catalog.close();
  }

  private static SearchResponse search(String q) throws Exception {
    return catalog.search(SearchRequest.of(q, 10));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(textBlock = """
      daily_creator_metrics,                  acme-prod.creator.daily_creator_metrics
      acme-prod.creator.daily_creator_metrics, acme-prod.creator.daily_creator_metrics
      creator.daily_creator_metrics,          acme-prod.creator.daily_creator_metrics
      creator plays per day,                  acme-prod.creator.daily_creator_metrics
      track versions,                         acme-prod.catalog.track_metadata
      plays_raw,                              acme-raw.events.plays_raw
      metric_name,                            acme-prod.creator.daily_creator_metrics:actions_received.metric_name
      actions_received.metric_name,           acme-prod.creator.daily_creator_metrics:actions_received.metric_name
      daily_creator_metrics.actions_received.metric_name, acme-prod.creator.daily_creator_metrics:actions_received.metric_name
      creator.daily_creator_metrics.actions_received.metric_name, acme-prod.creator.daily_creator_metrics:actions_received.metric_name
      acme-prod.creator.daily_creator_metrics.actions_received.metric_name, acme-prod.creator.daily_creator_metrics:actions_received.metric_name
      acme-prod.creator.daily_creator_metrics:actions_received.metric_name, acme-prod.creator.daily_creator_metrics:actions_received.metric_name
      """)
  void ranksTheEntityTheQueryNamesFirst(String query, String expectedFirst) throws Exception {
    assertThat(search(query).hits()).first().extracting(SearchHit::id).isEqualTo(expectedFirst);
  }

  @Test
  void fieldHitsTakeTitleAndSnippetFromTheirTable() throws Exception {
    SearchHit hit = search("actions_received.metric_name").hits().get(0);
    assertThat(hit.table()).isEqualTo("acme-prod.creator.daily_creator_metrics");
    assertThat(hit.title()).startsWith("actions_received.metric_name ");
    assertThat(hit.snippet()).isNotBlank();
  }

  @Test
  void facetsAreCountedOnlyWhenAsked() throws Exception {
    SearchResponse without = catalog.search(SearchRequest.of("kind:table", 10).withoutFacets());
    SearchResponse with = catalog.search(SearchRequest.of("kind:table", 10));
    assertThat(without.facets()).isEmpty();
    assertThat(with.facets()).containsKey("project");
    assertThat(without.total()).isEqualTo(with.total());
    assertThat(with.approximate()).as("a small catalog is counted exactly").isFalse();
  }

  @Test
  void rollsFieldMatchesUpToTheirTable() throws Exception {
    SearchHit hit = search("email").hits().get(0);
    assertThat(hit.kind()).isEqualTo("field");
    SearchHit table = search("e-mail address user").hits().stream()
        .filter(h -> h.id().equals("acme-prod.users.user_accounts")).findFirst().orElseThrow();
    assertThat(table.matchedFields()).contains("email");
  }

  @Test
  void multiWordQueryWithOneUnknownWordStillFindsTheMatchingTerms() throws Exception {
    assertThat(search("creator zzzunknownword").hits()).isNotEmpty();
  }

  @Test
  void typoFallsBackToFuzzyMatchingAndSuggestsACorrection() throws Exception {
    SearchResponse r = search("creatr");
    assertThat(r.hits()).isNotEmpty();
    assertThat(r.didYouMean()).isEqualTo("creator");
  }

  @Test
  void filtersRestrictWithoutChangingWhatMatches() throws Exception {
    assertThat(search("plays dataset:events").hits()).extracting(SearchHit::id)
        .allSatisfy(id -> assertThat(id).startsWith("acme-raw.events"));
    assertThat(search("kind:table tier:gold").hits()).extracting(SearchHit::id)
        .containsExactlyInAnyOrder("acme-prod.creator.daily_creator_metrics", "acme-prod.users.user_accounts");
    assertThat(search("scd:true").hits()).extracting(SearchHit::id).contains("acme-prod.catalog.track_metadata");
    assertThat(search("kind:view").hits()).extracting(SearchHit::id).containsExactly("acme-raw.events.creator_plays_v");
    assertThat(search("plays -raw").hits()).extracting(SearchHit::id).doesNotContain("acme-raw.events.plays_raw");
  }

  @Test
  void typeFilterKeepsTablesWithAFieldOfThatTypeByAnyOfItsNames() throws Exception {
    // only daily_creator_metrics has a RECORD field and a FLOAT one (FLOAT64 in standard SQL)
    for (String q : List.of("type:record", "type:RECORD", "type:struct", "type:float", "type:float64")) {
      assertThat(search(q).hits()).as(q).extracting(SearchHit::id)
          .containsExactly("acme-prod.creator.daily_creator_metrics");
    }
    assertThat(search("type:timestamp").hits()).extracting(SearchHit::id)
        .contains("acme-prod.catalog.track_metadata").doesNotContain("acme-prod.creator.daily_creator_metrics");
    assertThat(search("creator -type:record").hits()).extracting(SearchHit::id)
        .isNotEmpty().doesNotContain("acme-prod.creator.daily_creator_metrics");
  }

  @Test
  void tableFiltersReachFieldsThroughTheirTable() throws Exception {
    // project, dataset, tier and flags are indexed on the table document only
    assertThat(search("kind:field dataset:creator").hits()).isNotEmpty().extracting(SearchHit::id)
        .allSatisfy(id -> assertThat(id).startsWith("acme-prod.creator.").contains(":"));
    assertThat(search("kind:field metric_name dataset:creator").hits()).extracting(SearchHit::id)
        .contains("acme-prod.creator.daily_creator_metrics:actions_received.metric_name");
    assertThat(search("kind:field metric_name dataset:events").hits()).extracting(SearchHit::id)
        .noneMatch(id -> id.startsWith("acme-prod.creator."));
    assertThat(search("kind:field metric_name -dataset:creator").hits()).extracting(SearchHit::id)
        .noneMatch(id -> id.startsWith("acme-prod.creator."));
    assertThat(search("kind:field project:acme-raw").hits()).isNotEmpty().extracting(SearchHit::id)
        .allSatisfy(id -> assertThat(id).startsWith("acme-raw."));
    assertThat(search("kind:field tier:gold").hits()).isNotEmpty().extracting(SearchHit::table)
        .allSatisfy(t -> assertThat(t).isIn("acme-prod.creator.daily_creator_metrics", "acme-prod.users.user_accounts"));
    assertThat(search("kind:field scd:true").hits()).isNotEmpty().extracting(SearchHit::table)
        .contains("acme-prod.catalog.track_metadata");
    assertThat(search("kind:field scd:false").hits()).isNotEmpty().extracting(SearchHit::table)
        .doesNotContain("acme-prod.catalog.track_metadata");
    assertThat(search("email dataset:users").hits()).first().extracting(SearchHit::id)
        .isEqualTo("acme-prod.users.user_accounts:email");
  }

  @Test
  void publishedTablesRankAboveRawOnesForTheSameWords() throws Exception {
    assertThat(search("user_id").hits()).extracting(SearchHit::id)
        .containsSubsequence("acme-prod.users.user_accounts:user_id", "acme-raw.events.plays_raw:user_id");
  }

  @Test
  void reportsFacetCountsAndDrillsDown() throws Exception {
    SearchResponse all = search("kind:table kind:view");
    assertThat(all.facets().get("project")).containsEntry("acme-prod", 3L).containsEntry("acme-raw", 2L);
    assertThat(search("kind:table").facets().get("project")).as("a view is not a table").containsEntry("acme-raw", 1L);
    SearchResponse drilled = catalog.search(new SearchRequest("kind:table kind:view", 10,
        java.util.List.of("project=acme-raw")));
    assertThat(drilled.hits()).hasSize(2);
    assertThat(drilled.facets().get("project")).as("drill-sideways keeps sibling counts").containsKey("acme-prod");
  }

  @Test
  void offersTheEntityKeyOfScdTablesAsAFacetThatDrillsDownToThem() throws Exception {
    SearchResponse all = search("kind:table");
    assertThat(all.facets().get("scd_key")).as("only the SCD type 2 table has a key").containsOnlyKeys("track_id, title");
    SearchResponse drilled = catalog.search(new SearchRequest("kind:table", 10, java.util.List.of("scd_key=track_id, title")));
    assertThat(drilled.hits()).extracting(SearchHit::id).containsExactly("acme-prod.catalog.track_metadata");
  }

  @ParameterizedTest
  @CsvSource({"a", "c", "d", "p", "u", "cr", "acme"})
  void completesShortPrefixesMatchingManyNamesWithoutReadingDocValuesBackwards(String prefix) throws Exception {
    assertThat(catalog.complete(prefix, 10)).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(10);
  }

  @Test
  void completesTableAndFieldNamesByPrefix() throws Exception {
    assertThat(catalog.complete("daily", 5)).contains("acme-prod.creator.daily_creator_metrics");
    assertThat(catalog.complete("metric_n", 5)).contains("actions_received.metric_name");
  }
}
