package corpus.app.testing;

import corpus.app.catalog.LuceneCatalogLoader;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.DocSection;
import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableKind;
import corpus.indexer.model.TableUsage;
import corpus.indexer.model.TimePartitioning;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A small, hand-made warehouse indexed by the real {@link Indexer} into a folder: a published
 * daily creator metrics table with nested repeated fields and a design doc, an SCD2 track table,
 * a view and a raw events table. Tests search and open it like the app does.
 */
public final class SmallCatalog implements CatalogSource {

  public static final TableId CREATOR_METRICS = TableId.parse("soundwave-prod.creator.daily_creator_metrics");
  public static final TableId TRACKS = TableId.parse("soundwave-prod.catalog.track_metadata");
  public static final TableId TOP_TRACKS = TableId.parse("soundwave-prod.catalog.top_tracks_v");
  public static final TableId APP_EVENTS = TableId.parse("soundwave-raw.events.app_events");
  public static final String DOC_TITLE = "Daily creator metrics design";
  public static final Instant MODIFIED = Instant.parse("2026-11-20T08:30:00Z");

  @Override
  public String spec() {
    return "test:small";
  }

  /** Indexes the small warehouse into the folder and opens it. */
  public static CatalogReader build(Path indexDir) throws IOException {
    new Indexer(indexDir).run(List.of(new SmallCatalog()), ProgressListener.NONE);
    return LuceneCatalog.open(indexDir);
  }

  /** A loader that builds this warehouse, as the app builds the sample. */
  public static LuceneCatalogLoader loader(Path indexDir) {
    return new LuceneCatalogLoader(indexDir, () -> List.of(new SmallCatalog()));
  }

  @Override
  public void crawl(CatalogSink sink, ProgressListener progress) {
    sink.dataset(new Dataset("soundwave-prod", "creator", "EU", "Published creator analytics",
        Map.of("owner", "creator-insights", "tier", "gold"), null, null));
    sink.dataset(new Dataset("soundwave-prod", "catalog", "EU", "Published music catalog",
        Map.of("owner", "catalog-team", "tier", "silver"), null, null));
    sink.dataset(new Dataset("soundwave-raw", "events", "US", null, Map.of(), null, null));
    sink.table(creatorMetrics());
    sink.table(Table.builder(TRACKS)
        .description("Track metadata history (SCD type 2): one row per track version")
        .labels(Map.of("owner", "catalog-team", "tier", "silver"))
        .schema(List.of(
            new Field("track_id", "STRING", "REQUIRED", "Track key", null, null),
            new Field("title", "STRING", null, "Track title as released", null, null),
            new Field("valid_from", "DATE", "REQUIRED", "First day this version is valid", null, null),
            new Field("valid_to", "DATE", "REQUIRED", "Day after the last valid day; 2060-01-01 when open", null, null),
            new Field("is_current", "BOOL", null, "True for the open version", null, null)))
        .numRows(120_000L).numBytes(14_000_000L).location("EU")
        .creationTime(Instant.parse("2024-01-10T10:00:00Z")).lastModifiedTime(MODIFIED)
        .build());
    sink.table(Table.builder(TOP_TRACKS).kind(TableKind.VIEW)
        .description("Most played tracks of the last 28 days")
        .schema(List.of(Field.of("track_id", "STRING"), Field.of("plays", "INT64")))
        .viewQuery("SELECT track_id, COUNT(*) AS plays FROM plays GROUP BY 1")
        .build());
    sink.table(Table.builder(APP_EVENTS)
        .schema(List.of(Field.of("event_time", "TIMESTAMP"), Field.of("user_id", "STRING"),
            Field.of("ip_address", "STRING")))
        .numRows(9_000_000L).numBytes(3_200_000_000L)
        .build());
    sink.doc(new Doc("creator/daily_creator_metrics.md", DOC_TITLE, "docs/creator/daily_creator_metrics.md",
        List.of(
            new DocSection(DOC_TITLE, "daily-creator-metrics-design",
                "How `soundwave-prod.creator.daily_creator_metrics` is built.", 1),
            new DocSection("Freshness", "freshness",
                "- Ready daily by **10:00 CET**\n- Late data is reprocessed for 3 days", 5)),
        List.of("soundwave-prod.creator.daily_creator_metrics")));
    sink.usage(new TableUsage(CREATOR_METRICS, 420, 37, MODIFIED));
  }

  private static Table creatorMetrics() {
    Field details = new Field("details", "RECORD", null, "Where the action came from", null,
        List.of(Field.of("source", "STRING"), Field.of("surface", "STRING")));
    Field actions = new Field("actions_received", "RECORD", "REPEATED",
        "Actions listeners took on the creator's content", null, List.of(
            new Field("is_logged_in", "BOOL", null, "Whether the listener was logged in", null, null),
            new Field("metric_name", "STRING", null, "Name of the action, e.g. follow or share", null, null),
            new Field("metric_value", "INT64", null, "How often the action happened", null, null),
            details));
    return Table.builder(CREATOR_METRICS)
        .friendlyName("Daily creator metrics")
        .description("Plays, listeners and actions per creator per day")
        .labels(Map.of("owner", "creator-insights", "tier", "gold", "freshness", "daily-10-cet"))
        .schema(List.of(
            new Field("date", "DATE", "REQUIRED", "Day the metrics are for", null, null),
            new Field("creator_id", "STRING", "REQUIRED", "Creator key", null, null),
            new Field("plays", "INT64", null, "Plays of the creator's tracks that day", null, null),
            new Field("listeners", "INT64", null, "Distinct listeners that day", null, null),
            actions))
        .timePartitioning(new TimePartitioning("DAY", "date", null, true))
        .clustering(List.of("creator_id"))
        .numRows(1_234_567L).numBytes(1_503_238_553L).location("EU")
        .creationTime(Instant.parse("2023-03-01T09:00:00Z")).lastModifiedTime(MODIFIED)
        .build();
  }
}
