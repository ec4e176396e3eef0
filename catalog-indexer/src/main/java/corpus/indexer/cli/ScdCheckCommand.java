package corpus.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import corpus.indexer.CorpusHome;
import corpus.indexer.scd.CheckResult;
import corpus.indexer.scd.QueryRunner;
import corpus.indexer.scd.ScdCatalog;
import corpus.indexer.scd.ScdHealthCheck;
import corpus.indexer.scd.ScdReport;
import corpus.indexer.scd.ScdTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code corpus scd check TABLE}: verifies the entity key and runs the health checks (overlaps,
 * gaps where not allowed, zero or several current rows, is_current against valid_to, empty
 * intervals, mixed far-future sentinels, deletions) as bounded warehouse queries.
 */
@Command(name = "check", description = "Run the SCD2 health checks of a table as bounded warehouse queries.")
public final class ScdCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog.")
  Path indexDir;

  @Option(names = "--json", description = "Print {\"table\", \"key\": [...], \"findings\": [{check, count, examples}]}.")
  boolean json;

  @Option(names = "--warehouse", paramLabel = "SPEC",
      description = "sample | duckdb:FILE | bigquery:PROJECT (default: the warehouse the catalog was crawled from).")
  String warehouse;

  @Option(names = "--sql", description = "Also print the SQL of each check.")
  boolean showSql;

  @Option(names = "--sql-only", description = "Print the SQL of each check and what it would process, without running.")
  boolean sqlOnly;

  @Option(names = "--fail-on-findings", description = "Exit 3 when an error or warning is found (for CI).")
  boolean failOnFindings;

  @Parameters(index = "0", paramLabel = "TABLE", description = "project.dataset.table")
  String table;

  @Override
  public Integer call() throws Exception {
    CorpusHome home = CorpusHome.resolve();
    ScdCatalog.Recognised recognised = ScdCommand.recognise(indexDir, table, home);
    ScdReport report;
    PrintWriter out = spec.commandLine().getOut();
    try (QueryRunner runner = ScdCommand.runner(warehouse, indexDir, home)) {
      if (sqlOnly) {
        for (ScdHealthCheck.Planned p : new ScdHealthCheck(runner, Clock.systemUTC()).plan(recognised.scd())) {
          out.println("-- " + p.check().id() + ": " + wouldProcess(p.estimatedBytes()));
          out.println(p.sql() + ";");
        }
        out.flush();
        return 0;
      }
      report = new ScdHealthCheck(runner, Clock.systemUTC()).run(recognised.scd());
    }
    if (json) {
      out.println(toJson(report));
    } else {
      printText(out, report);
    }
    out.flush();
    return failOnFindings && !report.healthy() ? ScdCommand.FINDINGS : 0;
  }

  static String toJson(ScdReport report) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ScdTable scd = report.table();
    ObjectNode root = mapper.createObjectNode();
    root.put("table", scd.id().toString());
    scd.key().columns().forEach(root.putArray("key")::add);
    root.put("keySource", scd.key().source().name().toLowerCase(Locale.ROOT));
    if (scd.key().verified() != null) {
      root.put("keyVerified", scd.key().verified());
    }
    root.put("gaps", scd.gaps().words());
    ArrayNode findings = root.putArray("findings");
    for (CheckResult f : report.findings()) {
      ObjectNode n = findings.addObject();
      n.put("check", f.check().id());
      n.put("severity", f.severity().id());
      n.put("count", f.count());
      f.examples().forEach(n.putArray("examples")::add);
      n.put("meaning", f.check().meaning());
      n.put("sql", f.sql());
    }
    ArrayNode checks = root.putArray("checks");
    for (CheckResult c : report.checks()) {
      ObjectNode n = checks.addObject();
      n.put("check", c.check().id());
      n.put("status", c.status().name().toLowerCase(Locale.ROOT));
      n.put("count", c.count());
      if (c.estimatedBytes() >= 0) {
        n.put("estimatedBytes", c.estimatedBytes());
      }
    }
    return mapper.writeValueAsString(root);
  }

  /** "would process 1,234 bytes by BigQuery's on-demand rules", or that the cost is unknown. */
  static String wouldProcess(long bytes) {
    return bytes < 0 ? "cost unknown"
        : String.format(Locale.ROOT, "would process %,d bytes by BigQuery's on-demand rules", bytes);
  }

  private void printText(PrintWriter out, ScdReport report) {
    ScdTable scd = report.table();
    out.println(scd.id() + "  " + scd.summary() + " · gaps " + scd.gaps().words());
    for (CheckResult c : report.checks()) {
      String status = switch (c.status()) {
        case OK -> "ok";
        case SKIPPED -> "skipped";
        case ALLOWED -> String.format(Locale.ROOT, "%,d (allowed)", c.count());
        case FOUND -> String.format(Locale.ROOT, "%,d %s", c.count(), c.severity().id());
      };
      out.printf(Locale.ROOT, "  %-22s %-16s %s%n", c.check().id(), status,
          c.sql().isEmpty() ? "" : "(" + wouldProcess(c.estimatedBytes()) + ")");
      if (c.status() == CheckResult.Status.FOUND || c.status() == CheckResult.Status.ALLOWED) {
        out.println("      e.g. " + String.join(", ", c.examples()));
      }
      if (showSql && !c.sql().isEmpty()) {
        out.println("      " + c.sql());
      }
    }
    long problems = report.findings().stream().filter(f -> f.severity() != corpus.indexer.scd.ScdCheck.Severity.INFO).count();
    out.println(problems == 0 ? "no problems found" : problems + " problem(s) found");
  }
}
