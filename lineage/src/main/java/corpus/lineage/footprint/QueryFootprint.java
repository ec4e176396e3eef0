package corpus.lineage.footprint;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a query reads, as a cost estimate needs it: per table the columns it references (nested paths such as
 * {@code source.type}, columns used only in WHERE/JOIN/GROUP BY/ORDER BY included, {@code SELECT *} expanded
 * through the schemas), the constant conditions on columns that may prune partitions, where {@code SELECT *} and
 * {@code LIMIT} are written, names that resolve to nothing, and what the statements write.
 *
 * <p>Made by {@link FootprintAnalyzer}. When {@link #error()} is set the SQL did not parse and the rest is empty.
 *
 * @param kinds statement kinds in order ({@code select}, {@code insert}, {@code create_table_as}, …)
 * @param tables every table read, once, in order of first reference
 * @param predicates conditions that hold for every row read from their table
 * @param stars each {@code SELECT *} over real tables
 * @param limit the outermost query's LIMIT, or null
 * @param unknownColumns names that match no column of the tables in scope (all schemas known)
 * @param writes tables written (DML/DDL targets)
 * @param filterSites where a condition on each directly read table can be added (one per SELECT and table)
 * @param error the parse error, or null
 */
public record QueryFootprint(
    List<String> kinds,
    List<TableRead> tables,
    List<ColumnPredicate> predicates,
    List<StarSelect> stars,
    Long limit,
    List<UnknownName> unknownColumns,
    List<String> writes,
    List<FilterSite> filterSites,
    SqlError error) {

  public QueryFootprint {
    kinds = List.copyOf(kinds);
    tables = List.copyOf(tables);
    predicates = List.copyOf(predicates);
    stars = List.copyOf(stars);
    unknownColumns = List.copyOf(unknownColumns);
    writes = List.copyOf(writes);
    filterSites = List.copyOf(filterSites);
  }

  /** A footprint of SQL that does not parse. */
  public static QueryFootprint failed(SqlError error) {
    return new QueryFootprint(List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(),
        List.of(), Objects.requireNonNull(error));
  }

  public boolean ok() {
    return error == null;
  }

  /** Whether any statement writes (DML or DDL) rather than only reading. */
  public boolean isWrite() {
    return !writes.isEmpty() || kinds.stream().anyMatch(k -> !READ_ONLY_KINDS.contains(k));
  }

  /** The read of {@code tableId}, or null. */
  public TableRead table(String tableId) {
    for (TableRead t : tables) {
      if (t.table().equalsIgnoreCase(tableId)) {
        return t;
      }
    }
    return null;
  }

  /** Predicates on {@code tableId}. */
  public List<ColumnPredicate> predicatesOn(String tableId) {
    return predicates.stream().filter(p -> p.table().equalsIgnoreCase(tableId)).toList();
  }

  private static final Set<String> READ_ONLY_KINDS = Set.of("select", "declare", "set", "if", "for", "assert");

  /**
   * One table the query reads.
   *
   * @param table {@code project.dataset.table}
   * @param columns referenced column paths (dotted for nested fields), each at most once; a path and one of its
   *     ancestors are never both listed
   * @param allColumns whether every column is read but the schema is unknown ({@code SELECT *} without schema)
   * @param references how many times the table is named in FROM clauses (a second scan reads it again)
   * @param spans where the table name is written
   * @param modified whether a DELETE, UPDATE or MERGE changes the table's rows, so that BigQuery also bills every
   *     column of the table (in the partitions it scans) on top of the columns read
   */
  public record TableRead(String table, Set<String> columns, boolean allColumns, int references, List<TextSpan> spans,
      boolean modified) {
    public TableRead {
      columns = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(columns));
      spans = List.copyOf(spans);
    }

    /** A table that is only read. */
    public TableRead(String table, Set<String> columns, boolean allColumns, int references, List<TextSpan> spans) {
      this(table, columns, allColumns, references, spans, false);
    }
  }

  /**
   * A {@code SELECT *} (or {@code alias.*}) over real tables.
   *
   * @param span the {@code *} (or {@code alias.*}) in the text
   * @param tables the tables it expands to
   * @param outermost whether it is in the query whose rows are returned (so every column it expands to is output)
   */
  public record StarSelect(TextSpan span, List<String> tables, boolean outermost) {
    public StarSelect {
      tables = List.copyOf(tables);
    }
  }

  /**
   * A SELECT that reads {@code table} directly, and where its WHERE clause is (or where one can be inserted), so a
   * condition on the table can be added mechanically.
   *
   * @param table the table read
   * @param alias how the SELECT names it (alias, or the table name)
   * @param where the WHERE condition's span, or null when the SELECT has none
   * @param fromEnd the offset just after the FROM clause, where {@code WHERE …} can be inserted
   */
  public record FilterSite(String table, String alias, TextSpan where, int fromEnd) {}

  /**
   * A column name that resolves to no column.
   *
   * @param name as written ({@code plya_date}, {@code p.plya_date})
   * @param span where it is written, or null when not found in the text
   */
  public record UnknownName(String name, TextSpan span) {}
}
