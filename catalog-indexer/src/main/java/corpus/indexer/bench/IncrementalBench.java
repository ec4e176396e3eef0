package corpus.indexer.bench;

import corpus.indexer.index.IndexSummary;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.search.SearchRequest;
import corpus.indexer.source.export.ExportSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The incremental re-index benchmark: copies an NDJSON export, builds a catalog from it, changes the
 * friendly name of a seeded share of its tables and removes a few, runs {@link Indexer#update}, and
 * reports how long the update took, how many tables it rewrote and removed, and how long an open
 * catalog takes to see the change.
 */
public final class IncrementalBench {

  /** What to run: the share of tables changed, the share removed, the seed that picks them. */
  public record Options(double changed, double removed, long seed, int threads) {}

  private final ProgressListener progress;

  public IncrementalBench(ProgressListener progress) {
    this.progress = progress;
  }

  public Map<String, Object> run(Path export, Path work, Options options) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("machine", SearchBench.machine());
    Path copy = work.resolve("export");
    Path indexDir = work.resolve("index");
    copyExport(export, copy);
    Indexer indexer = new Indexer(indexDir, options.threads());
    IndexSummary built = indexer.run(List.of(new ExportSource(copy)), progress);
    out.put("tables", built.tables());
    out.put("fields", built.fields());
    out.put("buildSeconds", SearchBench.round(built.tookMs() / 1000.0));

    Touched touched = touch(copy, options);
    out.put("tablesChanged", touched.changed());
    out.put("tablesRemovedFromExport", touched.removed());
    out.put("filesTouched", touched.files());
    out.put("filesUnchanged", touched.filesTotal() - touched.files());

    try (LuceneCatalog open = LuceneCatalog.open(indexDir)) {
      long cpu = CpuClock.processNanos();
      double load = CpuClock.loadAverage();
      IndexSummary update = indexer.update(List.of(new ExportSource(copy)), progress);
      out.put("updateSeconds", SearchBench.round(update.tookMs() / 1000.0));
      out.put("updateCpuSeconds", SearchBench.round((CpuClock.processNanos() - cpu) / 1e9));
      out.put("updateLoadAverage", load);
      out.put("tablesWritten", update.tablesWritten());
      out.put("tablesRemoved", update.tablesRemoved());
      long refresh = System.nanoTime();
      open.refresh();
      long hits = open.search(SearchRequest.of("\"" + Touched.MARK + "\"", 10)).total();
      out.put("openCatalogRefreshMs", SearchBench.round((System.nanoTime() - refresh) / 1e6));
      out.put("openCatalogSeesChange", hits > 0);
    }
    return out;
  }

  private record Touched(long changed, long removed, int files, int filesTotal) {
    static final String MARK = "incrementalbenchmark";
  }

  /** Gives the chosen tables a friendly name and drops the removed ones, file by file. */
  private Touched touch(Path dir, Options options) throws IOException {
    SplittableRandom random = new SplittableRandom(options.seed());
    long changed = 0;
    long removed = 0;
    int files = 0;
    List<Path> all;
    try (Stream<Path> walk = Files.list(dir)) {
      all = walk.filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().toList();
    }
    for (Path file : all) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> kept = new ArrayList<>(lines.size());
      boolean touchedFile = false;
      for (String line : lines) {
        if (line.isBlank()) {
          continue;
        }
        double r = random.nextDouble();
        if (r < options.removed()) {
          removed++;
          touchedFile = true;
        } else if (r < options.removed() + options.changed()) {
          int end = line.lastIndexOf('}');
          kept.add(line.substring(0, end) + ",\"friendlyName\":\"" + Touched.MARK + " " + changed + "\"}");
          changed++;
          touchedFile = true;
        } else {
          kept.add(line);
        }
      }
      if (touchedFile) {
        files++;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          for (String line : kept) {
            w.write(line);
            w.write('\n');
          }
        }
      }
    }
    return new Touched(changed, removed, files, all.size());
  }

  private static void copyExport(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> walk = Files.list(from)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Files.copy(p, to.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
