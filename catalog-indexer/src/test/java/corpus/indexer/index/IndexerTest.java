package corpus.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.search.SearchRequest;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {

  @TempDir Path dir;

  @Test
  void indexesEveryGoodTableAndReportsEachBadInputWithFileAndLine() throws Exception {
    IndexSummary summary = FixtureCatalog.build(dir);

    assertThat(summary.tables()).isEqualTo(5);
    assertThat(summary.fields()).isEqualTo(21);
    assertThat(summary.docs()).isEqualTo(2);
    assertThat(summary.problems()).extracting(p -> p.file().substring(p.file().lastIndexOf('/') + 1) + ":" + p.line())
        .containsExactlyInAnyOrder("broken.json:1", "raw.ndjson:3", "raw.ndjson:4");
    assertThat(summary.problems()).extracting(Problem::reason)
        .anySatisfy(r -> assertThat(r).contains("missing tableReference"));
  }

  @Test
  void storesTheWholeTableWithNestedFieldsForTheTablePage() throws Exception {
    FixtureCatalog.build(dir);
    try (LuceneCatalog catalog = LuceneCatalog.open(dir)) {
      Table table = catalog.table(TableId.parse("acme-prod.creator.daily_creator_metrics")).orElseThrow();
      assertThat(table.flatFields()).extracting(f -> f.path()).contains("actions_received.metric_name");
      assertThat(table.timePartitioning().field()).isEqualTo("date");
      assertThat(table.labels()).containsEntry("owner", "creator-team");
      assertThat(catalog.tableCount()).isEqualTo(5);
    }
  }

  @Test
  void linksDocsToTheTablesTheyMentionAndToTheTableTheyAreNamedAfter() throws Exception {
    FixtureCatalog.build(dir);
    try (LuceneCatalog catalog = LuceneCatalog.open(dir)) {
      assertThat(catalog.docsFor(TableId.parse("acme-prod.creator.daily_creator_metrics")))
          .extracting(d -> d.title()).containsExactly("Creator metrics design");
      assertThat(catalog.docsFor(TableId.parse("acme-prod.catalog.track_metadata")))
          .as("dataset.table is unambiguous").extracting(d -> d.title()).containsExactly("Creator metrics design");
      assertThat(catalog.docsFor(TableId.parse("acme-prod.users.user_accounts")))
          .extracting(d -> d.title()).containsExactly("User accounts");
    }
  }

  @Test
  void aLaterCopyOfATableInTheSameRunReplacesTheEarlierOne() throws Exception {
    CatalogSource twice = source(sink -> {
      for (int i = 0; i < 300; i++) {
        TableId id = TableId.parse("p.d.t" + i);
        sink.table(Table.builder(id).description("first copy").build());
        sink.table(Table.builder(id).description("second copy").build());
      }
    });
    new Indexer(dir, 4).run(List.of(twice), ProgressListener.NONE);
    try (LuceneCatalog catalog = LuceneCatalog.open(dir)) {
      assertThat(catalog.tableCount()).isEqualTo(300);
      for (int i = 0; i < 300; i++) {
        assertThat(catalog.table(TableId.parse("p.d.t" + i)).orElseThrow().description()).isEqualTo("second copy");
      }
    }
  }

  @Test
  void reindexReplacesTheCatalogExactly() throws Exception {
    FixtureCatalog.build(dir);
    try (LuceneCatalog catalog = LuceneCatalog.open(dir)) {
      CatalogSource one = source(sink -> sink.table(Table.builder(TableId.parse("p.d.only")).build()));
      new Indexer(dir).run(List.of(one), ProgressListener.NONE);
      catalog.refresh();
      assertThat(catalog.tableCount()).isEqualTo(1);
      assertThat(catalog.search(SearchRequest.of("daily_creator_metrics", 5)).hits()).isEmpty();
    }
  }

  @Test
  void cancelledRunKeepsThePreviousCatalog() throws Exception {
    FixtureCatalog.build(dir);
    CatalogSource interrupting = source(sink -> {
      sink.table(Table.builder(TableId.parse("p.d.first")).build());
      Thread.currentThread().interrupt();
      sink.table(Table.builder(TableId.parse("p.d.second")).build());
    });
    assertThatThrownBy(() -> new Indexer(dir).run(List.of(interrupting), ProgressListener.NONE))
        .isInstanceOf(IndexCancelledException.class);
    Thread.interrupted();
    try (LuceneCatalog catalog = LuceneCatalog.open(dir)) {
      assertThat(catalog.tableCount()).isEqualTo(5);
    }
  }

  @Test
  void aSourceThatFailsWhollyIsReportedAndTheOthersStillIndex() throws Exception {
    CatalogSource failing = source(sink -> {
      throw new java.nio.file.NoSuchFileException("/nowhere");
    });
    CatalogSource good = source(sink -> sink.table(Table.builder(TableId.parse("p.d.t")).build()));
    IndexSummary summary = new Indexer(dir).run(List.of(failing, good), ProgressListener.NONE);
    assertThat(summary.tables()).isEqualTo(1);
    assertThat(summary.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("/nowhere"));
  }

  private interface Crawl {
    void crawl(CatalogSink sink) throws Exception;
  }

  private static CatalogSource source(Crawl crawl) {
    return new CatalogSource() {
      @Override
      public String spec() {
        return "test:";
      }

      @Override
      public void crawl(CatalogSink sink, ProgressListener progress) throws Exception {
        crawl.crawl(sink);
      }
    };
  }
}
