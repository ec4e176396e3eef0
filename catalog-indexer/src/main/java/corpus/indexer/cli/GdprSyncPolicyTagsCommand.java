package corpus.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import corpus.gdpr.detect.Classifier;
import corpus.gdpr.review.ReviewStore;
import corpus.indexer.gdpr.CatalogSnapshot;
import corpus.indexer.model.Problem;
import corpus.indexer.source.bigquery.BigQueryConnection;
import corpus.indexer.source.bigquery.BigQueryFailure;
import corpus.indexer.source.bigquery.PolicyTagCatalog;
import corpus.indexer.source.bigquery.PolicyTagRequest;
import corpus.indexer.source.bigquery.PolicyTagSync;
import corpus.indexer.source.bigquery.PolicyTagSyncPlan;
import corpus.indexer.source.bigquery.PolicyTagSyncResult;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corpus gdpr sync-policy-tags}: writes confirmed classifications to BigQuery column policy
 * tags, creating the Corpus taxonomy and its tags in Data Catalog when missing. Prints the preview
 * first; {@code --dry-run} stops there and changes nothing.
 */
@Command(name = "sync-policy-tags",
    description = "Write confirmed classifications to BigQuery column policy tags (taxonomy and tags created when missing).")
public final class GdprSyncPolicyTagsCommand implements Callable<Integer> {

  private static final String SOURCE = "bigquery policy tags";

  @Spec CommandSpec spec;

  @Option(names = "--index-dir", required = true, description = "Folder of the catalog; only its tables are synced.")
  Path indexDir;

  @Option(names = "--project", required = true, paramLabel = "P",
      description = "BigQuery project whose tables are tagged; its Data Catalog holds the taxonomy.")
  String project;

  @Option(names = "--location", paramLabel = "L",
      description = "Data Catalog location for every table (default: each dataset's own location).")
  String location;

  @Option(names = "--taxonomy", paramLabel = "NAME", defaultValue = PolicyTagSync.Options.DEFAULT_TAXONOMY,
      description = "Display name of the Corpus taxonomy (default: ${DEFAULT-VALUE}).")
  String taxonomy;

  @Option(names = "--dry-run", description = "Print the preview and change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print {project, taxonomy, dryRun, locations, columns, problems, result}.")
  boolean json;

  @Option(names = "--db", paramLabel = "FILE", description = "SQLite database of decisions (default: ~/.corpus/corpus.db).")
  Path db;

  @Option(names = "--bigquery-endpoint", paramLabel = "URL", hidden = true,
      description = "Another BigQuery REST endpoint (emulators, tests); no credentials are sent there.")
  URI bigqueryEndpoint;

  @Option(names = "--datacatalog-endpoint", paramLabel = "URL", hidden = true,
      description = "Another Data Catalog REST endpoint (default: the BigQuery endpoint when one is given).")
  URI datacatalogEndpoint;

  @Override
  public Integer call() throws Exception {
    Classifier classifier = Classifier.withDefaults();
    CatalogSnapshot catalog = CatalogSnapshot.read(indexDir);
    Set<String> known = catalog.tablesById().keySet();
    List<PolicyTagRequest> requests = new ArrayList<>();
    List<Problem> notInCatalog = new ArrayList<>();
    try (ReviewStore store = GdprCommand.openStore(db, classifier)) {
      for (PolicyTagRequest r : PolicyTagRequest.fromDecisions(store, classifier.taxonomy(), project)) {
        if (known.contains(r.table().toString())) {
          requests.add(r);
        } else {
          notInCatalog.add(new Problem(SOURCE, r.table() + ":" + r.field(), 0, "skipped: the table is not in the catalog"));
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConsoleProgress progress = new ConsoleProgress(err);
    BigQueryConnection connection = BigQueryConnection.of(project);
    if (bigqueryEndpoint != null) {
      connection = connection.withEndpoint(bigqueryEndpoint);
    }
    URI dc = datacatalogEndpoint != null ? datacatalogEndpoint : bigqueryEndpoint;
    PolicyTagSyncPlan plan;
    PolicyTagSyncResult result = null;
    try (PolicyTagCatalog tags = PolicyTagCatalog.open(connection, dc, null)) {
      PolicyTagSync sync = new PolicyTagSync(connection.open(), connection, tags,
          new PolicyTagSync.Options(project, taxonomy, location), classifier.taxonomy().version());
      plan = sync.plan(requests, progress);
      plan = withProblems(plan, notInCatalog);
      if (!dryRun && !plan.isEmpty()) {
        result = sync.apply(plan, progress);
      }
    } catch (BigQueryFailure e) {
      throw new CliException(e.getMessage(), 1);
    }
    if (json) {
      out.println(toJson(plan, dryRun, result));
    } else {
      printText(out, plan, result);
    }
    out.flush();
    List<Problem> problems = result != null ? result.problems() : plan.problems();
    boolean nothingDone = !problems.isEmpty() && plan.columns().isEmpty();
    if (result != null && result.applied().isEmpty() && !plan.changes().isEmpty()) {
      nothingDone = true;
    }
    return nothingDone ? 1 : 0;
  }

  private static PolicyTagSyncPlan withProblems(PolicyTagSyncPlan plan, List<Problem> more) {
    if (more.isEmpty()) {
      return plan;
    }
    List<Problem> all = new ArrayList<>(more);
    all.addAll(plan.problems());
    return new PolicyTagSyncPlan(plan.project(), plan.taxonomy(), plan.locations(), plan.columns(), all);
  }

  private void printText(PrintWriter out, PolicyTagSyncPlan plan, PolicyTagSyncResult result) {
    if (plan.columns().isEmpty() && plan.problems().isEmpty()) {
      out.println("no confirmed classifications of tables in " + project + " to sync");
      return;
    }
    plan.describe().forEach(out::println);
    out.printf("%d column(s) to write, %d unchanged, %d left alone (tag of another taxonomy), %d problem(s)%n",
        plan.changes().size(), plan.columns().stream().filter(c -> c.action() == PolicyTagSyncPlan.Action.UNCHANGED).count(),
        plan.conflicts().size(), plan.problems().size());
    if (dryRun) {
      out.println("dry run: nothing was changed");
    } else if (result != null) {
      result.taxonomiesCreated().forEach(t -> out.println("created taxonomy " + t.name() + " (" + t.displayName() + ")"));
      result.tagsCreated().forEach(t -> out.println("created policy tag " + t.name() + " (" + t.displayName() + ")"));
      out.printf("wrote %d column tag(s) in %d table(s)%n", result.applied().size(), result.patched().size());
      result.problems().stream().skip(plan.problems().size()).forEach(p -> out.println("problem: " + p));
    } else {
      out.println("nothing to change");
    }
  }

  static String toJson(PolicyTagSyncPlan plan, boolean dryRun, PolicyTagSyncResult result) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("project", plan.project());
    root.put("taxonomy", plan.taxonomy());
    root.put("dryRun", dryRun);
    ArrayNode locations = root.putArray("locations");
    for (PolicyTagSyncPlan.LocationPlan l : plan.locations()) {
      ObjectNode n = locations.addObject();
      n.put("location", l.location());
      n.put("taxonomyName", l.taxonomyName());
      n.put("createTaxonomy", l.createsTaxonomy());
      ArrayNode create = n.putArray("tagsToCreate");
      l.tagsToCreate().forEach(t -> create.addObject().put("displayName", t.displayName()).put("parent", t.parent()));
    }
    ArrayNode columns = root.putArray("columns");
    for (PolicyTagSyncPlan.ColumnPlan c : plan.columns()) {
      ObjectNode n = columns.addObject();
      n.put("table", c.table().toString());
      n.put("field", c.field());
      n.put("category", c.category());
      n.put("location", c.location());
      ArrayNode current = n.putArray("current");
      c.current().forEach(current::add);
      n.put("tag", c.tag());
      n.put("tagName", c.tagName());
      n.put("action", c.action().name().toLowerCase(java.util.Locale.ROOT));
    }
    List<Problem> problems = result != null ? result.problems() : plan.problems();
    ArrayNode p = root.putArray("problems");
    problems.forEach(x -> p.addObject().put("file", x.file()).put("reason", x.reason()));
    if (result == null) {
      root.putNull("result");
    } else {
      ObjectNode r = root.putObject("result");
      ArrayNode taxonomies = r.putArray("taxonomiesCreated");
      result.taxonomiesCreated().forEach(t -> taxonomies.addObject().put("name", t.name()).put("displayName", t.displayName()));
      ArrayNode tags = r.putArray("tagsCreated");
      result.tagsCreated().forEach(t -> tags.addObject().put("name", t.name()).put("displayName", t.displayName())
          .put("parent", t.parent()));
      ArrayNode patched = r.putArray("patched");
      result.patched().forEach(t -> patched.add(t.toString()));
      r.put("columnsWritten", result.applied().size());
    }
    return mapper.writeValueAsString(root);
  }
}
