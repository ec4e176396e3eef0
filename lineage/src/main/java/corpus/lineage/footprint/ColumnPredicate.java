package corpus.lineage.footprint;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A WHERE-clause condition comparing one column of one table with constants, as partition pruning needs it:
 * {@code play_date = DATE '2024-03-01'}, {@code play_date >= DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY)},
 * {@code play_date BETWEEN @from AND @to} (two predicates), {@code play_date IN ('2024-01-01', '2024-01-02')}.
 *
 * <p>Only conditions that hold for every row the query reads are listed (top-level conjuncts of a WHERE clause),
 * so each one may be used to skip partitions.
 *
 * @param table the table the column belongs to ({@code project.dataset.table})
 * @param column the column name as written (a top-level column; {@code DATE(col)} counts as {@code col})
 * @param op the comparison, with the column on the left
 * @param values the constants: one for comparisons, several for IN
 */
public record ColumnPredicate(String table, String column, Op op, List<Value> values) {

  public ColumnPredicate {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(op, "op");
    values = List.copyOf(values);
  }

  /** The comparison of the column with the value(s). */
  public enum Op {
    EQ, LT, LE, GT, GE, IN;

    /** The same comparison with its sides swapped ({@code 5 < x} is {@code x > 5}). */
    public Op flipped() {
      return switch (this) {
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
        default -> this;
      };
    }
  }

  /** A constant a column is compared with, folded at analysis time. */
  public sealed interface Value {}

  /**
   * A date, datetime or timestamp constant (timestamps in UTC), including folded expressions such as
   * {@code DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY)}; {@code dateOnly} when it was a DATE.
   */
  public record DateTimeValue(LocalDateTime value, boolean dateOnly) implements Value {}

  /** An integer constant, for integer-range partitioning. */
  public record IntValue(long value) implements Value {}

  /** A query parameter ({@code @day}); its value is not known before the query runs. */
  public record Parameter(String name) implements Value {}
}
