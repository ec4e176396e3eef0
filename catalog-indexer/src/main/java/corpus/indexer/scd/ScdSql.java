package corpus.indexer.scd;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the SQL of SCD type 2 checks, key verification and as-of views for one table in one
 * dialect. Every check is a query that returns the offending entities' keys; {@link #examples}
 * wraps it so that one bounded query gives both the count and a few example keys.
 *
 * <p>A version is open when {@code valid_to} is NULL or at least {@code farFuture} (an ISO date
 * such as {@code 2046-01-01}, well after any real end of validity and before any sentinel).
 */
public final class ScdSql {

  private final ScdTable scd;
  private final SqlDialect dialect;
  private final String farFuture;

  public ScdSql(ScdTable scd, SqlDialect dialect, String farFuture) {
    this.scd = scd;
    this.dialect = dialect;
    this.farFuture = farFuture;
  }

  public SqlDialect dialect() {
    return dialect;
  }

  private String table() {
    return dialect.table(scd.id());
  }

  private String from() {
    return dialect.ident(scd.columns().validFrom());
  }

  private String to() {
    return dialect.ident(scd.columns().validTo());
  }

  private String keys(List<String> columns) {
    return columns.stream().map(dialect::ident).collect(Collectors.joining(", "));
  }

  private String keys() {
    return keys(scd.key().columns());
  }

  /** True when {@code valid_to} marks an open version. */
  String open(String validTo) {
    return "(" + validTo + " IS NULL OR " + validTo + " >= " + farLiteral() + ")";
  }

  private String farLiteral() {
    return dialect.timeLiteral(scd.columns().timeType(), farFuture);
  }

  private String current() {
    return scd.columns().hasCurrentFlag()
        ? "COALESCE(" + dialect.ident(scd.columns().isCurrent()) + ", FALSE)"
        : open(to());
  }

  /** Number of (key, valid_from) pairs that occur more than once for the given key columns. */
  public String duplicateCount(List<String> keyColumns) {
    return "SELECT COUNT(*) AS duplicates FROM (SELECT " + keys(keyColumns) + ", " + from()
        + " FROM " + table() + " GROUP BY " + keys(keyColumns) + ", " + from() + " HAVING COUNT(*) > 1) AS d";
  }

  /** The far-future valid_to values in use (NULL included) with their row counts, most used first. */
  public String sentinels() {
    return "SELECT " + dialect.castToString(to()) + " AS sentinel, COUNT(*) AS versions FROM " + table()
        + " WHERE " + open(to()) + " GROUP BY 1 ORDER BY versions DESC, sentinel LIMIT 20";
  }

  /**
   * The keys of the entities a check finds. {@code dominantSentinel} is the most used far-future
   * valid_to (null when that is NULL), needed by {@link ScdCheck#SENTINEL} only.
   */
  public String offending(ScdCheck check, String dominantSentinel) {
    String k = keys();
    String t = table();
    return switch (check) {
      case DUPLICATE_VERSIONS -> "SELECT DISTINCT " + k + " FROM (SELECT " + k + " FROM " + t + " GROUP BY " + k
          + ", " + from() + " HAVING COUNT(*) > 1) AS d";
      case INVALID_INTERVAL -> "SELECT DISTINCT " + k + " FROM " + t + " WHERE " + from() + " IS NULL OR ("
          + to() + " IS NOT NULL AND " + from() + " >= " + to() + ")";
      case OVERLAPS -> "SELECT DISTINCT " + k + " FROM (" + withNext() + ") AS v WHERE next_from IS NOT NULL AND ("
          + to() + " IS NULL OR next_from < " + to() + ")";
      case GAPS -> "SELECT DISTINCT " + k + " FROM (" + withNext() + ") AS v WHERE " + to()
          + " IS NOT NULL AND next_from > " + to();
      case ZERO_CURRENT -> "SELECT " + k + " FROM " + t + " GROUP BY " + k + " HAVING SUM(CASE WHEN " + current()
          + " THEN 1 ELSE 0 END) = 0";
      case SEVERAL_CURRENT -> "SELECT " + k + " FROM " + t + " GROUP BY " + k + " HAVING SUM(CASE WHEN " + current()
          + " THEN 1 ELSE 0 END) > 1";
      case CURRENT_MISMATCH -> "SELECT DISTINCT " + k + " FROM " + t + " WHERE " + current() + " <> " + open(to());
      case SENTINEL -> "SELECT DISTINCT " + k + " FROM " + t + " WHERE " + (dominantSentinel == null
          ? to() + " IS NOT NULL AND " + to() + " >= " + farLiteral()
          : open(to()) + " AND (" + to() + " IS NULL OR " + to() + " <> "
              + dialect.timeLiteral(scd.columns().timeType(), dominantSentinel) + ")");
      case DELETED -> scd.columns().hasDeletedFlag()
          ? "SELECT DISTINCT " + k + " FROM " + t + " WHERE COALESCE(" + dialect.ident(scd.columns().isDeleted())
              + ", FALSE)"
          : "SELECT " + k + " FROM " + t + " GROUP BY " + k + " HAVING SUM(CASE WHEN " + open(to())
              + " THEN 1 ELSE 0 END) = 0";
    };
  }

  private String withNext() {
    return "SELECT " + keys() + ", " + to() + ", LEAD(" + from() + ") OVER (PARTITION BY " + keys() + " ORDER BY "
        + from() + ", " + to() + ") AS next_from FROM " + table();
  }

  /**
   * One query giving the number of entities {@code offending} finds (column {@code entities}, on
   * every row) and the first {@code limit} of their keys, in key order.
   */
  public String examples(String offending, int limit) {
    return "SELECT " + keys() + ", COUNT(*) OVER () AS entities FROM (" + offending + ") AS e ORDER BY " + keys()
        + " LIMIT " + limit;
  }

  /**
   * The table as it was at {@code isoTime}: the versions with {@code valid_from <= t AND t <
   * valid_to} (an open NULL valid_to counts as later than any t), in key order.
   */
  public String asOf(String isoTime, int limit) {
    String t = dialect.timeLiteral(scd.columns().timeType(), isoTime);
    String order = scd.key().columns().isEmpty() ? "" : " ORDER BY " + keys();
    return "SELECT * FROM " + table() + " WHERE " + from() + " <= " + t + " AND (" + to() + " IS NULL OR " + t
        + " < " + to() + ")" + order + " LIMIT " + limit;
  }

  /** Every version of the entities matching {@code conditions} (already rendered), in key and time order. */
  public String history(List<String> conditions, int limit) {
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    String order = scd.key().columns().isEmpty() ? from() : keys() + ", " + from();
    return "SELECT * FROM " + table() + where + " ORDER BY " + order + ", " + to() + " LIMIT " + limit;
  }
}
