package corpus.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import corpus.indexer.CorpusHome;
import corpus.indexer.history.CatalogHistory;
import corpus.indexer.history.Change;
import corpus.indexer.history.EntityVersion;
import corpus.indexer.history.StateDiff;
import corpus.indexer.store.CorpusDatabase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code corpus history TABLE}: the catalog's own history of a table (or dataset) — each version
 * recorded by a crawl with what changed from the one before, or with {@code --diff A B} the
 * differences between any two versions.
 */
@Command(name = "history", description = "The catalog's recorded history of a table: versions and schema diffs.")
public final class HistoryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog.")
  Path indexDir;

  @Option(names = "--json", description = "Print {table, versions: [{version, validFrom, validTo, isCurrent, isDeleted, crawl, changes}]}.")
  boolean json;

  @Option(names = "--diff", arity = "2", paramLabel = "VERSION", description = "Show the changes from one version to another, e.g. --diff 1 3.")
  List<Integer> diff;

  @Option(names = "--db", paramLabel = "FILE", description = "SQLite database (default: ~/.corpus/corpus.db).")
  Path db;

  @Parameters(index = "0", paramLabel = "TABLE", description = "project.dataset.table, or project.dataset for a dataset")
  String entity;

  @Override
  public Integer call() throws Exception {
    Path database = db != null ? db : CorpusHome.resolve().database();
    if (!Files.exists(database)) {
      throw new CliException("no history recorded yet: " + database + " does not exist (run corpus index first)", 1);
    }
    String id = entity.strip().replace("`", "");
    List<EntityVersion> versions;
    try (CorpusDatabase store = CorpusDatabase.open(database)) {
      versions = new CatalogHistory(store.connection()).versions(CatalogHistory.catalogKey(indexDir), id);
    }
    if (versions.isEmpty()) {
      throw new CliException("no recorded history of " + id + " for the catalog " + indexDir, 1);
    }
    PrintWriter out = spec.commandLine().getOut();
    ObjectMapper mapper = new ObjectMapper();
    if (diff != null) {
      EntityVersion a = pick(versions, diff.get(0));
      EntityVersion b = pick(versions, diff.get(1));
      List<Change> changes = StateDiff.between(state(a), state(b));
      if (json) {
        ObjectNode root = mapper.createObjectNode();
        root.put("table", id);
        root.put("from", a.number());
        root.put("to", b.number());
        changes(root.putArray("changes"), changes);
        out.println(mapper.writeValueAsString(root));
      } else {
        out.println(id + ": version " + a.number() + " → " + b.number());
        printChanges(out, changes);
      }
    } else if (json) {
      ObjectNode root = mapper.createObjectNode();
      root.put("table", id);
      ArrayNode array = root.putArray("versions");
      EntityVersion previous = null;
      for (EntityVersion v : versions) {
        ObjectNode n = array.addObject();
        n.put("version", v.number());
        n.put("validFrom", v.validFrom().toString());
        n.put("validTo", v.validTo() == null ? null : v.validTo().toString());
        n.put("isCurrent", v.current());
        n.put("isDeleted", v.deleted());
        if (v.crawlId() != null) {
          n.put("crawl", v.crawlId());
        }
        changes(n.putArray("changes"), StateDiff.between(state(previous), state(v)));
        previous = v;
      }
      out.println(mapper.writeValueAsString(root));
    } else {
      EntityVersion previous = null;
      for (EntityVersion v : versions) {
        out.println("v" + v.number() + "  " + v.validFrom() + " → " + (v.validTo() == null ? "current" : v.validTo())
            + (v.crawlId() == null ? "" : "  (crawl " + v.crawlId() + ")"));
        printChanges(out, StateDiff.between(state(previous), state(v)));
        previous = v;
      }
    }
    out.flush();
    return 0;
  }

  /** A deleted version stands for the entity's absence. */
  private static corpus.indexer.history.EntityState state(EntityVersion v) {
    return v == null || v.deleted() ? null : v.state();
  }

  private static EntityVersion pick(List<EntityVersion> versions, int number) {
    if (number < 1 || number > versions.size()) {
      throw new CliException("no version " + number + ": versions are 1 to " + versions.size(), 2);
    }
    return versions.get(number - 1);
  }

  private static void changes(ArrayNode array, List<Change> changes) {
    for (Change c : changes) {
      ObjectNode n = array.addObject();
      n.put("kind", c.kind().id());
      n.put("subject", c.subject());
      n.put("before", c.before());
      n.put("after", c.after());
      n.put("text", c.text());
    }
  }

  private static void printChanges(PrintWriter out, List<Change> changes) {
    if (changes.isEmpty()) {
      out.println("    no changes");
    }
    changes.forEach(c -> out.println("    " + c.text()));
  }
}
