package corpus.app.gdpr;

import corpus.gdpr.review.ReviewItem;
import corpus.gdpr.scan.ValueSampler;
import corpus.indexer.CorpusHome;
import corpus.indexer.gdpr.CatalogSnapshot;
import corpus.indexer.gdpr.GdprScan;
import corpus.indexer.gdpr.MaskedExamples;
import corpus.indexer.gdpr.WarehouseSampler;
import corpus.indexer.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Scans the app's catalog and samples its warehouse: the warehouse named in the crawl log for the
 * catalog, else the embedded sample when it exists, else none (names, types and lineage only).
 * Masked examples sample a few rows afresh and keep nothing.
 */
public final class CatalogReviewSampling implements ReviewSampling {

  private static final int EXAMPLE_ROWS = 20;

  private final Path indexDir;
  private final CorpusHome home;
  private final ReviewService service;

  public CatalogReviewSampling(Path indexDir, CorpusHome home, ReviewService service) {
    this.indexDir = indexDir;
    this.home = home;
    this.service = service;
  }

  @Override
  public String scan(ProgressListener progress) throws Exception {
    progress.progress("Reading the catalog", 0, 3);
    CatalogSnapshot catalog = CatalogSnapshot.read(indexDir);
    Optional<String> warehouse = warehouse();
    progress.progress("Classifying fields" + (warehouse.isPresent() ? " and sampling values" : ""), 1, 3);
    GdprScan.Result r;
    if (warehouse.isPresent()) {
      try (WarehouseSampler sampler = WarehouseSampler.open(warehouse.get(), home, catalog.tablesById(),
          corpus.indexer.gdpr.DuckDbValueSampler.DEFAULT_ROWS)) {
        r = service.scan(catalog, sampler);
      }
    } else {
      r = service.scan(catalog, ValueSampler.none());
    }
    progress.progress("Done", 3, 3);
    long personal = r.fields().stream().filter(f -> !"not_personal".equals(f.category())).count();
    return String.format(Locale.ROOT, "Scanned %,d fields: %,d personal, %,d new, %,d flagged for re-review%s",
        r.fields().size(), personal, r.outcome().added(), r.outcome().flagged().size(),
        r.problems().isEmpty() ? "" : "; " + r.problems().size() + " table(s) could not be sampled");
  }

  @Override
  public Optional<String> maskedExample(ReviewItem item) throws Exception {
    Optional<String> warehouse = warehouse();
    if (warehouse.isEmpty()) {
      return Optional.empty();
    }
    CatalogSnapshot catalog = CatalogSnapshot.read(indexDir);
    try (WarehouseSampler sampler = WarehouseSampler.open(warehouse.get(), home, catalog.tablesById(), EXAMPLE_ROWS)) {
      return new MaskedExamples(service.classifier(), sampler)
          .example(item.key().table(), item.key().field(), item.effectiveCategory());
    }
  }

  private Optional<String> warehouse() throws Exception {
    Optional<String> spec = WarehouseSampler.specOf(indexDir, home);
    if (spec.isEmpty() && Files.isRegularFile(home.sampleDir().resolve("warehouse.duckdb"))) {
      return Optional.of("sample");
    }
    return spec;
  }
}
