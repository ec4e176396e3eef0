package corpus.indexer.cli;

import corpus.gdpr.detect.Classifier;
import corpus.gdpr.review.ReviewStore;
import corpus.indexer.gdpr.GovernanceExport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corpus gdpr export}: confirmed classifications as one JSON file per table, for git. */
@Command(name = "export", description = "Export confirmed classifications as governance-as-code (one JSON file per table).")
public final class GdprExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the files into.")
  Path out;

  @Option(names = "--db", paramLabel = "FILE", description = "SQLite database of decisions (default: ~/.corpus/corpus.db).")
  Path db;

  @Override
  public Integer call() throws Exception {
    Classifier classifier = Classifier.withDefaults();
    List<String> tables;
    try (ReviewStore store = GdprCommand.openStore(db, classifier)) {
      tables = new GovernanceExport(classifier.taxonomy()).write(store, out);
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("wrote " + tables.size() + " table file(s) of confirmed classifications into " + out);
    err.flush();
    return 0;
  }
}
