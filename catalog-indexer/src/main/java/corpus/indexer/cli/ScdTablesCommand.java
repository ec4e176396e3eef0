package corpus.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import corpus.indexer.CorpusHome;
import corpus.indexer.gdpr.CatalogSnapshot;
import corpus.indexer.model.Table;
import corpus.indexer.scd.ScdRecognizer;
import corpus.indexer.scd.ScdTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corpus scd tables}: the SCD type 2 tables of a catalog with their keys and gap policy (no query runs). */
@Command(name = "tables", description = "List the SCD type 2 tables of a catalog with their keys (metadata only).")
public final class ScdTablesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog.")
  Path indexDir;

  @Option(names = "--json", description = "Print {\"tables\": [{table, key, keySource, gaps, columns}]}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    CorpusHome home = CorpusHome.resolve();
    CatalogSnapshot catalog = CatalogSnapshot.read(indexDir);
    ScdRecognizer recognizer = new ScdRecognizer(ScdCommand.names(home));
    List<ScdTable> found = new ArrayList<>();
    for (Table t : catalog.tables()) {
      recognizer.recognize(t, catalog.dataset(t.id().datasetId()).orElse(null)).ifPresent(found::add);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode root = mapper.createObjectNode();
      ArrayNode tables = root.putArray("tables");
      for (ScdTable s : found) {
        ObjectNode n = tables.addObject();
        n.put("table", s.id().toString());
        s.key().columns().forEach(n.putArray("key")::add);
        n.put("keySource", s.key().source().name().toLowerCase(Locale.ROOT));
        n.put("gaps", s.gaps().words());
        ObjectNode cols = n.putObject("columns");
        cols.put("validFrom", s.columns().validFrom());
        cols.put("validTo", s.columns().validTo());
        cols.put("isCurrent", s.columns().isCurrent());
        cols.put("isDeleted", s.columns().isDeleted());
      }
      out.println(mapper.writeValueAsString(root));
    } else {
      for (ScdTable s : found) {
        out.printf(Locale.ROOT, "%-50s %s · gaps %s (key from %s)%n", s.id(), s.summary(), s.gaps().words(),
            s.key().source().words());
      }
      out.printf(Locale.ROOT, "%d SCD type 2 table(s)%n", found.size());
    }
    out.flush();
    return 0;
  }
}
