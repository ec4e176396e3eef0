package corpus.indexer.cli;

import corpus.indexer.CorpusHome;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.warehouse.Bytes;
import corpus.indexer.warehouse.Estimate;
import corpus.indexer.warehouse.EstimateJson;
import corpus.indexer.warehouse.Hint;
import corpus.indexer.warehouse.Pricing;
import corpus.indexer.warehouse.Problem;
import corpus.indexer.warehouse.QueryEstimator;
import corpus.indexer.warehouse.TableCost;
import corpus.indexer.warehouse.Warehouse;
import corpus.indexer.warehouse.Warehouses;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code corpus estimate}: what a BigQuery query would cost by the on-demand rules, per table, with problems and
 * coaching hints; exit 1 when the SQL is broken or cannot run as written.
 */
@Command(name = "estimate", description = "Estimate the cost of a BigQuery query (SQL argument or - for stdin).")
public final class EstimateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog.")
  Path indexDir;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(names = "--warehouse", paramLabel = "SPEC",
      description = "sample | duckdb:FILE | bigquery:PROJECT | metadata (default: from the catalog's last crawl).")
  String warehouseSpec;

  @Option(names = "--price-per-tib", paramLabel = "USD",
      description = "On-demand price per TiB (default 6.25, US multi-region since " + Pricing.PRICE_SINCE + ").")
  Double pricePerTib;

  @Option(names = "--location", defaultValue = "EU", description = "Location your work must stay in (default EU).")
  String location;

  @Option(names = "--default-project", description = "Project of dataset.table names.")
  String defaultProject;

  @Parameters(paramLabel = "SQL", description = "The query, or - to read it from standard input.")
  String sql;

  @Override
  public Integer call() throws Exception {
    String text = sql.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : sql;
    CorpusHome home = CorpusHome.resolve();
    Pricing pricing = pricePerTib == null ? Pricing.DEFAULT : Pricing.DEFAULT.withUsdPerTib(pricePerTib);
    try (CatalogReader catalog = LuceneCatalog.open(indexDir);
        Warehouse warehouse = warehouseSpec == null ? Warehouses.forCatalog(indexDir, home)
            : Warehouses.open(warehouseSpec, home)) {
      Estimate e = QueryEstimator.of(catalog, warehouse, pricing, location, defaultProject).estimate(text);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(EstimateJson.of(e));
      } else {
        print(e, out);
      }
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      for (Problem p : e.problems()) {
        err.println("corpus estimate: " + p);
      }
      err.flush();
      return e.runnable() ? 0 : 1;
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), 2);
    }
  }

  private static void print(Estimate e, PrintWriter out) {
    if (e.cost() == null) {
      return;
    }
    out.println(e.summary());
    for (TableCost t : e.cost().tables()) {
      out.printf(Locale.ROOT, "  %s: %s, %d of %d partitions, columns %s%n", t.table(), Bytes.format(t.bytes()),
          t.partitionsScanned(), t.partitionsTotal(), String.join(", ", t.columns()));
    }
    for (String w : e.cost().warnings()) {
      out.println("  warning: " + w);
    }
    for (Hint h : e.hints()) {
      out.println("  hint: " + h.message() + (h.savedBytes() > 0 ? " [saves " + Bytes.format(h.savedBytes()) + " ≈ "
          + Bytes.usd(h.savedUsd()) + "]" : ""));
    }
  }
}
