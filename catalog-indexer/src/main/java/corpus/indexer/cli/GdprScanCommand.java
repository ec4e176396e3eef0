package corpus.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import corpus.gdpr.detect.Classifier;
import corpus.gdpr.review.ReviewStatus;
import corpus.gdpr.review.ReviewStore;
import corpus.gdpr.scan.ValueSampler;
import corpus.indexer.CorpusHome;
import corpus.indexer.gdpr.CatalogSnapshot;
import corpus.indexer.gdpr.DuckDbValueSampler;
import corpus.indexer.gdpr.FieldClassification;
import corpus.indexer.gdpr.GdprScan;
import corpus.indexer.gdpr.WarehouseSampler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corpus gdpr scan}: classifies every field of a catalog (names, descriptions, types,
 * lineage and, with {@code --sample}, sampled value counts), records the suggestions without ever
 * overriding a decision, and prints them; {@code --fail-on-unreviewed X} makes it a CI check.
 */
@Command(name = "scan", description = "Classify every field of a catalog and record the suggestions.")
public final class GdprScanCommand implements Callable<Integer> {

  /** Exit code when {@code --fail-on-unreviewed} finds unreviewed personal fields. */
  static final int UNREVIEWED = 3;

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog.")
  Path indexDir;

  @Option(names = "--json", description = "Print {\"fields\": [{table, field, category, infoType, confidence, status, evidence}]}.")
  boolean json;

  @Option(names = "--sample", description = "Also sample values (bounded) from the catalog's warehouse.")
  boolean sample;

  @Option(names = "--warehouse", paramLabel = "SPEC",
      description = "Warehouse to sample: sample | duckdb:FILE | bigquery:PROJECT (default: the catalog's source).")
  String warehouse;

  @Option(names = "--rows", defaultValue = "" + DuckDbValueSampler.DEFAULT_ROWS,
      description = "Rows sampled per table (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--fail-on-unreviewed", paramLabel = "CONFIDENCE",
      description = "Exit 3 when a personal field at or above this confidence is unreviewed.")
  Double failOnUnreviewed;

  @Option(names = "--db", paramLabel = "FILE", description = "SQLite database of decisions (default: ~/.corpus/corpus.db).")
  Path db;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Classifier classifier = Classifier.withDefaults();
    CatalogSnapshot catalog = CatalogSnapshot.read(indexDir);
    GdprScan.Result result;
    try (ReviewStore store = GdprCommand.openStore(db, classifier)) {
      if (sample) {
        CorpusHome home = CorpusHome.resolve();
        String warehouseSpec = warehouse != null ? warehouse : WarehouseSampler.specOf(indexDir, home).orElseThrow(
            () -> new CliException("--sample: no warehouse known for " + indexDir
                + "; name one with --warehouse sample|duckdb:FILE|bigquery:PROJECT", 2));
        try (WarehouseSampler sampler = open(warehouseSpec, home, catalog)) {
          result = new GdprScan(classifier).run(catalog, store, sampler);
        }
      } else {
        result = new GdprScan(classifier).run(catalog, store, ValueSampler.none());
      }
    }
    if (json) {
      out.println(toJson(result.fields()));
    } else {
      printText(out, result);
    }
    out.flush();
    for (String p : result.problems()) {
      err.println("skipped: " + p);
    }
    if (!result.outcome().flagged().isEmpty()) {
      err.printf(Locale.ROOT, "%d decision(s) flagged for re-review: new evidence contradicts them%n",
          result.outcome().flagged().size());
    }
    int code = 0;
    if (failOnUnreviewed != null) {
      List<FieldClassification> unreviewed = result.fields().stream()
          .filter(f -> f.status().equals(ReviewStatus.SUGGESTED.id()) && !"not_personal".equals(f.category())
              && f.confidence() >= failOnUnreviewed)
          .toList();
      if (!unreviewed.isEmpty()) {
        err.printf(Locale.ROOT, "%d personal field(s) at or above confidence %.2f are not reviewed:%n",
            unreviewed.size(), failOnUnreviewed);
        unreviewed.forEach(f -> err.printf(Locale.ROOT, "  %s:%s %s (%.2f)%n", f.table(), f.field(), f.category(),
            f.confidence()));
        code = UNREVIEWED;
      }
    }
    err.flush();
    return code;
  }

  private WarehouseSampler open(String spec, CorpusHome home, CatalogSnapshot catalog) throws Exception {
    try {
      return WarehouseSampler.open(spec, home, catalog.tablesById(), rows);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), 2);
    }
  }

  static String toJson(List<FieldClassification> fields) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ArrayNode array = root.putArray("fields");
    for (FieldClassification f : fields) {
      ObjectNode n = array.addObject();
      n.put("table", f.table());
      n.put("field", f.field());
      n.put("category", f.category());
      n.put("infoType", f.infoType());
      n.put("confidence", Math.round(f.confidence() * 1000) / 1000.0);
      n.put("status", f.status());
      ArrayNode evidence = n.putArray("evidence");
      f.evidence().forEach(evidence::add);
      if (f.needsReReview()) {
        n.put("needsReReview", true);
      }
    }
    return mapper.writeValueAsString(root);
  }

  private static void printText(PrintWriter out, GdprScan.Result r) {
    long personal = 0;
    long unreviewed = 0;
    for (FieldClassification f : r.fields()) {
      if ("not_personal".equals(f.category())) {
        continue;
      }
      personal++;
      if (f.status().equals(ReviewStatus.SUGGESTED.id())) {
        unreviewed++;
      }
      out.printf(Locale.ROOT, "%-60s %-18s %.2f  %s%s%n", f.table() + ":" + f.field(), f.category(), f.confidence(),
          f.status(), f.needsReReview() ? "  (re-review)" : "");
    }
    out.printf(Locale.ROOT, "%d fields scanned, %d personal, %d of them unreviewed; %d new, %d changed suggestions%n",
        r.fields().size(), personal, unreviewed, r.outcome().added(), r.outcome().updated());
  }
}
