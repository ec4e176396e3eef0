package corpus.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import corpus.gdpr.detect.Classifier;
import corpus.gdpr.report.SubjectRequests;
import corpus.gdpr.review.ReviewStore;
import corpus.indexer.gdpr.CatalogSnapshot;
import corpus.indexer.gdpr.SubjectRequestFinder;
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
 * statements. The subject's value is never asked for: bind it to {@code @subject_id} when running.
 */
@Command(name = "dsr", description = "Find every table holding an identifier kind and print parameterised access/erasure SQL.")
public final class GdprDsrCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog.")
  Path indexDir;

  @Option(names = "--kind", required = true, paramLabel = "CATEGORY",
      description = "Identifier category, e.g. user_id, email, device_id.")
  String kind;

  @Option(names = "--json", description = "Print {kind, parameter, tables: [{table, fields, origins, accessSql, erasureSql, notes, tableBytes}]}.")
  boolean json;

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
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(kind, plans));
    } else {
      printText(out, plans);
    }
    out.flush();
    return 0;
  }

  static String toJson(String kind, List<SubjectRequestFinder.TablePlan> plans) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("kind", kind);
    root.put("parameter", "@" + SubjectRequests.PARAMETER);
    ArrayNode tables = root.putArray("tables");
    for (SubjectRequestFinder.TablePlan p : plans) {
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
    }
    return mapper.writeValueAsString(root);
  }

  private static void printText(PrintWriter out, List<SubjectRequestFinder.TablePlan> plans) {
    out.printf(Locale.ROOT, "%d table(s); bind @%s (STRING) to the subject's identifier, dry-run each statement first%n%n",
        plans.size(), SubjectRequests.PARAMETER);
    for (SubjectRequestFinder.TablePlan p : plans) {
      out.println("== " + p.plan().table() + (p.tableBytes() == null ? ""
          : String.format(Locale.ROOT, "  (scans at most %,d bytes)", p.tableBytes())));
      for (Map.Entry<String, String> e : p.origins().entrySet()) {
        out.println("  " + e.getKey() + ": " + e.getValue());
      }
      out.println("  access:  " + p.plan().accessSql());
      for (String s : p.plan().erasureSql()) {
        out.println("  erasure: " + s);
      }
      out.println();
    }
  }
}
