package corpus.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import corpus.indexer.progress.ProgressListener;
import corpus.indexer.search.SearchHit;
import corpus.indexer.search.SearchRequest;
import corpus.indexer.source.CatalogSource;
import corpus.indexer.source.docs.DocsSource;
import corpus.indexer.source.export.ExportSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalIndexTest {

  @TempDir Path work;
  Path export;
  Path docs;
  Path index;

  @BeforeEach
  void copyFixtures() throws Exception {
    export = copy(FixtureCatalog.fixture("export"), work.resolve("export"));
    docs = copy(FixtureCatalog.fixture("docs"), work.resolve("docs"));
    index = work.resolve("index");
  }

  private List<CatalogSource> sources() {
    return List.of(new ExportSource(export), new DocsSource(docs));
  }

  @Test
  void anUnchangedCrawlRewritesNothing() throws Exception {
    new Indexer(index).update(sources(), ProgressListener.NONE);
    IndexSummary again = new Indexer(index).update(sources(), ProgressListener.NONE);
    assertThat(again.tables()).isEqualTo(5);
    assertThat(again.fields()).isEqualTo(21);
    assertThat(again.tablesWritten()).isZero();
    assertThat(again.tablesRemoved()).isZero();
  }

  @Test
  void rewritesOnlyChangedTablesRemovesVanishedOnesAndEqualsARebuild() throws Exception {
    new Indexer(index).update(sources(), ProgressListener.NONE);
    Path catalogFile = export.resolve("catalog.json");
    Files.writeString(catalogFile, Files.readString(catalogFile)
        .replace("Track metadata, SCD type 2", "Track metadata with lyrics language, SCD type 2"));
    Files.setLastModifiedTime(catalogFile, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    Files.delete(export.resolve("daily_creator_metrics.json"));

    IndexSummary update = new Indexer(index).update(sources(), ProgressListener.NONE);

    assertThat(update.tablesWritten()).isEqualTo(1);
    assertThat(update.tablesRemoved()).isEqualTo(1);
    assertThat(update.tables()).isEqualTo(4);
    Path rebuilt = work.resolve("rebuilt");
    new Indexer(rebuilt).run(sources(), ProgressListener.NONE);
    for (String q : List.of("lyrics language", "creator", "kind:table", "metric_name", "email", "kind:doc")) {
      assertThat(ids(index, q)).as(q).isEqualTo(ids(rebuilt, q));
    }
    assertThat(ids(index, "lyrics")).singleElement().asString().startsWith("acme-prod.catalog.track_metadata ");
  }

  @Test
  void aChangedFileRewritesOnlyItsChangedTablesAndIsSkippedNextTime() throws Exception {
    new Indexer(index).update(sources(), ProgressListener.NONE);
    Path raw = export.resolve("raw.ndjson");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(raw));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"plays_raw\"")) {
        String line = lines.get(i);
        lines.set(i, line.substring(0, line.lastIndexOf('}')) + ",\"friendlyName\":\"renamed plays\"}");
      }
    }
    Files.write(raw, lines);
    Files.setLastModifiedTime(raw, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

    IndexSummary update = new Indexer(index).update(sources(), ProgressListener.NONE);
    assertThat(update.tablesWritten()).as("only plays_raw changed in raw.ndjson").isEqualTo(1);
    IndexSummary again = new Indexer(index).update(sources(), ProgressListener.NONE);
    assertThat(again.tablesWritten()).isZero();
    assertThat(again.tables()).isEqualTo(5);
    Path rebuilt = work.resolve("rebuilt");
    new Indexer(rebuilt).run(sources(), ProgressListener.NONE);
    for (String q : List.of("renamed plays", "user_accounts", "kind:table", "creator_plays_v")) {
      assertThat(ids(index, q)).as(q).isEqualTo(ids(rebuilt, q));
    }
  }

  @Test
  void anOpenCatalogSeesTheUpdateAfterRefresh() throws Exception {
    new Indexer(index).update(sources(), ProgressListener.NONE);
    try (LuceneCatalog open = LuceneCatalog.open(index)) {
      Files.delete(export.resolve("raw.ndjson"));
      new Indexer(index).update(sources(), ProgressListener.NONE);
      open.refresh();
      assertThat(open.tableCount()).isEqualTo(2);
    }
  }

  /** Hits as "id matchedFields badges", sorted: what a user sees, independent of ties in order. */
  @Test
  void aCatalogWithAnEarlierLayoutIsRebuiltNotUpdated() throws Exception {
    new Indexer(index).update(sources(), ProgressListener.NONE);
    try (FSDirectory dir = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new HashMap<>();
      writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.remove(LuceneCatalog.LAYOUT_KEY); // as Corpus wrote catalogs before it recorded layouts
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }

    assertThat(LuceneCatalog.exists(index)).isFalse();
    assertThatThrownBy(() -> LuceneCatalog.open(index)).hasMessageContaining("built by an earlier version of Corpus")
        .hasMessageContaining("corpus index --index-dir");
    IndexSummary update = new Indexer(index).update(sources(), ProgressListener.NONE);

    assertThat(update.tablesWritten()).isEqualTo(5); // every table, not none as for an unchanged crawl
    assertThat(LuceneCatalog.exists(index)).isTrue();
    assertThat(ids(index, "track_met")).first().asString().startsWith("acme-prod.catalog.track_metadata ");
  }

  private static List<String> ids(Path index, String query) throws Exception {
    try (LuceneCatalog catalog = LuceneCatalog.open(index)) {
      List<String> ids = new ArrayList<>();
      for (SearchHit h : catalog.search(SearchRequest.of(query, 50)).hits()) {
        ids.add(h.id() + " " + String.join(",", h.matchedFields()) + " " + String.join(",", h.badges()));
      }
      return ids.stream().sorted().toList();
    }
  }

  private static Path copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
