package corpus.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableKind;
import corpus.indexer.model.TableUsage;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sorting by popularity, name and last modified covers every match, not only the best page;
 * facets list every value and count tables (not their fields); views are a kind of their own.
 * The catalog: 30 tables in 25 datasets, each with three fields about "revenue"; table {@code i}
 * was modified {@code (i * 7) % 30} days after the epoch and queried {@code (i * 11) % 30} times.
 */
class SortedSearchTest {

  static final int TABLES = 30;
  @TempDir static Path dir;
  static LuceneCatalog catalog;

  /** A source holding the synthetic tables and their usage. */
  private static final class Tables implements CatalogSource {
    @Override
    public String spec() {
      return "test:tables";
    }

    @Override
    public void crawl(CatalogSink sink, ProgressListener progress) {
      for (int i = 0; i < TABLES; i++) {
        TableId id = new TableId("p", "ds" + (i % 25), name(i));
        sink.table(Table.builder(id)
            .kind(i == 3 ? TableKind.VIEW : TableKind.TABLE)
            .description(i % 2 == 0 ? "Daily revenue per market" : "Settlement of partner payouts")
            .schema(List.of(
                new Field("revenue_eur", "NUMERIC", null, "Revenue in euros", List.of(), List.of()),
                new Field("revenue_usd", "NUMERIC", null, "Revenue in dollars", List.of(), List.of()),
                new Field("market", "STRING", null, "Market of the revenue", List.of(), List.of())))
            .lastModifiedTime(Instant.EPOCH.plusSeconds(86_400L * ((i * 7) % TABLES)))
            .build());
        sink.usage(new TableUsage(id, (i * 11) % TABLES, 1, null));
      }
    }
  }

  static String name(int i) {
    return List.of("zeta", "alpha", "mango", "kilo", "bravo", "yankee").get(i % 6) + "_" + (100 - i);
  }

  @BeforeAll
  static void build() throws Exception {
    new Indexer(dir).run(List.of(new Tables()), ProgressListener.NONE);
    catalog = LuceneCatalog.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    catalog.close();
  }

  private static List<String> ids(String query, SearchRequest.Order order, int limit) throws Exception {
    return catalog.search(new SearchRequest(query, limit, List.of()).withOrder(order)).hits().stream()
        .map(SearchHit::id).toList();
  }

  private static List<Integer> all() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < TABLES; i++) {
      out.add(i);
    }
    return out;
  }

  private static String id(int i) {
    return "p.ds" + (i % 25) + "." + name(i);
  }

  @Test
  void sortsEveryMatchByNameAsShownNotOnlyTheBestMatches() throws Exception {
    List<String> expected = all().stream().map(SortedSearchTest::id).sorted().limit(4).toList();
    assertThat(ids("revenue", SearchRequest.Order.NAME, 4)).containsExactlyElementsOf(expected);
  }

  @Test
  void sortsEveryMatchByPopularityMostQueriedFirst() throws Exception {
    List<String> expected = all().stream().sorted(Comparator.comparing((Integer i) -> (i * 11) % TABLES).reversed())
        .limit(4).map(SortedSearchTest::id).toList();
    assertThat(ids("revenue", SearchRequest.Order.POPULARITY, 4)).containsExactlyElementsOf(expected);
  }

  @Test
  void sortsEveryMatchByLastModifiedNewestFirst() throws Exception {
    List<String> expected = all().stream().sorted(Comparator.comparing((Integer i) -> (i * 7) % TABLES).reversed())
        .limit(4).map(SortedSearchTest::id).toList();
    assertThat(ids("revenue", SearchRequest.Order.LAST_MODIFIED, 4)).containsExactlyElementsOf(expected);
  }

  @Test
  void sortedTablesStillShowTheirMatchingFieldsAndFiltersStillApply() throws Exception {
    SearchResponse r = catalog.search(new SearchRequest("euros", 3, List.of()).withOrder(SearchRequest.Order.NAME));
    assertThat(r.hits()).hasSize(3).allSatisfy(h -> assertThat(h.matchedFields()).contains("revenue_eur"));
    assertThat(ids("revenue dataset:ds1", SearchRequest.Order.NAME, 10))
        .containsExactlyInAnyOrder(id(1), id(26));
  }

  @Test
  void facetsListEveryValueAndCountTablesNotFields() throws Exception {
    SearchResponse r = catalog.search(SearchRequest.of("revenue", 10));
    assertThat(r.facets().get("dataset")).as("no cap at 20 values").hasSize(25);
    assertThat(r.facets().get("dataset")).containsEntry("ds1", 2L).containsEntry("ds7", 1L);
    assertThat(r.facets().get("kind")).containsEntry("table", 29L).containsEntry("view", 1L).doesNotContainKey("field");
    assertThat(r.total()).as("30 tables, not 30 tables + 90 fields").isEqualTo(30);
    assertThat(r.facets().get("type")).as("tables with a matching field of the type").containsEntry("numeric", 30L);
  }

  @Test
  void viewsAreTheirOwnKindInFiltersAndFacets() throws Exception {
    assertThat(ids("kind:view", SearchRequest.Order.RELEVANCE, 50)).containsExactly(id(3));
    assertThat(ids("kind:table", SearchRequest.Order.RELEVANCE, 50)).hasSize(29).doesNotContain(id(3));
    SearchResponse drilled = catalog.search(new SearchRequest("revenue", 50, List.of("kind=view")));
    assertThat(drilled.hits()).extracting(SearchHit::id).containsExactly(id(3));
    assertThat(drilled.facets().get("kind")).as("drill-sideways").containsEntry("table", 29L);
  }

  @Test
  void fieldListingsCountFields() throws Exception {
    SearchResponse r = catalog.search(SearchRequest.of("kind:field revenue", 10));
    assertThat(r.facets().get("kind")).containsOnlyKeys("field");
    assertThat(r.total()).isEqualTo(90);
    assertThat(name(0).toLowerCase(Locale.ROOT)).isEqualTo(name(0));
  }
}
