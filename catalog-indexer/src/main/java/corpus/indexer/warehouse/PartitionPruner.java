package corpus.indexer.warehouse;

import corpus.indexer.model.Table;
import corpus.lineage.footprint.ColumnPredicate;
import corpus.lineage.footprint.ColumnPredicate.DateTimeValue;
import corpus.lineage.footprint.ColumnPredicate.Op;
import corpus.lineage.footprint.ColumnPredicate.Parameter;
import corpus.lineage.footprint.ColumnPredicate.Value;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides which partitions of a time-partitioned table a query scans, from its constant conditions on the
 * partitioning column, as BigQuery prunes them: a partition is skipped when no value it holds can satisfy every
 * condition; the {@code __NULL__} partition is skipped by any condition. A condition on a {@code @parameter}
 * prunes only as an equality (assumed to hit the largest partition) and says so.
 */
final class PartitionPruner {

  /** The partitions scanned and what was assumed. */
  record Pruned(List<TableSizes.Partition> scanned, List<String> notes) {}

  private PartitionPruner() {}

  static Pruned prune(Table table, TableSizes sizes, List<ColumnPredicate> predicates) {
    if (!sizes.partitioned() || table.timePartitioning() == null) {
      return new Pruned(sizes.partitions(), List.of());
    }
    String column = table.timePartitioning().filterColumn();
    boolean dateColumn = isDateColumn(table, column);
    List<ColumnPredicate> relevant = predicates.stream()
        .filter(p -> p.column().equalsIgnoreCase(column)
            || (table.timePartitioning().field() == null && p.column().equalsIgnoreCase("_PARTITIONDATE")))
        .toList();
    if (relevant.isEmpty()) {
      return new Pruned(sizes.partitions(), List.of());
    }
    List<String> notes = new ArrayList<>();
    List<TableSizes.Partition> kept = new ArrayList<>();
    boolean parameterEquality = false;
    for (TableSizes.Partition p : sizes.partitions()) {
      boolean keep = p.start() != null;
      for (ColumnPredicate c : relevant) {
        if (!keep) {
          break;
        }
        if (c.values().stream().anyMatch(Parameter.class::isInstance)) {
          parameterEquality |= c.op() == Op.EQ;
          continue;
        }
        keep = satisfiable(p, c, dateColumn);
      }
      if (keep) {
        kept.add(p);
      }
    }
    if (parameterEquality && kept.size() > 1) {
      TableSizes.Partition largest = kept.stream().max(Comparator.comparingLong(TableSizes.Partition::rows)).get();
      kept = List.of(largest);
      notes.add(table.id() + ": " + column + " = @parameter assumed to select one partition (the largest)");
    }
    return new Pruned(kept, notes);
  }

  private static boolean satisfiable(TableSizes.Partition p, ColumnPredicate c, boolean dateColumn) {
    LocalDateTime low = p.start();
    LocalDateTime high = p.end().minus(1, dateColumn ? ChronoUnit.DAYS : ChronoUnit.MICROS);
    for (Value v : c.values()) {
      if (!(v instanceof DateTimeValue d)) {
        return true;
      }
      LocalDateTime x = d.value();
      boolean ok = switch (c.op()) {
        case EQ, IN -> !x.isBefore(low) && !x.isAfter(high) && (!dateColumn || x.equals(x.truncatedTo(ChronoUnit.DAYS)));
        case LT -> low.isBefore(x);
        case LE -> !low.isAfter(x);
        case GT -> high.isAfter(x);
        case GE -> !high.isBefore(x);
      };
      if (ok) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDateColumn(Table table, String column) {
    return table.schema().stream().anyMatch(f -> f.name().equalsIgnoreCase(column) && f.type().equals("DATE"))
        || column.equalsIgnoreCase("_PARTITIONDATE");
  }
}
