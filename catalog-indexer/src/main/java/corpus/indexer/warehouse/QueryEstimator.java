package corpus.indexer.warehouse;

import corpus.indexer.catalog.CatalogReader;
import corpus.indexer.lineage.CatalogSchemas;
import corpus.indexer.model.Table;
import corpus.indexer.model.TableId;
import corpus.lineage.AnalysisContext;
import corpus.lineage.SchemaProvider;
import corpus.lineage.footprint.FootprintAnalyzer;
import corpus.lineage.footprint.QueryFootprint;
import corpus.lineage.footprint.SqlError;
import corpus.lineage.footprint.TextSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates, estimates and coaches BigQuery SQL against a catalog and a {@link Warehouse}: parses and resolves
 * the query, computes its cost by BigQuery's on-demand rules, lists problems at their place and hints with
 * their savings. Thread-safe; table metadata is cached for the life of the estimator.
 *
 * <pre>{@code
 * QueryEstimator estimator = new QueryEstimator(catalog::table, warehouse, Pricing.DEFAULT, "EU", null);
 * Estimate e = estimator.estimate("SELECT track_id FROM `soundwave-prod.listening.plays` WHERE play_date = '2024-06-01'");
 * e.summary();   // This query will process 95 KB ≈ $0.00006 (10 MB billed: …)
 * }</pre>
 */
public final class QueryEstimator {
  private final TableLookup catalog;
  private final Warehouse warehouse;
  private final Pricing pricing;
  private final Coach coach;
  private final String defaultProject;
  private final FootprintAnalyzer analyzer = new FootprintAnalyzer();
  private final Map<String, Optional<Table>> tables = new ConcurrentHashMap<>();

  /**
   * @param catalog looks tables up (e.g. {@code CatalogReader::table})
   * @param warehouse where sizes come from
   * @param pricing the price and minimums
   * @param workflowLocation the location the user's work must stay in ({@code EU}), or null
   * @param defaultProject project of {@code dataset.table} names, or null
   */
  public QueryEstimator(TableLookup catalog, Warehouse warehouse, Pricing pricing, String workflowLocation,
      String defaultProject) {
    this.catalog = catalog;
    this.warehouse = warehouse;
    this.pricing = pricing;
    this.coach = new Coach(pricing, workflowLocation);
    this.defaultProject = defaultProject;
  }

  /** An estimator over a catalog reader. */
  public static QueryEstimator of(CatalogReader catalog, Warehouse warehouse, Pricing pricing, String location,
      String defaultProject) {
    return new QueryEstimator(catalog::table, warehouse, pricing, location, defaultProject);
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public Pricing pricing() {
    return pricing;
  }

  /** What {@code sql} reads (parse and resolve only). */
  public QueryFootprint footprint(String sql) {
    return analyzer.analyze(sql, context(), warehouse.today());
  }

  /** Validates, estimates and coaches {@code sql}; never throws for bad SQL. */
  public Estimate estimate(String sql) throws IOException, InterruptedException {
    return estimate(sql, true);
  }

  /**
   * Validates and estimates {@code sql} without coaching (no rewritten query is estimated), for callers that
   * only need the cost, such as the SCD checks and as-of views; never throws for bad SQL.
   */
  public Estimate cost(String sql) throws IOException, InterruptedException {
    return estimate(sql, false);
  }

  private Estimate estimate(String sql, boolean withHints) throws IOException, InterruptedException {
    QueryFootprint footprint = footprint(sql);
    List<Problem> problems = new ArrayList<>();
    if (!footprint.ok()) {
      SqlError error = footprint.error();
      problems.add(new Problem(error.message(), null, error.line(), error.column(), true));
      return new Estimate(sql, footprint, null, problems, List.of(), warehouse.description());
    }
    for (QueryFootprint.UnknownName u : footprint.unknownColumns()) {
      problems.add(new Problem("Unrecognized name: " + u.name(), u.span(), 0, 0, true));
    }
    CostEstimator.Costing costing;
    try {
      costing = estimator().estimate(footprint);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    problems.addAll(costing.problems());
    mixedLocations(costing, problems);
    CostEstimate cost = costing.estimate();
    Optional<Long> dryRun = warehouse.dryRunBytes(sql);
    if (dryRun.isPresent()) {
      cost = new CostEstimate(cost.bytesProcessed(), cost.bytesBilled(), cost.costUsd(), cost.tables(),
          cost.warnings(), cost.exact(), dryRun.get());
    }
    List<Hint> hints = withHints ? coach.hints(sql, footprint, costing, this::billedQuietly) : List.of();
    return new Estimate(sql, footprint, cost, withPositions(sql, problems), hints, warehouse.description());
  }

  private long billedQuietly(String sql) {
    try {
      Estimate e = estimate(sql, false);
      return e.cost() == null ? Long.MAX_VALUE : e.cost().bytesBilled();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Long.MAX_VALUE;
    }
  }

  private static void mixedLocations(CostEstimator.Costing costing, List<Problem> problems) {
    Set<String> locations = new java.util.TreeSet<>();
    for (TableCost t : costing.estimate().tables()) {
      if (t.location() != null) {
        locations.add(t.location().toUpperCase(Locale.ROOT));
      }
    }
    if (locations.size() > 1) {
      problems.add(new Problem("BigQuery runs a query in one location, but it reads tables in "
          + String.join(" and ", locations) + ": it will fail with 'Not found: Dataset … was not found in location'",
          null, 0, 0, true));
    }
  }

  private static List<Problem> withPositions(String sql, List<Problem> problems) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : problems) {
      if (p.span() != null && p.line() == 0) {
        int[] lc = lineColumn(sql, p.span().start());
        out.add(new Problem(p.message(), p.span(), lc[0], lc[1], p.blocking()));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  static int[] lineColumn(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }

  private CostEstimator estimator() {
    return new CostEstimator(this::table, warehouse, pricing, this::viewFootprint);
  }

  private QueryFootprint viewFootprint(Table view, Set<String> columns) {
    String select = columns.isEmpty() ? "1" : String.join(", ", columns.stream().map(QueryEstimator::quotePath)
        .toList());
    return analyzer.analyze("SELECT " + select + " FROM (\n" + view.viewQuery() + "\n)",
        new AnalysisContext(view.id().project(), view.id().dataset(), schemas(), Optional.empty()),
        warehouse.today());
  }

  private static String quotePath(String path) {
    StringBuilder b = new StringBuilder();
    for (String part : path.split("\\.")) {
      b.append(b.isEmpty() ? "" : ".").append('`').append(part).append('`');
    }
    return b.toString();
  }

  private Optional<Table> table(TableId id) throws IOException {
    String key = id.toString().toLowerCase(Locale.ROOT);
    Optional<Table> cached = tables.get(key);
    if (cached == null) {
      cached = catalog.table(id);
      tables.put(key, cached);
    }
    return cached;
  }

  private AnalysisContext context() {
    return new AnalysisContext(defaultProject, null, schemas(), Optional.empty());
  }

  private SchemaProvider schemas() {
    return tableId -> {
      try {
        TableId id = TableId.parse(tableId);
        Optional<Table> t = table(id);
        return t.map(table -> CatalogSchemas.columns(table.schema()));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** Where a span starts, as {@code line:column}, for messages. */
  static String position(String sql, TextSpan span) {
    int[] lc = lineColumn(sql, span.start());
    return lc[0] + ":" + lc[1];
  }
}
