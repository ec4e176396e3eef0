package corpus.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import corpus.indexer.CorpusHome;
import corpus.indexer.bench.Percentiles;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.warehouse.Pricing;
import corpus.indexer.warehouse.QueryEstimator;
import corpus.indexer.warehouse.Warehouse;
import corpus.indexer.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corpus bench estimate}: latency of estimating typical analyst queries on a catalog (parse, resolve,
 * cost, coach), the first call (statistics collected or read from cache, native parser loaded) apart from the
 * following ones; figures as JSON on stdout.
 */
@Command(name = "estimate", description = "Estimate latency of typical queries (JSON on stdout).")
final class BenchEstimateCommand implements Callable<Integer> {
  static final List<String> QUERIES = List.of(
      "SELECT track_id, COUNT(*) AS plays FROM `soundwave-prod.listening.plays`\n"
          + "WHERE play_date BETWEEN '2024-06-01' AND '2024-06-30' GROUP BY track_id ORDER BY plays DESC LIMIT 10",
      "SELECT country, SUM(ms_played) / 3600000 AS hours FROM `soundwave-prod.listening.plays`\n"
          + "WHERE play_date >= DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY) GROUP BY country",
      "SELECT creator_id, a.metric_name, SUM(a.metric_value) FROM `soundwave-prod.creator.daily_creator_metrics`,\n"
          + "UNNEST(actions_received) AS a GROUP BY 1, 2",
      "SELECT * FROM `soundwave-prod.listening.plays` WHERE play_date = '2024-12-24' LIMIT 100");

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog (e.g. of the sample).")
  Path indexDir;

  @Option(names = "--warehouse", paramLabel = "SPEC", description = "Warehouse spec (default: from the catalog).")
  String warehouseSpec;

  @Option(names = "--rounds", defaultValue = "200", description = "Measured rounds over the queries (default ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  public Integer call() throws Exception {
    CorpusHome home = CorpusHome.resolve();
    try (CatalogReader catalog = LuceneCatalog.open(indexDir);
        Warehouse warehouse = warehouseSpec == null ? Warehouses.forCatalog(indexDir, home)
            : Warehouses.open(warehouseSpec, home)) {
      QueryEstimator estimator = QueryEstimator.of(catalog, warehouse, Pricing.DEFAULT, "EU", null);
      long t0 = System.nanoTime();
      for (String q : QUERIES) {
        estimator.estimate(q);
      }
      double firstMs = (System.nanoTime() - t0) / 1e6;
      long[] nanos = new long[rounds * QUERIES.size()];
      int n = 0;
      for (int r = 0; r < rounds; r++) {
        for (String q : QUERIES) {
          long s = System.nanoTime();
          estimator.estimate(q);
          nanos[n++] = System.nanoTime() - s;
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("warehouse", warehouse.description());
      out.put("queries", QUERIES.size());
      out.put("firstPassMs", Math.round(firstMs));
      Percentiles p = Percentiles.of(nanos);
      out.put("measured", p.count());
      out.put("p50Ms", p.p50());
      out.put("p95Ms", p.p95());
      out.put("p99Ms", p.p99());
      out.put("maxMs", p.max());
      spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(out));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
