package corpus.indexer.cli;

import corpus.indexer.bench.QueryWorkload;
import corpus.indexer.generate.SyntheticExport;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.search.SearchHit;
import corpus.indexer.search.SearchRequest;
import corpus.indexer.source.export.ExportSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code corpus aot-training}: what the launcher runs once after each build, with the JVM
 * recording an ahead-of-time cache (classes loaded and linked, method profiles) that later starts
 * use: it indexes a small generated catalog, opens it, searches, completes and reads tables, in a
 * temporary folder it removes. Hidden: people never need to run it.
 */
@Command(name = "aot-training", hidden = true, description = "Exercise indexing and search once (the launcher's"
    + " startup cache is recorded while this runs).")
final class AotTrainingCommand implements Callable<Integer> {

  @Option(names = "--work-dir", description = "Where the temporary catalog goes (default: the system's temp folder).")
  Path parent;

  @Override
  public Integer call() throws Exception {
    Path work = parent == null ? Files.createTempDirectory("corpus-aot-training")
        : Files.createTempDirectory(Files.createDirectories(parent), "corpus-aot-training");
    try {
      Path export = work.resolve("export");
      new SyntheticExport(7).write(export, 400, 30, ProgressListener.NONE);
      Path index = work.resolve("index");
      new Indexer(index).run(List.of(new ExportSource(export)), ProgressListener.NONE);
      try (LuceneCatalog catalog = LuceneCatalog.open(index)) {
        for (QueryWorkload.Query q : QueryWorkload.generate(7, 600, List.of())) {
          for (SearchHit hit : catalog.search(SearchRequest.of(q.text(), 10)).hits()) {
            if (hit.kind().equals("table")) {
              catalog.table(TableId.parse(hit.id()));
            }
          }
        }
        for (String prefix : QueryWorkload.prefixes(7, 300, List.of())) {
          catalog.complete(prefix, 10);
        }
      }
      return 0;
    } finally {
      delete(work);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
