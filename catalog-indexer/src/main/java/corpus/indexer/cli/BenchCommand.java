package corpus.indexer.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import corpus.indexer.CorpusHome;
import corpus.indexer.bench.IncrementalBench;
import corpus.indexer.bench.OpenBench;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.bench.SearchBench;
import corpus.indexer.model.CatalogJson;
import corpus.indexer.source.CatalogSource;
import corpus.indexer.source.SourceSpecs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corpus bench search}: index build rate and search latency on a corpus; {@code corpus bench
 * incremental}: the time of an incremental update. Figures as JSON on stdout.
 */
@Command(name = "bench", description = "Benchmarks that print their figures (JSON on stdout).",
    subcommands = {BenchCommand.Search.class, BenchCommand.Incremental.class, BenchCommand.Open.class,
        BenchEstimateCommand.class, BenchLineageCommand.class})
public final class BenchCommand {

  /** {@code corpus bench search --source export:DIR}. */
  @Command(name = "search", description = "Build a catalog from the sources, replay a mixed query workload.")
  static final class Search implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "SPEC", description = "Sources to index (repeatable).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--work-dir", description = "Where the index and baseline go (default: a temp folder).")
    Path work;

    @Option(names = "--queries", defaultValue = "5000", description = "Measured queries (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--warmup", defaultValue = "3000", description = "Warm-up queries at least (default ${DEFAULT-VALUE});"
        + " warm-up then goes on until the JIT compiler has settled (at most 90 s), unless --no-settle.")
    int warmup;

    @Option(names = "--no-settle", negatable = false, description = "Stop warming up after --warmup queries even if the"
        + " JIT compiler is still busy.")
    boolean noSettle;

    @Option(names = "--threads", defaultValue = "2", description = "Indexing threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--baseline", description = "Also build and query the SQLite FTS5 baseline.")
    boolean baseline;

    @Option(names = "--relevance", description = "Also measure MRR@10 and recall@3 of Corpus and of FTS5 on the sample"
        + " catalog's evaluation set.")
    boolean relevance;

    @Option(names = "--reuse-index", description = "Query the catalog an earlier run built in the work folder from the"
        + " same sources instead of building it again (no build figures).")
    boolean reuseIndex;

    @Override
    public Integer call() throws Exception {
      CorpusHome home = CorpusHome.resolve();
      List<CatalogSource> parsed = new ArrayList<>();
      for (String s : sources) {
        try {
          parsed.addAll(SourceSpecs.parse(s, home));
        } catch (IllegalArgumentException e) {
          throw new CliException(e.getMessage(), 2);
        }
      }
      Path dir = work != null ? work : Files.createTempDirectory("corpus-bench");
      Map<String, Object> figures = new SearchBench(new ConsoleProgress(spec.commandLine().getErr()))
          .run(parsed, dir, new SearchBench.Options(queries, warmup, seed, threads, baseline, relevance, reuseIndex,
              !noSettle));
      PrintWriter out = spec.commandLine().getOut();
      out.println(CatalogJson.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
      out.flush();
      return 0;
    }
  }

  /** {@code corpus bench open --index-dir DIR}. */
  @Command(name = "open", description = "Start fresh JVMs that open the catalog and search once: the wait from"
      + " starting Corpus to the first result.")
  static final class Open implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--index-dir", required = true, paramLabel = "DIR", description = "The catalog to open.")
    Path indexDir;

    @Option(names = "--query", defaultValue = "user account", description = "The first search (default: ${DEFAULT-VALUE}).")
    String query;

    @Option(names = "--runs", defaultValue = "5", description = "Fresh JVMs, one after the other (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--once", hidden = true, description = "Be one of the fresh JVMs: open, search, print the times.")
    boolean once;

    @Option(names = "--warm-up", description = "Run the app's warm-up (a few searches, results dropped) after opening,"
        + " then time the search: the wait of a person's first search once the app has opened the catalog.")
    boolean warmUp;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      if (!once && !LuceneCatalog.exists(indexDir)) { // a fresh run must not have opened anything before it starts
        throw new CliException("no catalog at " + indexDir + ": build one with `corpus index --index-dir " + indexDir
            + "`", 2);
      }
      if (once) {
        out.println(OpenBench.line(OpenBench.once(indexDir, query, warmUp)));
      } else {
        out.println(CatalogJson.mapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(OpenBench.runs(indexDir, query, runs, warmUp)));
      }
      out.flush();
      return 0;
    }
  }

  /** {@code corpus bench incremental --export DIR}. */
  @Command(name = "incremental", description = "Build a catalog from a copy of an NDJSON export, change a share of its"
      + " tables, update, and time the update.")
  static final class Incremental implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--export", required = true, paramLabel = "DIR", description = "NDJSON export (as written by corpus generate).")
    Path export;

    @Option(names = "--work-dir", description = "Where the copy and the index go (default: a temp folder).")
    Path work;

    @Option(names = "--changed", defaultValue = "0.01", description = "Share of tables changed (default ${DEFAULT-VALUE}).")
    double changed;

    @Option(names = "--removed", defaultValue = "0.001", description = "Share of tables removed (default ${DEFAULT-VALUE}).")
    double removed;

    @Option(names = "--threads", defaultValue = "2", description = "Indexing threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Override
    public Integer call() throws Exception {
      if (!Files.isDirectory(export)) {
        throw new CliException("no export folder " + export, 2);
      }
      Path dir = work != null ? work : Files.createTempDirectory("corpus-bench");
      Map<String, Object> figures = new IncrementalBench(new ConsoleProgress(spec.commandLine().getErr()))
          .run(export, dir, new IncrementalBench.Options(changed, removed, seed, threads));
      PrintWriter out = spec.commandLine().getOut();
      out.println(CatalogJson.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
      out.flush();
      return 0;
    }
  }
}
