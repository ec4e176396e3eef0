package corpus.indexer.warehouse;

import corpus.indexer.model.Field;
import corpus.indexer.model.PartitionStats;
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
 * variable-width leaves (STRING, BYTES, JSON, repeated fields). A time-partitioned table whose per-partition
 * statistics are known ({@link Table#partitions()}, from BigQuery's {@code INFORMATION_SCHEMA.PARTITIONS}) gets
 * one partition per statistic, each column's bytes shared in proportion to the partition's logical bytes (or rows);
 * without them a day-, month- or year-partitioned table is assumed to spread its rows evenly over the partitions
 * its age and partition expiration allow. The result is marked inexact, and every estimate built on it says so.
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
    if (tp != null && !table.partitions().isEmpty()) {
      return measured(tp, table.partitions(), bytes);
    }
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

  /** One partition per known statistic, column bytes shared by the partition's share of bytes (else rows). */
  private static List<TableSizes.Partition> measured(TimePartitioning tp, List<PartitionStats> stats,
      Map<String, Long> bytes) {
    long totalBytes = 0;
    long totalRows = 0;
    for (PartitionStats s : stats) {
      totalBytes += s.totalLogicalBytes() == null ? 0 : s.totalLogicalBytes();
      totalRows += s.totalRows() == null ? 0 : s.totalRows();
    }
    List<TableSizes.Partition> out = new ArrayList<>(stats.size());
    for (PartitionStats s : stats) {
      long rows = s.totalRows() == null ? 0 : s.totalRows();
      double share = totalBytes > 0 ? (s.totalLogicalBytes() == null ? 0 : s.totalLogicalBytes()) / (double) totalBytes
          : totalRows > 0 ? rows / (double) totalRows : 1.0 / stats.size();
      Map<String, Long> part = new HashMap<>();
      bytes.forEach((k, v) -> part.put(k, Math.round(v * share)));
      LocalDateTime start = start(s.partitionId(), tp.type());
      out.add(new TableSizes.Partition(s.partitionId(), start, start == null ? null : next(start, tp.type()), rows,
          part));
    }
    return out;
  }

  /** The first instant of a partition id ({@code 2026112105}, {@code 20261121}, {@code 202611}, {@code 2026}). */
  static LocalDateTime start(String id, String type) {
    if (id == null || !id.chars().allMatch(Character::isDigit)) {
      return null; // __NULL__, __UNPARTITIONED__
    }
    try {
      return switch (type) {
        case "HOUR" -> id.length() != 10 ? null : LocalDateTime.of(Integer.parseInt(id.substring(0, 4)),
            Integer.parseInt(id.substring(4, 6)), Integer.parseInt(id.substring(6, 8)), Integer.parseInt(id.substring(8)), 0);
        case "MONTH" -> id.length() != 6 ? null
            : LocalDateTime.of(Integer.parseInt(id.substring(0, 4)), Integer.parseInt(id.substring(4)), 1, 0, 0);
        case "YEAR" -> id.length() != 4 ? null : LocalDateTime.of(Integer.parseInt(id), 1, 1, 0, 0);
        default -> id.length() != 8 ? null : LocalDateTime.of(Integer.parseInt(id.substring(0, 4)),
            Integer.parseInt(id.substring(4, 6)), Integer.parseInt(id.substring(6)), 0, 0);
      };
    } catch (java.time.DateTimeException e) {
      return null;
    }
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
      case "HOUR" -> t.plusHours(1);
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
