package corpus.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import corpus.gdpr.detect.Classifier;
import corpus.gdpr.report.SubjectRequests;
import corpus.gdpr.review.ReviewStore;
import corpus.indexer.gdpr.CatalogSnapshot;
import corpus.indexer.CorpusHome;
import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.gdpr.SubjectRequestCosts;
import corpus.indexer.gdpr.SubjectRequestFinder;
import corpus.indexer.index.LuceneCatalog;
import corpus.indexer.warehouse.Bytes;
import corpus.indexer.warehouse.Pricing;
import corpus.indexer.warehouse.QueryEstimator;
import corpus.indexer.warehouse.Warehouse;
import corpus.indexer.warehouse.Warehouses;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corpus gdpr dsr}: for a data-subject request, every table and field holding an identifier
 * kind (directly or via lineage) with parameterised SELECT (access) and DELETE (erasure)
 * statements, each with its cost estimate by the same rules as {@code corpus estimate}, and their
 * total. The subject's value is never asked for: bind it to {@code @subject_id} when running.
 */
@Command(name = "dsr", description = "Find every table holding an identifier kind and print parameterised access/erasure SQL.")
public final class GdprDsrCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog.")
  Path indexDir;

  @Option(names = "--kind", required = true, paramLabel = "CATEGORY",
      description = "Identifier category, e.g. user_id, email, device_id.")
  String kind;

  @Option(names = "--json", description = "Print {kind, parameter, tables: [{table, fields, origins, accessSql, erasureSql, notes, tableBytes,"
      + " statements: [{kind, sql, bytesProcessed, bytesBilled, costUsd, exact, problem}]}], total}.")
  boolean json;

  @Option(names = "--warehouse", paramLabel = "SPEC",
      description = "Where estimates take sizes from: sample | duckdb:FILE | bigquery:PROJECT | metadata (default: from the catalog's last crawl).")
  String warehouseSpec;

  @Option(names = "--price-per-tib", paramLabel = "USD", description = "On-demand price per TiB (default as corpus estimate).")
  Double pricePerTib;

  @Option(names = "--location", defaultValue = "EU", description = "Location your work must stay in (default EU).")
  String location;

  @Option(names = "--db", paramLabel = "FILE", description = "SQLite database of decisions (default: ~/.corpus/corpus.db).")
  Path db;

  @Override
  public Integer call() throws Exception {
    Classifier classifier = Classifier.withDefaults();
    try {
      if (!classifier.taxonomy().isPersonal(kind)) {
        throw new IllegalArgumentException("'" + kind + "' is not a personal-data category");
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage() + "; known: " + String.join(", ", classifier.taxonomy().categories()
          .stream().filter(c -> c.isPersonal()).map(c -> c.id()).toList()), 2);
    }
    CatalogSnapshot catalog = CatalogSnapshot.read(indexDir);
    List<SubjectRequestFinder.TablePlan> plans;
    try (ReviewStore store = GdprCommand.openStore(db, classifier)) {
      plans = new SubjectRequestFinder().find(catalog, GdprCommand.classifications(catalog, store, classifier), kind);
    }
    List<SubjectRequestCosts.Costed> costed;
    Pricing pricing = pricePerTib == null ? Pricing.DEFAULT : Pricing.DEFAULT.withUsdPerTib(pricePerTib);
    try (CatalogReader reader = LuceneCatalog.open(indexDir);
        Warehouse warehouse = warehouseSpec == null ? Warehouses.forCatalog(indexDir, CorpusHome.resolve())
            : Warehouses.open(warehouseSpec, CorpusHome.resolve())) {
      costed = SubjectRequestCosts.estimate(plans, QueryEstimator.of(reader, warehouse, pricing, location, null));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), 2);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(kind, costed));
    } else {
      printText(out, costed);
    }
    out.flush();
    return 0;
  }

  static String toJson(String kind, List<SubjectRequestCosts.Costed> costed) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("kind", kind);
    root.put("parameter", "@" + SubjectRequests.PARAMETER);
    ArrayNode tables = root.putArray("tables");
    for (SubjectRequestCosts.Costed c : costed) {
      SubjectRequestFinder.TablePlan p = c.plan();
      ObjectNode t = tables.addObject();
      t.put("table", p.plan().table());
      ArrayNode fields = t.putArray("fields");
      p.plan().fields().forEach(fields::add);
      ObjectNode origins = t.putObject("origins");
      p.origins().forEach(origins::put);
      t.put("accessSql", p.plan().accessSql());
      ArrayNode erasure = t.putArray("erasureSql");
      p.plan().erasureSql().forEach(erasure::add);
      ArrayNode notes = t.putArray("notes");
      p.plan().notes().forEach(notes::add);
      if (p.tableBytes() != null) {
        t.put("tableBytes", p.tableBytes());
      }
      ArrayNode statements = t.putArray("statements");
      for (SubjectRequestCosts.Statement s : c.statements()) {
        ObjectNode st = statements.addObject();
        st.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
        st.put("sql", s.sql());
        st.put("bytesProcessed", s.bytesProcessed());
        st.put("bytesBilled", s.bytesBilled());
        st.put("costUsd", s.costUsd());
        st.put("exact", s.exact());
        st.put("problem", s.problem());
      }
    }
    SubjectRequestCosts.Total total = SubjectRequestCosts.total(costed);
    ObjectNode t = root.putObject("total");
    t.put("bytesProcessed", total.bytesProcessed());
    t.put("bytesBilled", total.bytesBilled());
    t.put("costUsd", total.costUsd());
    t.put("statements", total.statements());
    t.put("unestimated", total.unestimated());
    return mapper.writeValueAsString(root);
  }

  private static void printText(PrintWriter out, List<SubjectRequestCosts.Costed> costed) {
    out.printf(Locale.ROOT, "%d table(s); bind @%s (STRING) to the subject's identifier, dry-run each statement first%n%n",
        costed.size(), SubjectRequests.PARAMETER);
    for (SubjectRequestCosts.Costed c : costed) {
      SubjectRequestFinder.TablePlan p = c.plan();
      out.println("== " + p.plan().table() + (p.tableBytes() == null ? ""
          : String.format(Locale.ROOT, "  (scans at most %,d bytes)", p.tableBytes())));
      for (Map.Entry<String, String> e : p.origins().entrySet()) {
        out.println("  " + e.getKey() + ": " + e.getValue());
      }
      for (SubjectRequestCosts.Statement s : c.statements()) {
        out.println("  " + (s.kind() == SubjectRequestCosts.Kind.ACCESS ? "access:  " : "erasure: ") + s.sql());
        out.println("           " + cost(s));
      }
      out.println();
    }
    SubjectRequestCosts.Total total = SubjectRequestCosts.total(costed);
    out.printf(Locale.ROOT, "total: %d statement(s) process %s, bill %s ≈ %s%s%n", total.statements(),
        Bytes.format(total.bytesProcessed()), Bytes.format(total.bytesBilled()), Bytes.usd(total.costUsd()),
        total.unestimated() == 0 ? "" : " (" + total.unestimated() + " not estimated)");
  }

  /** {@code processes 1.2 MB, bills 10 MB ≈ $0.00006}, or why there is no figure. */
  static String cost(SubjectRequestCosts.Statement s) {
    if (s.bytesProcessed() == null) {
      return "cost: not estimated (" + s.problem() + ")";
    }
    return "cost: processes " + Bytes.format(s.bytesProcessed()) + ", bills " + Bytes.format(s.bytesBilled()) + " ≈ "
        + Bytes.usd(s.costUsd()) + (s.exact() ? "" : " (from catalog metadata)")
        + (s.problem() == null ? "" : "; " + s.problem());
  }
}
