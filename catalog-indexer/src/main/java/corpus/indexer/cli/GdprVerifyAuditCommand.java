package corpus.indexer.cli;

import corpus.gdpr.audit.AuditVerification;
import corpus.gdpr.detect.Classifier;
import corpus.gdpr.review.ReviewStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corpus gdpr verify-audit}: recomputes the audit log's hash chain. Exit 0 and the entry
 * count and head hash when intact; exit 1 and the first broken entry with the reason otherwise.
 */
@Command(name = "verify-audit", description = "Prove the GDPR audit log's hash chain intact (exit 0) or show the first broken entry (exit 1).")
public final class GdprVerifyAuditCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--db", paramLabel = "FILE", description = "SQLite database of decisions (default: ~/.corpus/corpus.db).")
  Path db;

  @Override
  public Integer call() throws Exception {
    Path file = GdprCommand.database(db);
    if (!Files.exists(file)) {
      throw new CliException("no Corpus database at " + file, 1);
    }
    AuditVerification v;
    try (ReviewStore store = GdprCommand.openStore(db, Classifier.withDefaults())) {
      v = store.auditLog().verify();
    }
    PrintWriter w = v.intact() ? spec.commandLine().getOut() : spec.commandLine().getErr();
    w.println(v.describe());
    w.flush();
    return v.intact() ? 0 : 1;
  }
}
