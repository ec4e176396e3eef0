package corpus.indexer.source.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.PolicyTags;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.TableDefinition;
import corpus.indexer.model.Field;
import corpus.indexer.model.Problem;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes confirmed GDPR classifications to BigQuery column policy tags.
 *
 * <p>First {@link #plan} reads each table and computes the preview (which column gets which tag,
 * what it had before); then {@link #apply} patches each table's schema with {@code tables.patch},
 * or in a dry run only reports what it would patch. A table whose tags changed since the plan is
 * skipped with a problem, never overwritten. The policy tags must already exist: {@link
 * PolicyTagSync} creates missing taxonomies and tags with {@link PolicyTagCatalog} and then uses
 * this class to tag the columns.
 */
public final class PolicyTagWriter {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyTagWriter.class);
  private static final Pattern TAG =
      Pattern.compile("projects/[^/]+/locations/[^/]+/taxonomies/[^/]+/policyTags/[^/]+");
  private static final String SOURCE = "bigquery policy tags";

  private final BigQuery bigquery;
  private final Retrier retrier;

  public PolicyTagWriter(BigQuery bigquery, BigQueryConnection connection) {
    this.bigquery = bigquery;
    this.retrier = Retrier.of(connection);
  }

  /** Reads the tables concerned and computes the change; writes nothing. */
  public PolicyTagPlan plan(List<PolicyTagAssignment> assignments) throws InterruptedException {
    Map<TableId, List<PolicyTagAssignment>> byTable = new LinkedHashMap<>();
    assignments.forEach(a -> byTable.computeIfAbsent(a.table(), t -> new ArrayList<>()).add(a));
    List<PolicyTagChange> changes = new ArrayList<>();
    List<PolicyTagAssignment> unchanged = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (var entry : byTable.entrySet()) {
      Table table;
      try {
        table = read(entry.getKey()).map(t -> TableMapper.table(t, null)).orElse(null);
      } catch (BigQueryFailure e) {
        problems.add(new Problem(SOURCE, entry.getKey().toString(), 0, e.getMessage()));
        continue;
      }
      if (table == null) {
        problems.add(new Problem(SOURCE, entry.getKey().toString(), 0, "table not found"));
        continue;
      }
      Map<String, Field> fields = new LinkedHashMap<>();
      table.flatFields().forEach(f -> fields.put(f.path().toLowerCase(java.util.Locale.ROOT), f.field()));
      for (PolicyTagAssignment a : entry.getValue()) {
        String where = a.table() + ":" + a.fieldPath();
        Field field = fields.get(a.fieldPath().toLowerCase(java.util.Locale.ROOT));
        if (!TAG.matcher(a.policyTag()).matches()) {
          problems.add(new Problem(SOURCE, where, 0, "not a policy tag resource name: " + a.policyTag()));
        } else if (field == null) {
          problems.add(new Problem(SOURCE, where, 0, "no such column"));
        } else if (field.isRecord()) {
          problems.add(new Problem(SOURCE, where, 0,
              "policy tags go on leaf columns, not on the RECORD itself; tag its fields instead"));
        } else if (field.policyTags().equals(List.of(a.policyTag()))) {
          unchanged.add(a);
        } else {
          changes.add(new PolicyTagChange(a.table(), pathOf(table, a.fieldPath()), field.policyTags(),
              List.of(a.policyTag())));
        }
      }
    }
    return new PolicyTagPlan(changes, unchanged, problems);
  }

  /**
   * Patches the planned tables (each once, with all its column changes), or with {@code dryRun}
   * only reports what would be patched. Failures per table become problems; the rest goes on.
   */
  public PolicyTagResult apply(PolicyTagPlan plan, boolean dryRun) throws InterruptedException {
    List<TableId> patched = new ArrayList<>();
    List<PolicyTagChange> applied = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (TableId id : plan.tables()) {
      List<PolicyTagChange> changes = plan.changes().stream().filter(c -> c.table().equals(id)).toList();
      try {
        Optional<com.google.cloud.bigquery.Table> current = read(id);
        if (current.isEmpty()) {
          problems.add(new Problem(SOURCE, id.toString(), 0, "table no longer exists"));
          continue;
        }
        String conflict = conflict(TableMapper.table(current.get(), null), changes);
        if (conflict != null) {
          problems.add(new Problem(SOURCE, id.toString(), 0, conflict));
          continue;
        }
        if (!dryRun) {
          patch(current.get(), changes);
          LOG.info("set policy tags on {} column(s) of {}", changes.size(), id);
        }
        patched.add(id);
        applied.addAll(changes);
      } catch (BigQueryFailure e) {
        problems.add(new Problem(SOURCE, id.toString(), 0, e.getMessage()));
      }
    }
    return new PolicyTagResult(dryRun, patched, applied, problems);
  }

  private Optional<com.google.cloud.bigquery.Table> read(TableId id) throws InterruptedException {
    return Optional.ofNullable(retrier.call("reading table " + id, () -> bigquery.getTable(
        com.google.cloud.bigquery.TableId.of(id.project(), id.dataset(), id.table()))));
  }

  private static String conflict(Table table, List<PolicyTagChange> changes) {
    Map<String, Field> fields = new LinkedHashMap<>();
    table.flatFields().forEach(f -> fields.put(f.path(), f.field()));
    for (PolicyTagChange c : changes) {
      Field f = fields.get(c.fieldPath());
      if (f == null) {
        return "column " + c.fieldPath() + " no longer exists; plan again";
      }
      if (!f.policyTags().equals(c.before())) {
        return "policy tags of " + c.fieldPath() + " changed since the preview; plan again";
      }
    }
    return null;
  }

  private void patch(com.google.cloud.bigquery.Table table, List<PolicyTagChange> changes)
      throws InterruptedException {
    Map<String, List<String>> tags = new LinkedHashMap<>();
    changes.forEach(c -> tags.put(c.fieldPath(), c.after()));
    TableDefinition def = table.getDefinition();
    Schema schema = Schema.of(retag(def.getSchema().getFields(), "", tags));
    TableDefinition newDef = def.toBuilder().setSchema(schema).build();
    com.google.cloud.bigquery.TableInfo update = table.toBuilder().setDefinition(newDef).build();
    retrier.call("setting policy tags on " + TableMapper.id(table.getTableId()),
        () -> bigquery.update(update));
  }

  private static List<com.google.cloud.bigquery.Field> retag(FieldList fields, String prefix,
      Map<String, List<String>> tags) {
    List<com.google.cloud.bigquery.Field> out = new ArrayList<>();
    for (com.google.cloud.bigquery.Field f : fields) {
      String path = prefix.isEmpty() ? f.getName() : prefix + "." + f.getName();
      com.google.cloud.bigquery.Field.Builder b = f.toBuilder();
      if (f.getSubFields() != null && !f.getSubFields().isEmpty()) {
        b.setType(f.getType(), FieldList.of(retag(f.getSubFields(), path, tags)));
      }
      List<String> names = tags.get(path);
      if (names != null) {
        b.setPolicyTags(PolicyTags.newBuilder().setNames(names).build());
      }
      out.add(b.build());
    }
    return out;
  }

  /** The path as spelled in the schema (assignments may differ in case). */
  private static String pathOf(Table table, String path) {
    return table.flatFields().stream().map(Field.Flat::path)
        .filter(p -> p.equalsIgnoreCase(path)).findFirst().orElse(path);
  }
}
