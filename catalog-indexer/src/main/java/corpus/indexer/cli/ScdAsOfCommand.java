package corpus.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import corpus.indexer.CorpusHome;
import corpus.indexer.scd.AsOfView;
import corpus.indexer.scd.QueryResult;
import corpus.indexer.scd.QueryRunner;
import corpus.indexer.scd.ScdCatalog;
import corpus.indexer.scd.ScdHealthCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corpus scd as-of TABLE DATE}: the table as it was at a date ({@code valid_from <= t AND t < valid_to}). */
@Command(name = "as-of", description = "Show an SCD2 table as it was at a date (prints the SQL first).")
public final class ScdAsOfCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog.")
  Path indexDir;

  @Option(names = "--json", description = "Print {table, at, sql, estimatedBytes, columns, rows}.")
  boolean json;

  @Option(names = "--warehouse", paramLabel = "SPEC", description = "sample | duckdb:FILE | bigquery:PROJECT.")
  String warehouse;

  @Option(names = "--limit", defaultValue = "" + AsOfView.DEFAULT_LIMIT, description = "Rows shown at most (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--sql-only", description = "Print the SQL (and its cost when known) without running it.")
  boolean sqlOnly;

  @Parameters(index = "0", paramLabel = "TABLE", description = "project.dataset.table")
  String table;

  @Parameters(index = "1", paramLabel = "DATE", description = "A date such as 2024-02-01 (or date and time).")
  String at;

  @Override
  public Integer call() throws Exception {
    CorpusHome home = CorpusHome.resolve();
    ScdCatalog.Recognised r = ScdCommand.recognise(indexDir, table, home);
    PrintWriter out = spec.commandLine().getOut();
    try (QueryRunner runner = ScdCommand.runner(warehouse, indexDir, home)) {
      AsOfView view = new AsOfView(runner, ScdHealthCheck.farFuture(Clock.systemUTC()));
      String sql;
      try {
        sql = view.sql(r.scd(), at, limit);
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), 2);
      }
      OptionalLong bytes = runner.estimateBytes(sql);
      QueryResult result = sqlOnly ? null : runner.run(sql, limit);
      if (json) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("table", r.scd().id().toString());
        root.put("at", at);
        root.put("sql", sql);
        if (bytes.isPresent()) {
          root.put("estimatedBytes", bytes.getAsLong());
        }
        if (result != null) {
          result.columns().forEach(root.putArray("columns")::add);
          ArrayNode rows = root.putArray("rows");
          result.rows().forEach(row -> row.forEach(rows.addArray()::add));
        }
        out.println(mapper.writeValueAsString(root));
      } else {
        out.println(sql + ";");
        out.println("-- " + ScdCheckCommand.wouldProcess(bytes.orElse(-1)));
        if (result != null) {
          out.println(String.join("\t", result.columns()));
          result.rows().forEach(row -> out.println(String.join("\t", row.stream().map(v -> v == null ? "NULL" : v).toList())));
          out.println("-- " + result.rows().size() + " row(s)" + (result.rows().size() == limit ? " (limit reached)" : ""));
        }
      }
    }
    out.flush();
    return 0;
  }
}
