package corpus.indexer.source.bigquery;

import corpus.indexer.model.RangePartitioning;
import corpus.indexer.model.TimePartitioning;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code PARTITION BY} expression of a table's DDL ({@code INFORMATION_SCHEMA.TABLES.ddl}), the
 * only place {@code INFORMATION_SCHEMA} states a table's partitioning granularity: {@code play_date} (a DATE
 * column, daily), {@code DATE(ts)}, {@code TIMESTAMP_TRUNC(ts, HOUR)}, {@code DATE_TRUNC(d, MONTH)}, {@code
 * _PARTITIONDATE}, {@code TIMESTAMP_TRUNC(_PARTITIONTIME, HOUR)} or {@code RANGE_BUCKET(bucket,
 * GENERATE_ARRAY(0, 100, 10))}.
 */
final class PartitionClause {

  private static final Pattern LINE = Pattern.compile("(?m)^PARTITION BY (.+)$");
  private static final Pattern TRUNC = Pattern.compile(
      "(?i)(?:TIMESTAMP|DATETIME|DATE)_TRUNC\\(\\s*`?(\\w+)`?\\s*,\\s*(HOUR|DAY|MONTH|YEAR)\\s*\\)");
  private static final Pattern DATE = Pattern.compile("(?i)DATE\\(\\s*`?(\\w+)`?\\s*\\)");
  private static final Pattern RANGE = Pattern.compile(
      "(?i)RANGE_BUCKET\\(\\s*`?(\\w+)`?\\s*,\\s*GENERATE_ARRAY\\(\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*\\)\\s*\\)");
  private static final Pattern COLUMN = Pattern.compile("`?(\\w+)`?");

  /** Time or range partitioning, or neither. */
  record Parsed(String timeType, String timeField, RangePartitioning range) {
    TimePartitioning time(Long expirationMs, boolean requireFilter) {
      return timeType == null ? null : new TimePartitioning(timeType, timeField, expirationMs, requireFilter);
    }
  }

  private PartitionClause() {}

  /** The {@code PARTITION BY} expression of a DDL statement, or null. */
  static String of(String ddl) {
    if (ddl == null) {
      return null;
    }
    Matcher m = LINE.matcher(ddl);
    return m.find() ? m.group(1).strip() : null;
  }

  /** The partitioning an expression stands for; null expression, or one it cannot read, gives neither. */
  static Parsed parse(String expression) {
    if (expression == null || expression.isBlank()) {
      return new Parsed(null, null, null);
    }
    String e = expression.strip();
    Matcher m = RANGE.matcher(e);
    if (m.matches()) {
      return new Parsed(null, null, new RangePartitioning(m.group(1), Long.parseLong(m.group(2)),
          Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
    }
    m = TRUNC.matcher(e);
    if (m.matches()) {
      return new Parsed(m.group(2).toUpperCase(Locale.ROOT), field(m.group(1)), null);
    }
    m = DATE.matcher(e);
    if (m.matches()) {
      return new Parsed("DAY", field(m.group(1)), null);
    }
    m = COLUMN.matcher(e);
    if (m.matches()) {
      return new Parsed("DAY", field(m.group(1)), null);
    }
    return new Parsed(null, null, null);
  }

  /** The body of a {@code CREATE MATERIALIZED VIEW ... AS query} statement, without its final semicolon. */
  static String viewQuery(String ddl) {
    if (ddl == null) {
      return null;
    }
    Matcher m = Pattern.compile("(?s)\\nAS (.*)$").matcher(ddl);
    if (!m.find()) {
      return null;
    }
    String q = m.group(1).stripTrailing();
    return q.endsWith(";") ? q.substring(0, q.length() - 1) : q;
  }

  private static String field(String column) {
    String upper = column.toUpperCase(Locale.ROOT);
    return upper.equals("_PARTITIONDATE") || upper.equals("_PARTITIONTIME") ? null : column;
  }
}
