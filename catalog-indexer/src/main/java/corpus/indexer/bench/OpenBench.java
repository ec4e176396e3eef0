package corpus.indexer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.CatalogJson;
import corpus.indexer.search.SearchRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long a person waits from starting Corpus to the first result. Each run is a fresh JVM,
 * started with this JVM's options and class path (an AOT cache in use here is used there too),
 * that opens the catalog and searches once; it reports the time from its JVM's start to its main
 * method, the opening and the first search.
 *
 * <pre>{@code
 * Map<String, Object> figures = OpenBench.runs(indexDir, "user account", 5, false);
 * }</pre>
 */
public final class OpenBench {

  /** One fresh start, in milliseconds; {@code warmUpMs} is 0 without the app's warm-up. */
  public record Run(double jvmStartToMainMs, double openMs, double warmUpMs, double firstSearchMs) {

    public double openToFirstResultMs() {
      return openMs + warmUpMs + firstSearchMs;
    }
  }

  private static final ObjectMapper JSON = CatalogJson.mapper();

  private OpenBench() {}

  /**
   * One run in this JVM: meant as the first thing a fresh JVM does. With {@code warmUp}, the
   * catalog's {@link corpus.indexer.catalog.CatalogReader#warmUp() warm-up} runs between opening
   * and the timed search, as the app runs it once a catalog is open: the timed search is then the
   * first one a person makes.
   */
  public static Run once(Path indexDir, String query, boolean warmUp) throws IOException {
    double atMain = ManagementFactory.getRuntimeMXBean().getUptime();
    long start = System.nanoTime();
    try (LuceneCatalog catalog = LuceneCatalog.open(indexDir)) {
      long opened = System.nanoTime();
      if (warmUp) {
        catalog.warmUp();
      }
      long warmed = System.nanoTime();
      catalog.search(SearchRequest.of(query, 10));
      long answered = System.nanoTime();
      return new Run(atMain, (opened - start) / 1e6, (warmed - opened) / 1e6, (answered - warmed) / 1e6);
    }
  }

  /** The run of {@link #once} as the line a child JVM prints. */
  public static String line(Run run) throws IOException {
    return JSON.writeValueAsString(run);
  }

  /** {@code runs} fresh JVMs one after the other, each running {@code bench open --once}. */
  public static Map<String, Object> runs(Path indexDir, String query, int runs, boolean warmUp) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
    command.addAll(options);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(System.getProperty("sun.java.command").split(" ")[0]);
    command.addAll(List.of("bench", "open", "--once", "--index-dir", indexDir.toString(), "--query", query));
    if (warmUp) {
      command.add("--warm-up");
    }
    List<Run> all = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor() != 0 || out.isEmpty()) {
        throw new IOException("a fresh run failed (exit " + p.exitValue() + "): " + String.join(" ", command));
      }
      all.add(JSON.readValue(out.substring(out.lastIndexOf('\n') + 1), Run.class));
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("runs", all.size());
    figures.put("aotCache", options.stream().anyMatch(o -> o.startsWith("-XX:AOTCache=")));
    figures.put("openToFirstResultMs", stats(all.stream().mapToDouble(Run::openToFirstResultMs).toArray()));
    figures.put("jvmStartToFirstResultMs", stats(all.stream()
        .mapToDouble(r -> r.jvmStartToMainMs() + r.openToFirstResultMs()).toArray()));
    figures.put("openMs", stats(all.stream().mapToDouble(Run::openMs).toArray()));
    if (warmUp) {
      figures.put("warmUpMs", stats(all.stream().mapToDouble(Run::warmUpMs).toArray()));
    }
    figures.put("firstSearchMs", stats(all.stream().mapToDouble(Run::firstSearchMs).toArray()));
    figures.put("each", all);
    return figures;
  }

  private static Map<String, Double> stats(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("min", round(sorted[0]));
    out.put("median", round(sorted[sorted.length / 2]));
    out.put("max", round(sorted[sorted.length - 1]));
    return out;
  }

  private static double round(double ms) {
    return Math.round(ms * 10) / 10.0;
  }
}
