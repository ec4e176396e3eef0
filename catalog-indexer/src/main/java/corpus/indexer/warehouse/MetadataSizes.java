package corpus.indexer.warehouse;

import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import corpus.indexer.model.TimePartitioning;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Estimates a table's data sizes from its metadata alone (catalogs built from BigQuery exports): fixed-width
 * columns get their width times the row count, the rest of {@code numBytes} is shared equally by the
 * variable-width leaves (STRING, BYTES, JSON, repeated fields), and a day-, month- or year-partitioned table is
 * assumed to spread its rows evenly over the partitions its age and partition expiration allow. The result is
 * marked inexact, and every estimate built on it says so.
 */
final class MetadataSizes {
  private static final int MAX_PARTITIONS = 3660;

  private MetadataSizes() {}

  static Optional<TableSizes> estimate(Table table) {
    if (table.numBytes() == null || table.schema().isEmpty()) {
      return Optional.empty();
    }
    long rows = table.numRows() == null ? 0 : table.numRows();
    Map<String, Long> bytes = new HashMap<>();
    List<String> variable = new ArrayList<>();
    long fixed = 0;
    for (Field.Flat f : table.flatFields()) {
      if (f.field().isRecord()) {
        continue;
      }
      int width = width(f.field().type());
      if (width < 0 || repeatedOnPath(table.schema(), f.path())) {
        variable.add(f.path());
      } else {
        bytes.put(f.path(), width * rows);
        fixed += width * rows;
      }
    }
    long rest = Math.max(0, table.numBytes() - fixed);
    for (String v : variable) {
      bytes.put(v, variable.isEmpty() ? 0 : rest / variable.size());
    }
    for (Field.Flat f : table.flatFields().reversed()) {
      if (f.field().isRecord()) {
        long sum = 0;
        for (Field child : f.field().fields()) {
          sum += bytes.getOrDefault(f.path() + "." + child.name(), 0L);
        }
        bytes.put(f.path(), sum);
      }
    }
    return Optional.of(new TableSizes(table.id().toString(), spread(table, rows, bytes), false));
  }

  private static List<TableSizes.Partition> spread(Table table, long rows, Map<String, Long> bytes) {
    TimePartitioning tp = table.timePartitioning();
    if (tp == null || tp.type().equals("HOUR")) {
      return List.of(new TableSizes.Partition(null, null, null, rows, bytes));
    }
    LocalDateTime last = (table.lastModifiedTime() != null ? table.lastModifiedTime() : java.time.Instant.now())
        .atOffset(ZoneOffset.UTC).toLocalDateTime().toLocalDate().atStartOfDay();
    LocalDateTime first = table.creationTime() != null
        ? table.creationTime().atOffset(ZoneOffset.UTC).toLocalDateTime().toLocalDate().atStartOfDay()
        : last.minusDays(364);
    if (tp.expirationMs() != null && tp.expirationMs() > 0) {
      LocalDateTime oldest = last.minusDays(tp.expirationMs() / 86_400_000L);
      first = first.isBefore(oldest) ? oldest : first;
    }
    List<LocalDateTime> starts = new ArrayList<>();
    for (LocalDateTime s = truncate(first, tp.type()); !s.isAfter(last) && starts.size() < MAX_PARTITIONS;
        s = next(s, tp.type())) {
      starts.add(s);
    }
    int n = starts.size();
    List<TableSizes.Partition> out = new ArrayList<>(n);
    for (LocalDateTime s : starts) {
      Map<String, Long> share = new HashMap<>();
      bytes.forEach((k, v) -> share.put(k, v / n));
      String id = switch (tp.type()) {
        case "MONTH" -> String.format("%04d%02d", s.getYear(), s.getMonthValue());
        case "YEAR" -> String.format("%04d", s.getYear());
        default -> String.format("%04d%02d%02d", s.getYear(), s.getMonthValue(), s.getDayOfMonth());
      };
      out.add(new TableSizes.Partition(id, s, next(s, tp.type()), rows / n, share));
    }
    return out;
  }

  private static LocalDateTime truncate(LocalDateTime t, String type) {
    return switch (type) {
      case "MONTH" -> t.withDayOfMonth(1);
      case "YEAR" -> t.withDayOfYear(1);
      default -> t;
    };
  }

  private static LocalDateTime next(LocalDateTime t, String type) {
    return switch (type) {
      case "MONTH" -> t.plusMonths(1);
      case "YEAR" -> t.plusYears(1);
      default -> t.plusDays(1);
    };
  }

  private static boolean repeatedOnPath(List<Field> schema, String path) {
    List<Field> level = schema;
    for (String part : path.split("\\.")) {
      Field match = null;
      for (Field f : level) {
        if (f.name().equals(part)) {
          match = f;
        }
      }
      if (match == null) {
        return false;
      }
      if (match.isRepeated()) {
        return true;
      }
      level = match.fields();
    }
    return false;
  }

  /** BigQuery's fixed width of a type, or -1 when it depends on the value. */
  static int width(String type) {
    return switch (type) {
      case "INT64", "FLOAT64", "DATE", "TIME", "DATETIME", "TIMESTAMP" -> 8;
      case "BOOL" -> 1;
      case "NUMERIC", "INTERVAL", "GEOGRAPHY" -> 16;
      case "BIGNUMERIC" -> 32;
      default -> -1;
    };
  }
}
