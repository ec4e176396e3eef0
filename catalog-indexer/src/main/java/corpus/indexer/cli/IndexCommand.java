package corpus.indexer.cli;

import corpus.indexer.CorpusHome;
import corpus.indexer.gdpr.GdprFieldClassifications;
import corpus.indexer.history.CatalogHistory;
import corpus.indexer.history.HistoryRecorder;
import corpus.indexer.index.IndexSummary;
import corpus.indexer.index.Indexer;
import corpus.indexer.model.Problem;
import corpus.indexer.source.CatalogSource;
import corpus.indexer.source.SourceSpecs;
import corpus.indexer.store.CorpusDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corpus index}: crawls sources into a Lucene catalog, progress on stderr. */
@Command(name = "index", description = "Crawl sources into a catalog (progress on stderr).")
public final class IndexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog to (re)build.")
  Path indexDir;

  @Option(names = "--source", paramLabel = "SPEC",
      description = "sample | duckdb:FILE | export:DIR | docs:DIR (repeatable; default: sample).")
  List<String> sources = new ArrayList<>();

  @Option(names = "--rebuild", description = "Rebuild from scratch instead of updating what changed.")
  boolean rebuild;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    CorpusHome home = CorpusHome.resolve();
    List<String> specs = sources.isEmpty() ? List.of("sample") : sources;
    List<CatalogSource> parsed = new ArrayList<>();
    for (String s : specs) {
      try {
        parsed.addAll(SourceSpecs.parse(s, home));
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), 2);
      }
    }
    GdprFieldClassifications classifications = GdprFieldClassifications.load(home.database());
    Indexer indexer = new Indexer(indexDir).withClassifications(classifications);
    ConsoleProgress progress = new ConsoleProgress(err);
    IndexSummary summary = rebuild ? indexer.run(parsed, progress) : indexer.update(parsed, progress);
    CatalogHistory.Outcome history;
    try (CorpusDatabase db = CorpusDatabase.open(home.database())) {
      long crawlId = db.crawls().record(indexDir, specs, summary);
      history = HistoryRecorder.record(db, indexDir, classifications, crawlId);
    }
    err.printf(Locale.ROOT, "indexed %,d datasets, %,d tables, %,d fields, %,d docs into %s in %.1f s"
        + " (%,d tables written, %,d removed)%n", summary.datasets(), summary.tables(), summary.fields(),
        summary.docs(), indexDir, summary.tookMs() / 1000.0, summary.tablesWritten(), summary.tablesRemoved());
    err.printf(Locale.ROOT, "catalog history: %,d added, %,d changed, %,d removed (corpus history --index-dir %s TABLE)%n",
        history.added(), history.changed(), history.removed(), indexDir);
    if (!summary.problems().isEmpty()) {
      err.printf(Locale.ROOT, "%d input(s) skipped:%n", summary.problems().size());
      for (Problem p : summary.problems()) {
        err.println("  " + p);
      }
    }
    err.flush();
    boolean nothing = summary.tables() == 0 && summary.docs() == 0 && summary.datasets() == 0;
    return nothing && !summary.problems().isEmpty() ? 1 : 0;
  }
}
