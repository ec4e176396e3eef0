package corpus.indexer.warehouse;

import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TimePartitioning;
import corpus.lineage.footprint.QueryFootprint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Teaches how to make a query cheaper: each {@link Hint} says what costs, what to do, what it saves (measured by
 * estimating the changed query), and carries the edit when the change is mechanical.
 *
 * <ul>
 *   <li>no filter on the partitioning column (and tables that require one): add one for the last 7 days;
 *   <li>{@code SELECT *} in the returned rows over a wide table: name the columns (the widest are listed);
 *   <li>{@code LIMIT} does not reduce the bytes billed: use the free table preview;
 *   <li>data in another location than the workflow's (US data from an EU workflow);
 *   <li>the same large table scanned several times.
 * </ul>
 */
final class Coach {
  private static final int WIDE_TABLE_COLUMNS = 6;
  private static final long LARGE_TABLE = 10 * Pricing.MIB;

  private final Pricing pricing;
  private final String workflowLocation;

  Coach(Pricing pricing, String workflowLocation) {
    this.pricing = pricing;
    this.workflowLocation = workflowLocation;
  }

  /** Hints for {@code sql}; {@code billedAfter} estimates the bytes billed of a changed query. */
  List<Hint> hints(String sql, QueryFootprint footprint, CostEstimator.Costing costing,
      ToLongFunction<String> billedAfter) {
    List<Hint> hints = new ArrayList<>();
    long billed = costing.estimate().bytesBilled();
    // at the minimums already, no rewrite can bill less: skip estimating it (one parse fewer per keystroke)
    List<Long> nothing = costing.scans().stream().map(s -> 0L).toList();
    ToLongFunction<String> after = billed <= pricing.billed(nothing) ? changed -> billed : billedAfter;
    for (CostEstimator.Scan scan : costing.scans()) {
      partitionFilter(sql, footprint, scan, billed, after, hints);
    }
    for (QueryFootprint.StarSelect star : footprint.stars()) {
      if (star.outermost()) {
        selectStar(sql, star, costing, billed, after, hints);
      }
    }
    if (footprint.limit() != null && costing.estimate().bytesProcessed() > 0) {
      boolean previewable = costing.scans().size() == 1 && footprint.predicates().isEmpty();
      long saved = previewable ? billed : 0;
      hints.add(new Hint(Hint.Kind.LIMIT_DOES_NOT_REDUCE, previewable ? costing.scans().getFirst().table().id()
          .toString() : null, "LIMIT " + footprint.limit() + " does not reduce the bytes billed: BigQuery still "
          + "reads " + Bytes.format(costing.estimate().bytesProcessed()) + " of columns in full."
          + (previewable ? " To look at rows, use the table's free preview instead." : ""),
          saved, pricing.cost(saved), List.of()));
    }
    for (CostEstimator.Scan scan : costing.scans()) {
      location(scan, hints);
      if (scan.references() > 1 && scan.bytes() >= LARGE_TABLE) {
        hints.add(new Hint(Hint.Kind.REPEATED_SCAN, scan.table().id().toString(), scan.table().id() + " is read "
            + scan.references() + " times. BigQuery bills its columns once, but every scan reads "
            + Bytes.format(scan.bytes()) + " again in slot time: compute what you need in one pass "
            + "(conditional aggregation, or one CTE joined once).", 0, 0, List.of()));
      }
    }
    return hints;
  }

  private void partitionFilter(String sql, QueryFootprint footprint, CostEstimator.Scan scan, long billed,
      ToLongFunction<String> billedAfter, List<Hint> hints) {
    Table table = scan.table();
    TimePartitioning tp = table.timePartitioning();
    int total = scan.sizes().partitions().size();
    if (tp == null || !scan.sizes().partitioned() || total <= 1 || scan.scanned().size() < total) {
      return;
    }
    String column = tp.filterColumn();
    String id = table.id().toString();
    QueryFootprint.FilterSite site = footprint.filterSites().stream()
        .filter(s -> s.table().equalsIgnoreCase(id)).findFirst().orElse(null);
    List<TextEdit> edits = new ArrayList<>();
    String condition = null;
    if (site != null) {
      String qualified = site.alias() + "." + column;
      condition = isDate(table, column) || column.equals("_PARTITIONDATE")
          ? qualified + " >= DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY)"
          : qualified + " >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY)";
      if (site.where() == null) {
        edits.add(new TextEdit(site.fromEnd(), site.fromEnd(), "\nWHERE " + condition));
      } else {
        edits.add(new TextEdit(site.where().start(), site.where().start(), condition + " AND ("));
        edits.add(new TextEdit(site.where().end(), site.where().end(), ")"));
      }
    }
    long saved = edits.isEmpty() ? 0 : Math.max(0, billed - billedAfter.applyAsLong(TextEdit.applyAll(sql, edits)));
    String required = tp.requirePartitionFilter() ? " (BigQuery refuses queries on it without one)" : "";
    String message = "No filter on " + column + ", the partitioning column of " + id + required + ": the query "
        + "scans all " + total + " partitions (" + Bytes.format(scan.bytes()) + ")."
        + (condition == null ? " Filter on " + column + " to read only the partitions you need."
            : " Reading the last 7 days (" + condition + ") saves " + Bytes.format(saved) + ".");
    hints.add(new Hint(Hint.Kind.NO_PARTITION_FILTER, id, message, saved, pricing.cost(saved), edits));
  }

  private void selectStar(String sql, QueryFootprint.StarSelect star, CostEstimator.Costing costing, long billed,
      ToLongFunction<String> billedAfter, List<Hint> hints) {
    for (String tableId : star.tables()) {
      CostEstimator.Scan scan = costing.scans().stream()
          .filter(s -> s.table().id().toString().equalsIgnoreCase(tableId)).findFirst().orElse(null);
      if (scan == null || scan.table().schema().size() < WIDE_TABLE_COLUMNS) {
        continue;
      }
      List<Map.Entry<String, Long>> widths = new ArrayList<>();
      for (Field f : scan.table().schema()) {
        widths.add(Map.entry(f.name(), TableSizes.bytes(new ArrayList<>(scan.scanned()), List.of(f.name()))));
      }
      widths.sort(Comparator.comparingLong((Map.Entry<String, Long> e) -> e.getValue()).reversed());
      List<Map.Entry<String, Long>> widest = widths.subList(0, Math.min(3, widths.size()));
      long saved = widest.stream().mapToLong(Map.Entry::getValue).sum();
      if (star.tables().size() == 1) {
        // measured like the other hints: the bytes billed without the widest columns, minimums and rounding included
        List<String> rest = scan.table().schema().stream().map(Field::name)
            .filter(n -> widest.stream().noneMatch(w -> w.getKey().equals(n))).toList();
        String without = TextEdit.applyAll(sql, List.of(new TextEdit(star.span().start(), star.span().end(),
            String.join(", ", rest))));
        saved = Math.max(0, billed - billedAfter.applyAsLong(without));
      }
      StringBuilder names = new StringBuilder();
      for (Map.Entry<String, Long> e : widest) {
        names.append(names.isEmpty() ? "" : ", ").append(e.getKey()).append(" (").append(Bytes.format(e.getValue()))
            .append(')');
      }
      List<TextEdit> edits = star.tables().size() == 1
          ? List.of(new TextEdit(star.span().start(), star.span().end(), String.join(",\n  ",
              scan.table().schema().stream().map(Field::name).toList())))
          : List.of();
      hints.add(new Hint(Hint.Kind.SELECT_STAR, tableId, "SELECT * reads all " + scan.table().schema().size()
          + " columns of " + tableId + " (" + Bytes.format(scan.bytes()) + "). Name only the columns you need: "
          + "the widest are " + names + "; leaving them out saves up to " + Bytes.format(saved) + ".",
          saved, pricing.cost(saved), edits));
    }
  }

  private void location(CostEstimator.Scan scan, List<Hint> hints) {
    String location = scan.table().location();
    if (workflowLocation == null || location == null || sameRegion(location, workflowLocation)) {
      return;
    }
    hints.add(new Hint(Hint.Kind.CROSS_LOCATION, scan.table().id().toString(), scan.table().id() + " is stored in "
        + location + " but this workflow runs in " + workflowLocation + ": the query runs in " + location
        + ", its results (possibly personal data) leave " + workflowLocation + ", and it cannot be joined with "
        + workflowLocation + " tables. Use a copy in " + workflowLocation + " if one exists.", 0, 0, List.of()));
  }

  static boolean sameRegion(String a, String b) {
    String x = a.toUpperCase(Locale.ROOT);
    String y = b.toUpperCase(Locale.ROOT);
    return x.equals(y) || (x.startsWith("EUROPE-") && y.equals("EU")) || (y.startsWith("EUROPE-") && x.equals("EU"))
        || (x.startsWith("US-") && y.equals("US")) || (y.startsWith("US-") && x.equals("US"));
  }

  private static boolean isDate(Table table, String column) {
    return table.schema().stream().anyMatch(f -> f.name().equalsIgnoreCase(column) && f.type().equals("DATE"));
  }
}
