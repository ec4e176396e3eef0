package corpus.indexer.bench;

import corpus.indexer.CorpusHome;
import corpus.indexer.index.IndexSummary;
import corpus.indexer.index.Indexer;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.model.Dataset;
import corpus.indexer.model.Doc;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableUsage;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.search.SearchRequest;
import corpus.indexer.source.CatalogSink;
import corpus.indexer.source.CatalogSource;
import corpus.indexer.source.SourceSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The search benchmark: builds a catalog from sources, then replays a fixed mixed workload and
 * reports build rate, latency percentiles, throughput, autocomplete latency, index size and heap.
 * Optionally the same workload against the SQLite FTS5 baseline.
 */
public final class SearchBench {

  /** What to run. */
  public record Options(int queries, int warmup, long seed, int threads, boolean baseline, boolean relevance,
      boolean reuseIndex, boolean settle) {

    public Options(int queries, int warmup, long seed, int threads, boolean baseline, boolean relevance) {
      this(queries, warmup, seed, threads, baseline, relevance, false, true);
    }

    public Options(int queries, int warmup, long seed, int threads, boolean baseline) {
      this(queries, warmup, seed, threads, baseline, false);
    }
  }

  /** Queries after opening whose latency is reported apart ({@code searchFirstQueries}). */
  static final int FIRST_QUERIES = 1_000;
  /** Warm-up rounds go on until the JIT compiled for less than this share of a round's time. */
  static final double SETTLED_SHARE = 0.02;
  static final int SETTLE_ROUND = 500;
  static final long MAX_WARM_UP_NANOS = 90_000_000_000L;
  private static final java.lang.management.CompilationMXBean JIT = java.lang.management.ManagementFactory
      .getCompilationMXBean();

  private final ProgressListener progress;

  public SearchBench(ProgressListener progress) {
    this.progress = progress;
  }

  /** Runs every stage and returns the figures by name, in a stable order. */
  public Map<String, Object> run(List<CatalogSource> sources, Path work, Options options) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    Path indexDir = work.resolve("index");
    out.put("machine", machine());

    out.put("loadAverageAtStart", CpuClock.loadAverage());

    if (options.reuseIndex() && LuceneCatalog.exists(indexDir)) {
      out.put("index", "reused " + indexDir);
    } else {
      build(sources, indexDir, options, out);
    }
    query(sources, indexDir, options, out);
    return out;
  }

  private void build(List<CatalogSource> sources, Path indexDir, Options options, Map<String, Object> out)
      throws Exception {
    HeapWatch.reset();
    long cpu = CpuClock.processNanos();
    IndexSummary summary = new Indexer(indexDir, options.threads()).run(sources, progress);
    double seconds = summary.tookMs() / 1000.0;
    double cpuSeconds = (CpuClock.processNanos() - cpu) / 1e9;
    out.put("tables", summary.tables());
    out.put("fields", summary.fields());
    out.put("indexSeconds", round(seconds));
    out.put("fieldDocsPerSecond", Math.round(summary.fields() / seconds));
    // what the build costs in CPU, and the rate it gives when it has the machine's cores to itself
    out.put("indexCpuSeconds", round(cpuSeconds));
    out.put("fieldDocsPerCpuSecond", Math.round(summary.fields() / cpuSeconds));
    out.put("fieldDocsPerSecondOnAllCores", Math.round(summary.fields() / cpuSeconds
        * Math.min(options.threads(), Runtime.getRuntime().availableProcessors())));
    out.put("loadAverageAfterBuild", CpuClock.loadAverage());
    out.put("indexPeakHeapMB", HeapWatch.peakBytes() >> 20);
    out.put("indexSizeMB", round(size(indexDir) / 1048576.0));
  }

  private void query(List<CatalogSource> sources, Path indexDir, Options options, Map<String, Object> out)
      throws Exception {
    Path work = indexDir.getParent();
    List<String> names = sampleNames(sources, options.seed());
    List<QueryWorkload.Query> workload = QueryWorkload.generate(options.seed(), options.queries(), names);
    List<String> prefixes = QueryWorkload.prefixes(options.seed(), options.queries(), names);

    HeapWatch.reset();
    long open = System.nanoTime();
    try (LuceneCatalog catalog = LuceneCatalog.open(indexDir)) {
      catalog.search(SearchRequest.of(workload.get(0).text(), 10));
      out.put("openToFirstResultMs", round((System.nanoTime() - open) / 1e6));

      // the first queries of a fresh JVM run while the JIT compiler still works on the same two
      // cores: reported apart, then warm-up goes on until compiling has settled (steady state)
      long warmStart = System.nanoTime();
      long[] first = new long[Math.min(options.warmup(), FIRST_QUERIES)];
      int warmed = 0;
      for (; warmed < options.warmup(); warmed++) {
        long t = System.nanoTime();
        catalog.search(SearchRequest.of(workload.get(warmed % workload.size()).text(), 10));
        if (warmed < first.length) {
          first[warmed] = System.nanoTime() - t;
        }
        catalog.complete(prefixes.get(warmed % prefixes.size()), 10);
      }
      while (options.settle() && System.nanoTime() - warmStart < MAX_WARM_UP_NANOS) {
        long compiling = JIT.getTotalCompilationTime();
        long round = System.nanoTime();
        for (int j = 0; j < SETTLE_ROUND; j++, warmed++) {
          catalog.search(SearchRequest.of(workload.get(warmed % workload.size()).text(), 10));
          catalog.complete(prefixes.get(warmed % prefixes.size()), 10);
        }
        double roundMs = (System.nanoTime() - round) / 1e6;
        if (JIT.getTotalCompilationTime() - compiling < SETTLED_SHARE * roundMs) {
          break;
        }
      }
      progress.progress("warm-up", warmed, warmed);
      out.put("searchFirstQueries", Percentiles.of(first));
      out.put("warmUpQueries", warmed);
      out.put("warmUpSeconds", round((System.nanoTime() - warmStart) / 1e9));
      long compilingBefore = JIT.getTotalCompilationTime();

      Map<String, List<Long>> byCategory = new LinkedHashMap<>();
      long[] all = new long[workload.size()];
      long[] allCpu = new long[workload.size()];
      long approximate = 0;
      out.put("loadAverageBeforeQueries", CpuClock.loadAverage());
      long start = System.nanoTime();
      for (int i = 0; i < workload.size(); i++) {
        long c = CpuClock.threadNanos();
        long t = System.nanoTime();
        if (catalog.search(SearchRequest.of(workload.get(i).text(), 10)).approximate()) {
          approximate++;
        }
        all[i] = System.nanoTime() - t;
        allCpu[i] = CpuClock.threadNanos() - c;
        byCategory.computeIfAbsent(workload.get(i).category(), k -> new ArrayList<>()).add(all[i]);
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      out.put("search", Percentiles.of(all));
      // the searching thread's own CPU time per query (facets are counted beside it, on another thread)
      out.put("searchCpu", Percentiles.of(allCpu));
      out.put("compilingMsDuringQueries", JIT.getTotalCompilationTime() - compilingBefore);
      out.put("searchApproximateFacetShare", round((double) approximate / workload.size()));
      out.put("searchQueriesPerSecond", Math.round(workload.size() / elapsed));
      Map<String, Percentiles> categories = new LinkedHashMap<>();
      byCategory.forEach((k, v) -> categories.put(k, Percentiles.of(v.stream().mapToLong(Long::longValue).toArray())));
      out.put("searchByCategory", categories);
      progress.progress("queries", workload.size(), workload.size());

      long[] complete = new long[prefixes.size()];
      long[] completeCpu = new long[prefixes.size()];
      for (int i = 0; i < prefixes.size(); i++) {
        long c = CpuClock.threadNanos();
        long t = System.nanoTime();
        catalog.complete(prefixes.get(i), 10);
        complete[i] = System.nanoTime() - t;
        completeCpu[i] = CpuClock.threadNanos() - c;
      }
      out.put("autocomplete", Percentiles.of(complete));
      out.put("autocompleteCpu", Percentiles.of(completeCpu));
      out.put("loadAverageAfterQueries", CpuClock.loadAverage());
      out.put("searchPeakHeapMB", HeapWatch.peakBytes() >> 20);
    }

    if (options.baseline()) {
      Path file = work.resolve("fts5.db");
      long t0 = System.nanoTime();
      try (Fts5Baseline fts = Fts5Baseline.build(file, sources)) {
        out.put("fts5BuildSeconds", round((System.nanoTime() - t0) / 1e9));
        out.put("fts5SizeMB", round(Files.size(file) / 1048576.0));
        for (int i = 0; i < options.warmup(); i++) {
          fts.search(workload.get(i % workload.size()).text(), 10);
        }
        long[] lat = new long[workload.size()];
        for (int i = 0; i < workload.size(); i++) {
          long t = System.nanoTime();
          fts.search(workload.get(i).text(), 10);
          lat[i] = System.nanoTime() - t;
        }
        out.put("fts5Search", Percentiles.of(lat));
      }
    }
    if (options.relevance()) {
      out.put("relevance", relevance(work));
    }
  }

  /**
   * Ranking quality of Corpus and of the FTS5 baseline on the embedded sample and its evaluation
   * set, both built from the same sources, with the latency of the evaluation queries.
   */
  private Map<String, Object> relevance(Path work) throws Exception {
    List<CatalogSource> sample = SourceSpecs.parse("sample", CorpusHome.resolve());
    List<RelevanceEval.Case> cases = RelevanceEval.load(RelevanceEval.SAMPLE_SET);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("queries", cases.size());
    Path indexDir = work.resolve("sample-index");
    new Indexer(indexDir).run(sample, progress);
    try (LuceneCatalog catalog = LuceneCatalog.open(indexDir)) {
      out.put("corpus", evaluate(cases, RelevanceEval.corpus(catalog)));
    }
    try (Fts5Baseline fts = Fts5Baseline.build(work.resolve("sample-fts5.db"), sample)) {
      out.put("fts5", evaluate(cases, query -> fts.search(query, 10)));
    }
    return out;
  }

  private static Map<String, Object> evaluate(List<RelevanceEval.Case> cases, RelevanceEval.Ranker ranker)
      throws Exception {
    for (RelevanceEval.Case c : cases) { // warm-up
      ranker.rank(c.query());
    }
    long[] nanos = new long[cases.size()];
    int[] i = {0};
    RelevanceEval.Result result = RelevanceEval.run(cases, query -> {
      long t = System.nanoTime();
      List<String> top = ranker.rank(query);
      nanos[i[0]++] = System.nanoTime() - t;
      return top;
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mrrAt10", Math.round(result.mrrAt10() * 1000) / 1000.0);
    out.put("recallAt3", Math.round(result.recallAt3() * 1000) / 1000.0);
    out.put("latency", Percentiles.of(nanos));
    return out;
  }

  /** Real table and field names of the corpus (a seeded sample), for exact and prefix queries. */
  private static List<String> sampleNames(List<CatalogSource> sources, long seed) throws Exception {
    List<String> names = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(seed);
    CatalogSink sink = new CatalogSink() {
      @Override public void dataset(Dataset dataset) {}
      @Override public void doc(Doc doc) {}
      @Override public void usage(TableUsage usage) {}
      @Override public void problem(Problem problem) {}

      @Override
      public void table(Table table) {
        if (names.size() < 5000 && r.nextInt(20) == 0) {
          names.add(table.id().table());
          if (!table.schema().isEmpty()) {
            names.add(table.schema().get(r.nextInt(table.schema().size())).name());
          }
        }
      }
    };
    for (CatalogSource s : sources) {
      s.crawl(sink, ProgressListener.NONE);
    }
    return names;
  }

  static String machine() {
    return Runtime.getRuntime().availableProcessors() + " cores, " + (Runtime.getRuntime().maxMemory() >> 20)
        + " MB max heap, Java " + Runtime.version() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
