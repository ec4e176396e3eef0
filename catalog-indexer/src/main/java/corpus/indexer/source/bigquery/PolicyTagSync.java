package corpus.indexer.source.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.Dataset;
import corpus.gdpr.taxonomy.Category;
import corpus.gdpr.taxonomy.Sensitivity;
import corpus.indexer.model.Field;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.progress.ProgressListener;
import corpus.indexer.source.bigquery.PolicyTagSyncPlan.Action;
import corpus.indexer.source.bigquery.PolicyTagSyncPlan.ColumnPlan;
import corpus.indexer.source.bigquery.PolicyTagSyncPlan.LocationPlan;
import corpus.indexer.source.bigquery.PolicyTagSyncPlan.NewTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes reviewers' confirmed classifications to BigQuery column policy tags, creating the Corpus
 * taxonomy and its tags in Data Catalog when they are missing.
 *
 * <pre>{@code
 * PolicyTagSync sync = new PolicyTagSync(bigquery, connection, catalog, PolicyTagSync.Options.of("my-project"));
 * PolicyTagSyncPlan plan = sync.plan(PolicyTagRequest.fromDecisions(store, taxonomy, "my-project"), progress);
 * plan.describe().forEach(System.out::println);   // the preview; nothing written yet
 * PolicyTagSyncResult result = sync.apply(plan, progress);
 * }</pre>
 *
 * <p>One taxonomy per location (Data Catalog taxonomies are regional and a column's tag must be in
 * its dataset's location), found by display name. Tags are named after the categories' policy tag
 * names ({@code pii_email}) and, in a taxonomy Corpus creates, nested under one tag per
 * sensitivity level ({@code sensitivity_high}). A column that already carries a tag of another
 * taxonomy is reported and left alone; a rejected column loses the Corpus tag an earlier sync gave
 * it. Failures of one table or location are reported and the rest goes on.
 */
public final class PolicyTagSync {

  /** Display-name prefix of the sensitivity-level tags. */
  public static final String LEVEL_PREFIX = "sensitivity_";

  private static final Logger LOG = LoggerFactory.getLogger(PolicyTagSync.class);
  private static final String SOURCE = "bigquery policy tags";

  /**
   * Where and under which name the Corpus taxonomy lives.
   *
   * @param project the project that holds the taxonomies
   * @param taxonomy the taxonomy's display name
   * @param location a Data Catalog location for every table, or null to use each dataset's own
   */
  public record Options(String project, String taxonomy, String location) {

    /** Display name of the taxonomy unless configured otherwise. */
    public static final String DEFAULT_TAXONOMY = "Corpus GDPR";

    public Options {
      Objects.requireNonNull(project, "project");
      taxonomy = taxonomy == null || taxonomy.isBlank() ? DEFAULT_TAXONOMY : taxonomy.strip();
      location = location == null || location.isBlank() ? null : location.strip().toLowerCase(Locale.ROOT);
    }

    public static Options of(String project) {
      return new Options(project, null, null);
    }

    public Options withTaxonomy(String name) {
      return new Options(project, name, location);
    }

    public Options withLocation(String l) {
      return new Options(project, taxonomy, l);
    }
  }

  private final BigQuery bigquery;
  private final Retrier retrier;
  private final PolicyTagWriter writer;
  private final PolicyTagCatalog catalog;
  private final Options options;
  private final String taxonomyVersion;

  public PolicyTagSync(BigQuery bigquery, BigQueryConnection connection, PolicyTagCatalog catalog, Options options,
      String taxonomyVersion) {
    this.bigquery = bigquery;
    this.retrier = Retrier.of(connection);
    this.writer = new PolicyTagWriter(bigquery, connection);
    this.catalog = catalog;
    this.options = options;
    this.taxonomyVersion = taxonomyVersion;
  }

  public Options options() {
    return options;
  }

  /** Reads the tables, datasets, taxonomies and tags concerned and computes the preview; writes nothing. */
  public PolicyTagSyncPlan plan(List<PolicyTagRequest> requests, ProgressListener progress) throws InterruptedException {
    Map<TableId, List<PolicyTagRequest>> byTable = new LinkedHashMap<>();
    requests.forEach(r -> byTable.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r));
    List<Problem> problems = new ArrayList<>();
    Map<String, Optional<String>> datasetLocations = new HashMap<>();
    record Read(TableId id, Table table, String location, List<PolicyTagRequest> requests) {}
    List<Read> reads = new ArrayList<>();
    int done = 0;
    for (var e : byTable.entrySet()) {
      checkInterrupt();
      progress.progress("reading tables", done++, byTable.size());
      TableId id = e.getKey();
      try {
        Table table = retrier.call("reading table " + id, () -> Optional.ofNullable(bigquery.getTable(
            com.google.cloud.bigquery.TableId.of(id.project(), id.dataset(), id.table())))
            .map(t -> TableMapper.table(t, null)).orElse(null));
        if (table == null) {
          problems.add(new Problem(SOURCE, id.toString(), 0, "table not found"));
          continue;
        }
        String location = options.location() != null ? options.location() : location(id, datasetLocations);
        reads.add(new Read(id, table, location, e.getValue()));
      } catch (BigQueryFailure f) {
        problems.add(new Problem(SOURCE, id.toString(), 0, f.getMessage()));
      }
    }
    progress.progress("reading tables", done, byTable.size());

    Map<String, List<Read>> byLocation = new TreeMap<>();
    reads.forEach(r -> byLocation.computeIfAbsent(r.location(), l -> new ArrayList<>()).add(r));
    List<LocationPlan> locations = new ArrayList<>();
    List<ColumnPlan> columns = new ArrayList<>();
    for (var e : byLocation.entrySet()) {
      checkInterrupt();
      String location = e.getKey();
      progress.progress("reading taxonomies", locations.size(), byLocation.size());
      String taxonomyName;
      Map<String, PolicyTagCatalog.TagRef> tags = new LinkedHashMap<>();
      try {
        taxonomyName = catalog.taxonomies(options.project(), location).stream()
            .filter(t -> t.displayName().equals(options.taxonomy())).map(PolicyTagCatalog.TaxonomyRef::name)
            .findFirst().orElse(null);
        if (taxonomyName != null) {
          catalog.policyTags(taxonomyName).forEach(t -> tags.put(t.displayName(), t));
        }
      } catch (BigQueryFailure f) {
        for (Read r : e.getValue()) {
          problems.add(new Problem(SOURCE, r.id().toString(), 0, "skipped: " + f.getMessage()));
        }
        continue;
      }
      Set<Category> missing = new LinkedHashSet<>();
      for (Read r : e.getValue()) {
        Map<String, Field.Flat> fields = new LinkedHashMap<>();
        r.table().flatFields().forEach(f -> fields.put(f.path().toLowerCase(Locale.ROOT), f));
        for (PolicyTagRequest q : r.requests()) {
          String where = r.id() + ":" + q.field();
          Field.Flat flat = fields.get(q.field().toLowerCase(Locale.ROOT));
          if (flat == null) {
            problems.add(new Problem(SOURCE, where, 0, "no such column in BigQuery"));
            continue;
          }
          if (flat.field().isRecord()) {
            problems.add(new Problem(SOURCE, where, 0,
                "policy tags go on leaf columns, not on the RECORD itself; classify its fields instead"));
            continue;
          }
          List<String> current = flat.field().policyTags();
          if (q.removes()) {
            if (taxonomyName != null && !current.isEmpty()
                && current.stream().allMatch(c -> c.startsWith(taxonomyName + "/"))) {
              columns.add(new ColumnPlan(r.id(), flat.path(), q.category().id(), location, current, "", null,
                  Action.REMOVE));
            }
            continue;
          }
          String tag = q.category().policyTag();
          PolicyTagCatalog.TagRef known = tags.get(tag);
          Action action;
          if (current.isEmpty()) {
            action = Action.ADD;
          } else if (known != null && current.equals(List.of(known.name()))) {
            action = Action.UNCHANGED;
          } else if (taxonomyName != null && current.stream().allMatch(c -> c.startsWith(taxonomyName + "/"))) {
            action = Action.REPLACE;
          } else {
            action = Action.CONFLICT;
          }
          if (known == null && (action == Action.ADD || action == Action.REPLACE)) {
            missing.add(q.category());
          }
          columns.add(new ColumnPlan(r.id(), flat.path(), q.category().id(), location, current, tag,
              known == null ? null : known.name(), action));
        }
      }
      locations.add(new LocationPlan(location, taxonomyName, tagsToCreate(missing, tags.keySet(), taxonomyName == null)));
    }
    progress.progress("reading taxonomies", locations.size(), byLocation.size());
    return new PolicyTagSyncPlan(options.project(), options.taxonomy(), locations, columns, problems);
  }

  /**
   * The tags to create for {@code missing} categories, level tags first. Levels are used in a new
   * taxonomy, and in an existing one that already has level tags or no tags at all; an existing
   * flat taxonomy stays flat.
   */
  private static List<NewTag> tagsToCreate(Set<Category> missing, Set<String> existing, boolean newTaxonomy) {
    boolean levels = newTaxonomy || existing.isEmpty() || existing.stream().anyMatch(n -> n.startsWith(LEVEL_PREFIX));
    List<NewTag> out = new ArrayList<>();
    Set<String> planned = new LinkedHashSet<>();
    if (levels) {
      missing.stream().map(Category::sensitivity).distinct().sorted()
          .map(PolicyTagSync::levelTag)
          .filter(n -> !existing.contains(n))
          .forEach(n -> {
            planned.add(n);
            out.add(new NewTag(n, null, "Personal data of sensitivity level "
                + n.substring(LEVEL_PREFIX.length()).replace('_', ' ') + ", as classified by Corpus."));
          });
    }
    for (Category c : missing) {
      if (planned.add(c.policyTag())) {
        out.add(new NewTag(c.policyTag(), levels ? levelTag(c.sensitivity()) : null, description(c)));
      }
    }
    return out;
  }

  static String levelTag(Sensitivity s) {
    return LEVEL_PREFIX + s.id();
  }

  private static String description(Category c) {
    String d = c.label() + " (" + c.group().id().replace('_', ' ') + "): " + c.legalReference();
    return d.length() > 1500 ? d.substring(0, 1500) + "…" : d;
  }

  /**
   * Creates the missing taxonomies and tags, then patches each table once with its column
   * changes. A table whose tags changed since the preview is skipped, never overwritten. Cancel by
   * interrupting the thread: work done so far stays done and is consistent.
   */
  public PolicyTagSyncResult apply(PolicyTagSyncPlan plan, ProgressListener progress) throws InterruptedException {
    List<PolicyTagCatalog.TaxonomyRef> taxonomiesCreated = new ArrayList<>();
    List<PolicyTagCatalog.TagRef> tagsCreated = new ArrayList<>();
    List<Problem> problems = new ArrayList<>(plan.problems());
    Map<String, Map<String, String>> tagNames = new HashMap<>();
    Set<String> failedLocations = new LinkedHashSet<>();
    long steps = plan.locations().stream().mapToLong(l -> l.tagsToCreate().size() + (l.createsTaxonomy() ? 1 : 0)).sum();
    long step = 0;
    for (LocationPlan l : plan.locations()) {
      Map<String, String> names = tagNames.computeIfAbsent(l.location(), k -> new HashMap<>());
      plan.columns().stream().filter(c -> c.location().equals(l.location()) && c.tagName() != null)
          .forEach(c -> names.put(c.tag(), c.tagName()));
      if (l.tagsToCreate().isEmpty()) {
        continue;
      }
      try {
        String taxonomy = l.taxonomyName();
        if (taxonomy == null) {
          checkInterrupt();
          progress.progress("creating policy tags", step++, steps);
          PolicyTagCatalog.TaxonomyRef created = catalog.createTaxonomy(plan.project(), l.location(), plan.taxonomy(),
              "Personal-data categories confirmed by Corpus reviewers (Corpus taxonomy " + taxonomyVersion + ").");
          taxonomiesCreated.add(created);
          taxonomy = created.name();
          LOG.info("created taxonomy {}", created.name());
        }
        for (NewTag t : l.tagsToCreate()) {
          checkInterrupt();
          progress.progress("creating policy tags", step++, steps);
          PolicyTagCatalog.TagRef created = catalog.createPolicyTag(taxonomy, t.displayName(),
              t.parent() == null ? null : names.get(t.parent()), t.description());
          tagsCreated.add(created);
          names.put(t.displayName(), created.name());
        }
      } catch (BigQueryFailure f) {
        failedLocations.add(l.location());
        problems.add(new Problem(SOURCE, "projects/" + plan.project() + "/locations/" + l.location(), 0, f.getMessage()));
      }
    }
    progress.progress("creating policy tags", step, steps);

    Map<TableId, List<PolicyTagChange>> byTable = new LinkedHashMap<>();
    for (ColumnPlan c : plan.changes()) {
      if (c.action() == Action.REMOVE) {
        byTable.computeIfAbsent(c.table(), k -> new ArrayList<>())
            .add(new PolicyTagChange(c.table(), c.field(), c.current(), List.of()));
        continue;
      }
      String name = tagNames.getOrDefault(c.location(), Map.of()).get(c.tag());
      if (name == null) {
        problems.add(new Problem(SOURCE, c.table() + ":" + c.field(), 0, failedLocations.contains(c.location())
            ? "skipped: the policy tag " + c.tag() + " could not be created in " + c.location()
            : "skipped: no policy tag " + c.tag() + " in " + c.location()));
        continue;
      }
      byTable.computeIfAbsent(c.table(), k -> new ArrayList<>())
          .add(new PolicyTagChange(c.table(), c.field(), c.current(), List.of(name)));
    }
    List<TableId> patched = new ArrayList<>();
    List<PolicyTagChange> applied = new ArrayList<>();
    int done = 0;
    for (var e : byTable.entrySet()) {
      checkInterrupt();
      progress.progress("writing column tags", done++, byTable.size());
      PolicyTagResult r = writer.apply(new PolicyTagPlan(e.getValue(), List.of(), List.of()), false);
      patched.addAll(r.patched());
      applied.addAll(r.applied());
      problems.addAll(r.problems());
    }
    progress.progress("writing column tags", done, byTable.size());
    return new PolicyTagSyncResult(taxonomiesCreated, tagsCreated, patched, applied, problems);
  }

  private String location(TableId id, Map<String, Optional<String>> cache) throws InterruptedException {
    String key = id.project() + "." + id.dataset();
    Optional<String> known = cache.get(key);
    if (known == null) {
      Dataset d = retrier.call("reading dataset " + key,
          () -> bigquery.getDataset(com.google.cloud.bigquery.DatasetId.of(id.project(), id.dataset())));
      known = Optional.ofNullable(d == null ? null : d.getLocation());
      cache.put(key, known);
    }
    return known.orElse("us").toLowerCase(Locale.ROOT);
  }

  private static void checkInterrupt() throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("policy-tag sync cancelled");
    }
  }
}
