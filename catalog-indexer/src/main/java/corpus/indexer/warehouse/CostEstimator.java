package corpus.indexer.warehouse;

import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.indexer.model.TableKind;
import corpus.lineage.footprint.ColumnPredicate;
import corpus.lineage.footprint.QueryFootprint;
import corpus.lineage.footprint.TextSpan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies BigQuery's on-demand billing rules to a {@link QueryFootprint}: per table, the data size of the
 * referenced columns in the partitions left after pruning; views are replaced by what their SQL reads; each
 * table is counted once per query with the union of its columns and partitions; bytes billed are rounded up to
 * MiB with the per-table and per-query minimums of {@link Pricing}.
 */
final class CostEstimator {
  private static final int MAX_VIEW_DEPTH = 8;

  /** Analyses the SQL of a view restricted to the columns read from it. */
  interface ViewReader {
    QueryFootprint footprint(Table view, Set<String> columns);
  }

  /** One table as the query reads it, for the breakdown and the coach. */
  record Scan(Table table, TableSizes sizes, Set<String> columns, Set<TableSizes.Partition> scanned, int references,
      long bytes) {}

  /** The estimate with its scans and the problems found. */
  record Costing(CostEstimate estimate, List<Scan> scans, List<Problem> problems) {}

  private final TableLookup tables;
  private final Warehouse warehouse;
  private final Pricing pricing;
  private final ViewReader views;

  CostEstimator(TableLookup tables, Warehouse warehouse, Pricing pricing, ViewReader views) {
    this.tables = tables;
    this.warehouse = warehouse;
    this.pricing = pricing;
    this.views = views;
  }

  private static final class Acc {
    Table table;
    TableSizes sizes;
    final Set<String> columns = new LinkedHashSet<>();
    // partitions are the cached statistics' own instances: identity spares hashing each one's column map
    final Set<TableSizes.Partition> scanned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    int references;
    boolean modified;
  }

  Costing estimate(QueryFootprint footprint) throws IOException {
    Map<String, Acc> acc = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    collect(footprint, acc, warnings, problems, 0);
    List<Scan> scans = new ArrayList<>();
    List<TableCost> costs = new ArrayList<>();
    List<Long> perTable = new ArrayList<>();
    boolean exact = true;
    long processed = 0;
    for (Acc a : acc.values()) {
      Set<String> columns = withoutDescendants(a.columns);
      long bytes = TableSizes.bytes(new ArrayList<>(a.scanned), columns);
      if (a.modified) {
        bytes += TableSizes.bytes(new ArrayList<>(a.scanned), topLevel(a.table));
        warnings.add(a.table.id() + " is changed by the statement: BigQuery bills the columns it reads plus every "
            + "column of the table in the partitions scanned (DML pricing, q + t)");
      }
      Scan scan = new Scan(a.table, a.sizes, columns, a.scanned, a.references, bytes);
      scans.add(scan);
      int total = a.sizes.partitions().size();
      costs.add(new TableCost(a.table.id().toString(), new ArrayList<>(columns), a.scanned.size(), total, bytes,
          a.sizes.exact(), a.table.location(), a.references));
      exact &= a.sizes.exact();
      perTable.add(bytes);
      processed += bytes;
    }
    if (!exact) {
      warnings.add("estimate: some tables have no data statistics here, so their bytes are estimated from the "
          + "catalog's table size, row count and column types");
    }
    long billed = pricing.billed(perTable);
    CostEstimate estimate = new CostEstimate(processed, billed, pricing.cost(billed), costs, warnings, exact, null);
    return new Costing(estimate, scans, problems);
  }

  private void collect(QueryFootprint f, Map<String, Acc> acc, List<String> warnings, List<Problem> problems,
      int depth) throws IOException {
    for (QueryFootprint.TableRead read : f.tables()) {
      TableId id;
      try {
        id = TableId.parse(read.table());
      } catch (IllegalArgumentException e) {
        problems.add(unknownTable(read, "Table " + read.table() + " is not fully qualified (project.dataset.table)"));
        continue;
      }
      Optional<Table> found = tables.table(id);
      if (found.isEmpty()) {
        problems.add(unknownTable(read, "Table " + read.table() + " is not in the catalog"));
        continue;
      }
      Table table = found.get();
      if (table.kind() == TableKind.VIEW) {
        if (table.viewQuery() != null && depth < MAX_VIEW_DEPTH) {
          Set<String> columns = read.allColumns() ? topLevel(table) : read.columns();
          collect(views.footprint(table, columns), acc, warnings, problems, depth + 1);
        } else {
          warnings.add(table.id() + " is a view without SQL in the catalog; what it reads is not counted");
        }
        continue;
      }
      Optional<TableSizes> sizes = warehouse.sizes(table);
      if (sizes.isEmpty()) {
        warnings.add(table.id() + ": no size known, counted as 0 bytes");
        continue;
      }
      Acc a = acc.computeIfAbsent(table.id().toString().toLowerCase(Locale.ROOT), k -> new Acc());
      a.table = table;
      if (a.sizes == null) {
        a.sizes = sizes.get(); // one statistics instance per table and estimate: partitions compare by identity
      }
      a.references += read.references();
      a.modified |= read.modified();
      a.columns.addAll(read.allColumns() ? topLevel(table) : read.columns());
      PartitionPruner.Pruned pruned = prune(table, a.sizes, read, f.predicatesOn(read.table()));
      a.scanned.addAll(pruned.scanned());
      warnings.addAll(pruned.notes());
      if (depth == 0 && table.timePartitioning() != null && table.timePartitioning().requirePartitionFilter()
          && f.predicatesOn(read.table()).stream()
              .noneMatch(p -> p.column().equalsIgnoreCase(table.timePartitioning().filterColumn()))) {
        TextSpan where = read.spans().isEmpty() ? null : read.spans().getFirst();
        problems.add(new Problem("BigQuery refuses this query: " + table.id() + " requires a filter on "
            + table.timePartitioning().filterColumn(), where, 0, 0, true));
      }
    }
  }

  /**
   * The partitions a read scans. A table named once is pruned by all its conditions together; a table named several
   * times (a UNION of two halves of a year, a self-join) may have its conditions spread over different scans, whose
   * conjunction could keep fewer partitions than are read, so it gets the partitions any one condition keeps: exact
   * when the scans share their filter, otherwise an upper bound, never an underestimate.
   */
  private static PartitionPruner.Pruned prune(Table table, TableSizes sizes, QueryFootprint.TableRead read,
      List<ColumnPredicate> predicates) {
    PartitionPruner.Pruned together = PartitionPruner.prune(table, sizes, predicates);
    if (read.references() < 2 || predicates.size() < 2) {
      return together;
    }
    Set<TableSizes.Partition> any = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Set<String> notes = new LinkedHashSet<>();
    for (ColumnPredicate p : predicates) {
      PartitionPruner.Pruned one = PartitionPruner.prune(table, sizes, List.of(p));
      any.addAll(one.scanned());
      notes.addAll(one.notes());
    }
    if (any.size() > together.scanned().size()) {
      notes.add(table.id() + " is read " + read.references() + " times with different filters: the partitions "
          + "counted are those any one filter keeps, an upper bound");
    }
    List<TableSizes.Partition> scanned = sizes.partitions().stream().filter(any::contains).toList();
    return new PartitionPruner.Pruned(scanned, new ArrayList<>(notes));
  }

  private static Problem unknownTable(QueryFootprint.TableRead read, String message) {
    return new Problem(message, read.spans().isEmpty() ? null : read.spans().getFirst(), 0, 0, true);
  }

  private static Set<String> topLevel(Table table) {
    Set<String> out = new LinkedHashSet<>();
    for (Field f : table.schema()) {
      out.add(f.name());
    }
    return out;
  }

  static Set<String> withoutDescendants(Set<String> paths) {
    Set<String> out = new LinkedHashSet<>();
    for (String p : paths) {
      boolean covered = false;
      for (String q : paths) {
        if (!q.equalsIgnoreCase(p) && p.toLowerCase(Locale.ROOT).startsWith(q.toLowerCase(Locale.ROOT) + ".")) {
          covered = true;
          break;
        }
      }
      if (!covered && out.stream().noneMatch(o -> o.equalsIgnoreCase(p))) {
        out.add(p);
      }
    }
    return out;
  }

}
