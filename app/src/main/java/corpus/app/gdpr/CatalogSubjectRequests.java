package corpus.app.gdpr;

import corpus.indexer.CorpusHome;
import corpus.indexer.gdpr.CatalogSnapshot;
import corpus.indexer.gdpr.SubjectRequestCosts;
import corpus.indexer.gdpr.SubjectRequestFinder;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.warehouse.Pricing;
import corpus.indexer.warehouse.QueryEstimator;
import corpus.indexer.warehouse.Warehouse;
import corpus.indexer.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.List;

/**
 * Answers data-subject requests over the app's catalog as {@code corpus gdpr dsr} does: the tables
 * holding an identifier kind (classifications from the review store, scanning from metadata first
 * when fields were never scanned), each statement estimated by the workbench's
 * {@link QueryEstimator} against the catalog's warehouse (EU location, default price).
 */
public final class CatalogSubjectRequests implements SubjectRequestViewModel.Planner {

  private final Path indexDir;
  private final CorpusHome home;
  private final ReviewService service;

  public CatalogSubjectRequests(Path indexDir, CorpusHome home, ReviewService service) {
    this.indexDir = indexDir;
    this.home = home;
    this.service = service;
  }

  @Override
  public List<SubjectRequestCosts.Costed> plan(String kind, ProgressListener progress) throws Exception {
    progress.progress("Reading the catalog", 0, 1);
    CatalogSnapshot catalog = CatalogSnapshot.read(indexDir);
    List<SubjectRequestFinder.TablePlan> plans = service.subjectRequestPlans(catalog, kind);
    try (LuceneCatalog reader = LuceneCatalog.open(indexDir);
        Warehouse warehouse = Warehouses.forCatalog(indexDir, home)) {
      return SubjectRequestCosts.estimate(plans, QueryEstimator.of(reader, warehouse, Pricing.DEFAULT, "EU", null),
          progress);
    }
  }
}
