package corpus.indexer.scd;

import corpus.indexer.model.Field;
import corpus.indexer.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the history of one entity with a bounded query (the key values in the WHERE clause, at most
 * {@code limit} rows) and works out, per lane, which cells changed from one version to the next and
 * where versions leave gaps or overlap.
 *
 * <pre>{@code
 * EntityHistory h = new EntityHistoryReader(runner, farFuture).read(scd, table, Map.of("track_id", "tr_000042"), 500);
 * h.lanes().getFirst().versions().get(1).changed();   // [title, change_reason, ...]
 * }</pre>
 */
public final class EntityHistoryReader {

  /** Rows read at most unless told otherwise. */
  public static final int DEFAULT_LIMIT = 500;

  private final QueryRunner runner;
  private final String farFuture;

  public EntityHistoryReader(QueryRunner runner, String farFuture) {
    this.runner = runner;
    this.farFuture = farFuture;
  }

  /** The SQL {@link #read} runs, for showing before it runs. */
  public String sql(ScdTable scd, Table table, Map<String, String> keyValues, int limit) {
    List<String> conditions = new ArrayList<>();
    SqlDialect d = runner.dialect();
    for (Map.Entry<String, String> e : keyValues.entrySet()) {
      Field f = column(table, e.getKey());
      conditions.add(d.ident(f.name()) + " = " + literal(d, f.type(), e.getValue()));
    }
    return new ScdSql(scd, d, farFuture).history(conditions, limit);
  }

  /** Reads the versions whose columns equal {@code keyValues} (usually all or part of the key). */
  public EntityHistory read(ScdTable scd, Table table, Map<String, String> keyValues, int limit) throws Exception {
    if (keyValues.isEmpty()) {
      throw new IllegalArgumentException("name at least one key value, e.g. " + scd.key().columns().stream()
          .findFirst().orElse("id") + "=...");
    }
    String sql = sql(scd, table, keyValues, limit + 1);
    QueryResult result = runner.run(sql, limit + 1);
    boolean truncated = result.rows().size() > limit;
    List<List<String>> rows = truncated ? result.rows().subList(0, limit) : result.rows();
    return new EntityHistory(scd, result.columns(), lanes(scd, result, rows), sql, truncated);
  }

  private List<EntityHistory.Lane> lanes(ScdTable scd, QueryResult result, List<List<String>> rows) {
    int from = result.column(scd.columns().validFrom());
    int to = result.column(scd.columns().validTo());
    int current = scd.columns().hasCurrentFlag() ? result.column(scd.columns().isCurrent()) : -1;
    int deleted = scd.columns().hasDeletedFlag() ? result.column(scd.columns().isDeleted()) : -1;
    List<Integer> keyIdx = scd.key().columns().stream().map(result::column).toList();
    Set<Integer> history = new HashSet<>(List.of(from, to, current, deleted));
    Map<List<String>, List<List<String>>> byKey = new LinkedHashMap<>();
    for (List<String> row : rows) {
      List<String> key = new ArrayList<>();
      keyIdx.forEach(i -> key.add(i < 0 ? null : row.get(i)));
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    List<EntityHistory.Lane> lanes = new ArrayList<>();
    byKey.forEach((key, laneRows) -> {
      List<EntityVersion> versions = new ArrayList<>();
      List<String> previous = null;
      for (List<String> row : laneRows) {
        Set<String> changed = new HashSet<>();
        boolean gap = false;
        boolean overlap = false;
        if (previous != null) {
          for (int i = 0; i < row.size(); i++) {
            if (!history.contains(i) && !Objects.equals(row.get(i), previous.get(i))) {
              changed.add(result.columns().get(i));
            }
          }
          String prevTo = openOrNull(previous.get(to));
          if (prevTo == null) {
            overlap = true;
          } else {
            int c = row.get(from).compareTo(prevTo);
            overlap = c < 0;
            gap = c > 0;
          }
        }
        String validTo = openOrNull(row.get(to));
        boolean isCurrent = current >= 0 ? truth(row.get(current)) : validTo == null;
        boolean isDeleted = deleted >= 0 && truth(row.get(deleted));
        versions.add(new EntityVersion(row, row.get(from), validTo, isCurrent, isDeleted, changed, gap, overlap));
        previous = row;
      }
      lanes.add(new EntityHistory.Lane(key, versions));
    });
    return lanes;
  }

  /** The valid_to, or null when it marks an open version (NULL or at/after the far future). */
  private String openOrNull(String validTo) {
    return validTo == null || validTo.compareTo(farFuture) >= 0 ? null : validTo;
  }

  private static boolean truth(String v) {
    return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
  }

  private static Field column(Table table, String name) {
    return table.schema().stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no column " + name + " in " + table.id()));
  }

  /** A typed literal for a value a person typed; refuses values that are not of the column's type. */
  static String literal(SqlDialect d, String type, String value) {
    String v = value.strip();
    return switch (type) {
      case "INT64" -> {
        if (!v.matches("-?\\d{1,19}")) {
          throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
        yield v;
      }
      case "NUMERIC", "BIGNUMERIC", "FLOAT64" -> {
        if (!v.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
          throw new IllegalArgumentException("'" + value + "' is not a number");
        }
        yield v;
      }
      case "BOOL" -> switch (v.toLowerCase(Locale.ROOT)) {
        case "true", "false" -> v.toUpperCase(Locale.ROOT);
        default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
      };
      case "DATE", "DATETIME", "TIMESTAMP" -> d.timeLiteral(type, v);
      default -> d.string(value);
    };
  }
}
