package corpus.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import corpus.indexer.CorpusHome;
import corpus.indexer.scd.EntityHistory;
import corpus.indexer.scd.EntityHistoryReader;
import corpus.indexer.scd.EntityVersion;
import corpus.indexer.scd.QueryRunner;
import corpus.indexer.scd.ScdCatalog;
import corpus.indexer.scd.ScdHealthCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corpus scd history TABLE KEY=VALUE...}: the versions of one entity, with what changed in each. */
@Command(name = "history", description = "The versions of one entity of an SCD2 table, with the columns that changed.")
public final class ScdHistoryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog.")
  Path indexDir;

  @Option(names = "--json", description = "Print {table, sql, lanes: [{key, versions: [{validFrom, validTo, current, deleted, changed, values}]}]}.")
  boolean json;

  @Option(names = "--warehouse", paramLabel = "SPEC", description = "sample | duckdb:FILE | bigquery:PROJECT.")
  String warehouse;

  @Option(names = "--limit", defaultValue = "" + EntityHistoryReader.DEFAULT_LIMIT, description = "Rows read at most (default ${DEFAULT-VALUE}).")
  int limit;

  @Parameters(index = "0", paramLabel = "TABLE", description = "project.dataset.table")
  String table;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY=VALUE", description = "Key values, e.g. track_id=tr_000042.")
  List<String> keys;

  @Override
  public Integer call() throws Exception {
    CorpusHome home = CorpusHome.resolve();
    ScdCatalog.Recognised r = ScdCommand.recognise(indexDir, table, home);
    Map<String, String> values = new LinkedHashMap<>();
    for (String k : keys) {
      int eq = k.indexOf('=');
      if (eq <= 0) {
        throw new CliException("expected KEY=VALUE, got '" + k + "'", 2);
      }
      values.put(k.substring(0, eq).strip(), k.substring(eq + 1));
    }
    EntityHistory history;
    try (QueryRunner runner = ScdCommand.runner(warehouse, indexDir, home)) {
      history = new EntityHistoryReader(runner, ScdHealthCheck.farFuture(Clock.systemUTC()))
          .read(r.scd(), r.table(), values, limit);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), 2);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(history));
    } else {
      printText(out, history);
    }
    out.flush();
    return history.lanes().isEmpty() ? 1 : 0;
  }

  static String toJson(EntityHistory h) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("table", h.table().id().toString());
    h.table().key().columns().forEach(root.putArray("key")::add);
    root.put("sql", h.sql());
    root.put("truncated", h.truncated());
    ArrayNode lanes = root.putArray("lanes");
    for (EntityHistory.Lane lane : h.lanes()) {
      ObjectNode l = lanes.addObject();
      lane.key().forEach(l.putArray("key")::add);
      l.put("deleted", lane.deleted());
      ArrayNode versions = l.putArray("versions");
      for (EntityVersion v : lane.versions()) {
        ObjectNode n = versions.addObject();
        n.put("validFrom", v.validFrom());
        n.put("validTo", v.validTo());
        n.put("current", v.current());
        n.put("deleted", v.deleted());
        n.put("gapBefore", v.gapBefore());
        n.put("overlapsPrevious", v.overlapsPrevious());
        new TreeSet<>(v.changed()).forEach(n.putArray("changed")::add);
        ObjectNode vals = n.putObject("values");
        for (int i = 0; i < h.columns().size(); i++) {
          vals.put(h.columns().get(i), v.values().get(i));
        }
      }
    }
    return mapper.writeValueAsString(root);
  }

  private static void printText(PrintWriter out, EntityHistory h) {
    if (h.lanes().isEmpty()) {
      out.println("no versions match");
      return;
    }
    for (EntityHistory.Lane lane : h.lanes()) {
      out.println(lane.label() + (lane.deleted() ? "  (deleted)" : ""));
      int n = 0;
      for (EntityVersion v : lane.versions()) {
        StringBuilder line = new StringBuilder("  v").append(++n).append("  ").append(v.validFrom()).append(" → ")
            .append(v.open() ? "open" : v.validTo());
        if (v.current()) {
          line.append("  current");
        }
        if (v.deleted()) {
          line.append("  deleted");
        }
        if (v.gapBefore()) {
          line.append("  GAP before");
        }
        if (v.overlapsPrevious()) {
          line.append("  OVERLAPS previous");
        }
        if (!v.changed().isEmpty()) {
          line.append("  changed: ").append(String.join(", ", new TreeSet<>(v.changed())));
        }
        out.println(line);
      }
    }
    if (h.truncated()) {
      out.println("(more versions than shown; raise --limit)");
    }
  }
}
