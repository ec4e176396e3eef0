package corpus.indexer.cli;

import corpus.gdpr.detect.Classifier;
import corpus.gdpr.review.ReviewStore;
import corpus.indexer.CorpusHome;
import corpus.indexer.gdpr.CatalogSnapshot;
import corpus.indexer.gdpr.FieldClassification;
import corpus.indexer.gdpr.GdprScan;
import corpus.indexer.gdpr.GdprStores;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code corpus gdpr}: GDPR classification, review and reporting for headless use — {@code scan},
 * {@code report}, {@code verify-audit}, {@code export}, {@code dsr} and {@code sync-policy-tags}.
 * Decisions and the audit log
 * live in the Corpus SQLite database ({@code --db}, default {@code ~/.corpus/corpus.db}).
 */
@Command(name = "gdpr", description = "GDPR classification, review and reporting (see docs/gdpr.md).",
    subcommands = {GdprScanCommand.class, GdprReportCommand.class, GdprVerifyAuditCommand.class,
      GdprExportCommand.class, GdprDsrCommand.class, GdprSyncPolicyTagsCommand.class})
public final class GdprCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** {@code --db}, else the Corpus home's database. */
  static Path database(Path db) {
    return db != null ? db : CorpusHome.resolve().database();
  }

  /** Opens the review store, as a CLI error when it cannot be opened. */
  static ReviewStore openStore(Path db, Classifier classifier) throws IOException {
    return GdprStores.open(database(db), classifier.taxonomy());
  }

  /**
   * The classification of every field of {@code catalog}; fields the store has never seen are
   * scanned first from metadata and lineage, so reports work before any explicit scan.
   */
  static List<FieldClassification> classifications(CatalogSnapshot catalog, ReviewStore store, Classifier classifier)
      throws SQLException {
    return GdprScan.classificationsOrScan(catalog, store, classifier);
  }
}
