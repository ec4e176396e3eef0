package corpus.lineage.zetasql;

import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.SqlException;
import com.google.zetasql.StructType;
import com.google.zetasql.Type;
import com.google.zetasql.ZetaSQLOptions;
import com.google.zetasql.resolvedast.ResolvedColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAggregateFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAnalyticFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAnalyticFunctionGroup;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedArrayScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedColumnRef;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedComputedColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedComputedColumnBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateTableAsSelectStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateViewBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionArgument;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCallBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedGetStructField;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedInlineLambda;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedInsertStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedMakeStruct;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOutputColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedQueryStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSetOperationItem;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSetOperationScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSubqueryExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedTableScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWithEntry;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWithRefScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWindowOrdering;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWindowPartitioning;
import com.google.zetasql.resolvedast.ResolvedNodes.Visitor;
import corpus.lineage.AnalysisContext;
import corpus.lineage.ColumnLineage;
import corpus.lineage.ColumnSchema;
import corpus.lineage.Derivation;
import corpus.lineage.StatementLineage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Column lineage from ZetaSQL's resolved tree: for a statement whose every table has a schema, the Analyzer
 * resolves it against a catalog registered once with those schemas and reused by later statements
 * ({@link AnalyzerCatalog}, {@link CatalogCache}) and each output column is
 * followed through the resolved scans (projections, aggregates, windows, joins, UNNEST, set operations, WITH)
 * down to table columns. Any statement the Analyzer rejects (a temp table or function, a script variable, a UDF
 * it does not know, a type it cannot infer) keeps the parse-tree lineage.
 *
 * <p>Thread-safe; holds no per-call state besides counters and the registered catalogs, which {@link #close}
 * unregisters.
 */
final class ResolvedTreeLineage implements AutoCloseable {
  private static final Set<String> KINDS = Set.of("select", "create_table_as", "create_view", "insert");
  /** Functions whose result is (an array of) their first argument's value (as the parse-tree pass's list). */
  private static final Set<String> FIELD_KEEPING = Set.of(
      "array_agg", "any_value", "max_by", "min_by", "array_concat_agg", "array_reverse", "array_filter",
      "array_concat", "ifnull", "coalesce", "array_slice", "array_last", "array_first");

  private final CatalogCache catalogs = new CatalogCache();
  private final boolean always;

  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong unknownFunctions = new AtomicLong();
  private final AtomicLong tried = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong notFollowed = new AtomicLong();

  /**
   * @param always whether every eligible statement goes to the Analyzer; otherwise only those whose parse-tree
   *     lineage is incomplete or approximate ({@link #wanted})
   */
  ResolvedTreeLineage(boolean always) {
    this.always = always;
  }

  /** How often the pass was skipped, tried, used, rejected by the Analyzer or left a column it could not follow. */
  ZetaSqlAnalyzer.ResolvedPassStatistics statistics() {
    return new ZetaSqlAnalyzer.ResolvedPassStatistics(skipped.get(), unknownFunctions.get(), tried.get(),
        accepted.get(), rejected.get(), notFollowed.get(), catalogs.registrations());
  }

  /**
   * Whether an {@linkplain #eligible eligible} statement goes to the Analyzer: always in the {@code ALWAYS} mode;
   * otherwise only when its parse-tree lineage left a column unresolved (a {@code p.d.t.*} or {@code s.*} not
   * expanded, an ambiguous or unknown name) or a parse-tree rule only approximated BigQuery's resolution. Where
   * neither holds, every table's schema is known and the parse-tree lineage is the one the Analyzer would give
   * ({@code ResolvedPassPolicyTest} checks this statement by statement on the lineage corpus), so the ≈ 5–14 ms
   * of native analysis per statement are saved. A statement that calls a function ZetaSQL does not know (a
   * persistent UDF such as {@code mozfun.hist.extract}, a temp function, {@code MAX_BY}) is not sent either: the
   * Analyzer would reject it ("Function not found") and the parse-tree lineage would be kept anyway. Counts both.
   */
  boolean wanted(StatementLineage parsed, boolean approximate, Set<String> calls) {
    if (always) {
      return true;
    }
    if (!approximate && parsed.unresolved().isEmpty()) {
      skipped.incrementAndGet();
      return false;
    }
    for (String call : calls) {
      if (!AnalyzerCatalog.isBuiltinFunction(call)) {
        unknownFunctions.incrementAndGet();
        return false;
      }
    }
    return true;
  }

  /** Whether the analysis of {@code parsed} can be refined: a query-shaped statement over known tables only. */
  static boolean eligible(StatementLineage parsed, AnalysisContext context) {
    if (!parsed.ok() || !KINDS.contains(parsed.kind()) || parsed.sources().isEmpty()
        || !parsed.external().isEmpty()) {
      return false;
    }
    for (String table : parsed.sources()) {
      if (table.contains("*") || context.schemas().columns(table).isEmpty()) {
        return false;
      }
    }
    return !parsed.kind().equals("insert")
        || (parsed.targets().size() == 1 && context.schemas().columns(parsed.targets().getFirst()).isPresent());
  }

  /**
   * {@code parsed} with its column lineage taken from the resolved tree of {@code sql}, or {@code parsed} itself
   * when the Analyzer cannot resolve the statement.
   */
  StatementLineage refine(StatementLineage parsed, String sql, AnalysisContext context) {
    List<String> tables = new ArrayList<>(parsed.sources());
    if (parsed.kind().equals("insert")) {
      tables.addAll(parsed.targets());
    }
    tried.incrementAndGet();
    Map<String, List<ColumnSchema>> schemas = AnalyzerCatalog.schemasOf(tables, context.schemas());
    List<ColumnLineage> columns;
    try (CatalogCache.Lease lease = schemas == null ? null
        : catalogs.acquire(schemas, context.defaultProject(), context.defaultDataset())) {
      if (lease == null) {
        rejected.incrementAndGet();
        return parsed;
      }
      ResolvedStatement resolved = lease.catalog().analyze(sql, Options.VALUE);
      Walk walk = new Walk(resolved);
      if (!schemas.keySet().containsAll(walk.scannedTables())) {
        // A name the statement's own tables do not explain resolved to another table of the shared catalog.
        rejected.incrementAndGet();
        return parsed;
      }
      columns = walk.columns(parsed.targets().isEmpty() ? null : parsed.targets().getFirst());
    } catch (SqlException | IllegalArgumentException | IllegalStateException e) {
      rejected.incrementAndGet();
      return parsed;
    }
    if (columns == null) {
      notFollowed.incrementAndGet();
      return parsed;
    }
    accepted.incrementAndGet();
    return new StatementLineage(parsed.kind(), parsed.line(), parsed.targets(), parsed.sources(),
        parsed.external(), columns, parsed.filters(), List.of(), parsed.error());
  }

  /** Unregisters the pass's catalogs from the native library. */
  @Override
  public void close() {
    catalogs.close();
  }

  /** Built once on first use: never changed afterwards, so shared by every thread (it is only serialised). */
  private static final class Options {
    static final AnalyzerOptions VALUE = options();
  }

  private static AnalyzerOptions options() {
    AnalyzerOptions options = new AnalyzerOptions();
    LanguageOptions language = new LanguageOptions();
    language.enableMaximumLanguageFeatures();
    language.setSupportsAllStatementKinds();
    language.enableReservableKeyword("QUALIFY"); // as the parser: `FROM t QUALIFY …` is a clause, not an alias
    options.setLanguageOptions(language);
    options.setAllowUndeclaredParameters(true);
    options.setEnabledRewrites(EnumSet.noneOf(ZetaSQLOptions.ResolvedASTRewrite.class));
    return options;
  }

  /** One walk over a resolved statement: where every column comes from. */
  private static final class Walk extends Visitor {
    private final ResolvedStatement statement;
    private final Map<Long, String> tableColumns = new HashMap<>();
    private final Map<Long, ResolvedExpr> computed = new HashMap<>();
    private final Map<Long, Derivation> atLeast = new HashMap<>();
    private final Map<Long, List<ResolvedExpr>> windowInputs = new HashMap<>();
    private final Map<Long, List<Long>> passedFrom = new HashMap<>();
    private final Map<String, List<ResolvedColumn>> withEntries = new HashMap<>();
    private final List<ResolvedWithRefScan> withRefs = new ArrayList<>();
    private final Map<Long, ColumnSources> memo = new HashMap<>();
    private final Set<Long> inProgress = new HashSet<>();
    private final Set<String> scanned = new HashSet<>();
    private boolean unknownOrigin;

    Walk(ResolvedStatement statement) {
      this.statement = statement;
      statement.accept(this);
      for (ResolvedWithRefScan ref : withRefs) {
        List<ResolvedColumn> entry = withEntries.get(ref.getWithQueryName().toLowerCase(Locale.ROOT));
        if (entry == null) {
          continue;
        }
        for (int i = 0; i < ref.getColumnList().size() && i < entry.size(); i++) {
          passedFrom.computeIfAbsent(ref.getColumnList().get(i).getId(), k -> new ArrayList<>())
              .add(entry.get(i).getId());
        }
      }
    }

    /** The ids of the tables the statement scans. */
    Set<String> scannedTables() {
      return scanned;
    }

    /**
     * The lineage of the statement's output columns, or null for a statement of another shape or one with a
     * column whose origin this walk does not follow (PIVOT, UNPIVOT, recursive or other scans it does not know).
     */
    List<ColumnLineage> columns(String target) {
      List<ColumnLineage> out = new ArrayList<>();
      switch (statement) {
        case ResolvedQueryStmt q -> outputs(target, q.getOutputColumnList(), out);
        case ResolvedCreateTableAsSelectStmt c -> outputs(target, c.getOutputColumnList(), out);
        case ResolvedCreateViewBase v -> outputs(target, v.getOutputColumnList(), out);
        case ResolvedInsertStmt i -> {
          if (i.getQuery() == null) {
            return null;
          }
          for (int k = 0; k < i.getInsertColumnList().size() && k < i.getQueryOutputColumnList().size(); k++) {
            out.addAll(TargetColumns.lineages(target, i.getInsertColumnList().get(k).getName(),
                sourcesOf(i.getQueryOutputColumnList().get(k))));
          }
        }
        default -> {
          return null;
        }
      }
      return unknownOrigin ? null : out;
    }

    private void outputs(String target, List<ResolvedOutputColumn> columns, List<ColumnLineage> out) {
      for (ResolvedOutputColumn c : columns) {
        out.addAll(TargetColumns.lineages(target, c.getName(), sourcesOf(c.getColumn())));
      }
    }

    @Override
    public void visit(ResolvedTableScan scan) {
      String table = scan.getTable().getName();
      scanned.add(table);
      for (int i = 0; i < scan.getColumnList().size(); i++) {
        int index = scan.getColumnIndexList().get(i).intValue();
        tableColumns.put(scan.getColumnList().get(i).getId(), table + "." + scan.getTable().getColumn(index).getName());
      }
      super.visit(scan);
    }

    @Override
    public void visit(ResolvedComputedColumn c) {
      computed.put(c.getColumn().getId(), c.getExpr());
      super.visit(c);
    }

    @Override
    public void visit(ResolvedAnalyticFunctionGroup group) {
      List<ResolvedExpr> window = new ArrayList<>();
      ResolvedWindowPartitioning partition = group.getPartitionBy();
      if (partition != null) {
        window.addAll(partition.getPartitionByList());
      }
      ResolvedWindowOrdering order = group.getOrderBy();
      if (order != null) {
        order.getOrderByItemList().forEach(item -> window.add(item.getColumnRef()));
      }
      for (ResolvedComputedColumnBase f : group.getAnalyticFunctionList()) {
        windowInputs.put(f.getColumn().getId(), window);
        // An aggregate function over a window (SUM(x) OVER …) aggregates, as in the parse-tree pass; ROW_NUMBER,
        // LAG and the other analytic-only functions transform.
        boolean aggregate = f.getExpr() instanceof ResolvedAnalyticFunctionCall call
            && call.getFunction().isAggregate();
        atLeast.put(f.getColumn().getId(), aggregate ? Derivation.AGGREGATION : Derivation.TRANSFORMATION);
      }
      super.visit(group);
    }

    @Override
    public void visit(ResolvedFunctionCall call) {
      ResolvedExpr array = firstExpression(call);
      for (ResolvedFunctionArgument arg : call.getGenericArgumentList()) {
        ResolvedInlineLambda lambda = arg.getInlineLambda();
        if (lambda != null && array != null && !lambda.getArgumentList().isEmpty()) {
          computed.put(lambda.getArgumentList().getFirst().getId(), array);
        }
      }
      super.visit(call);
    }

    @Override
    public void visit(ResolvedArrayScan scan) {
      if (scan.getElementColumn() != null && scan.getArrayExpr() != null) {
        computed.put(scan.getElementColumn().getId(), scan.getArrayExpr());
      }
      super.visit(scan);
    }

    @Override
    public void visit(ResolvedSetOperationScan scan) {
      for (ResolvedSetOperationItem item : scan.getInputItemList()) {
        for (int i = 0; i < scan.getColumnList().size() && i < item.getOutputColumnList().size(); i++) {
          passedFrom.computeIfAbsent(scan.getColumnList().get(i).getId(), k -> new ArrayList<>())
              .add(item.getOutputColumnList().get(i).getId());
        }
      }
      super.visit(scan);
    }

    @Override
    public void visit(ResolvedWithEntry entry) {
      withEntries.put(entry.getWithQueryName().toLowerCase(Locale.ROOT),
          entry.getWithSubquery().getColumnList());
      super.visit(entry);
    }

    @Override
    public void visit(ResolvedWithRefScan ref) {
      withRefs.add(ref);
      super.visit(ref);
    }

    private ColumnSources sourcesOf(ResolvedColumn column) {
      return sourcesOf(column.getId());
    }

    private ColumnSources sourcesOf(long id) {
      ColumnSources known = memo.get(id);
      if (known != null) {
        return known;
      }
      if (!inProgress.add(id)) {
        return ColumnSources.EMPTY;
      }
      ColumnSources s;
      if (tableColumns.containsKey(id)) {
        s = ColumnSources.identity(tableColumns.get(id));
      } else if (computed.containsKey(id)) {
        s = expression(computed.get(id));
        for (ResolvedExpr w : windowInputs.getOrDefault(id, List.of())) {
          s = s.merge(expression(w));
        }
        s = s.atLeast(atLeast.getOrDefault(id, Derivation.IDENTITY));
      } else if (passedFrom.containsKey(id)) {
        s = ColumnSources.EMPTY;
        for (long from : passedFrom.get(id)) {
          s = s.merge(sourcesOf(from));
        }
      } else {
        unknownOrigin = true;
        s = ColumnSources.EMPTY;
      }
      inProgress.remove(id);
      memo.put(id, s);
      return s;
    }

    /** The sources of an expression: copies keep their derivation, anything else transforms or aggregates. */
    private ColumnSources expression(ResolvedExpr e) {
      if (e instanceof ResolvedColumnRef ref) {
        return sourcesOf(ref.getColumn());
      }
      List<String> path = new ArrayList<>();
      ResolvedExpr base = e;
      boolean element = false;
      while (true) {
        if (base instanceof ResolvedGetStructField get) {
          path.addFirst(fieldName(get.getExpr().getType(), (int) get.getFieldIdx()));
          base = get.getExpr();
        } else if (!path.isEmpty() && isArrayElement(base)) {
          base = ((ResolvedFunctionCallBase) base).getArgumentList().getFirst();
          element = true;
        } else {
          break;
        }
      }
      if (base instanceof ResolvedColumnRef ref && !path.isEmpty()) {
        ColumnSources field = sourcesOf(ref.getColumn()).field(path);
        return element ? field.atLeast(Derivation.TRANSFORMATION) : field;
      }
      if (isArrayElement(e)
          && ((ResolvedFunctionCallBase) e).getArgumentList().getFirst() instanceof ResolvedColumnRef ref
          && !sourcesOf(ref.getColumn()).fields().isEmpty()) {
        // ARRAY_AGG(STRUCT(a AS x, …))[OFFSET(0)]: the element keeps the STRUCT's fields, as in the parse-tree pass.
        Collector collector = new Collector();
        e.accept(collector);
        return collector.result.withFields(sourcesOf(ref.getColumn()).fields()).atLeast(Derivation.TRANSFORMATION);
      }
      if (e instanceof ResolvedMakeStruct struct && e.getType().isStruct()) {
        Map<String, ColumnSources> fields = new LinkedHashMap<>();
        ColumnSources all = ColumnSources.EMPTY;
        StructType type = e.getType().asStruct();
        for (int i = 0; i < struct.getFieldList().size(); i++) {
          ColumnSources f = expression(struct.getFieldList().get(i));
          String name = type.getField(i).getName();
          if (name.isEmpty() || fields.put(name, f) != null) {
            fields = null;
            all = all.merge(new ColumnSources(f.columns(), f.derivation()));
            continue;
          }
          all = all.merge(new ColumnSources(f.columns(), f.derivation()));
        }
        ColumnSources result = all.atLeast(Derivation.TRANSFORMATION);
        return fields == null ? result : result.withFields(fields);
      }
      Collector collector = new Collector();
      e.accept(collector);
      ColumnSources result = collector.result;
      if (e instanceof ResolvedSubqueryExpr sub && sub.getInExpr() == null
          && sub.getSubquery().getColumnList().size() == 1) {
        // ARRAY(SELECT AS STRUCT a AS x, …), (SELECT AS STRUCT …): the value keeps the STRUCT's fields.
        Map<String, ColumnSources> fields = sourcesOf(sub.getSubquery().getColumnList().getFirst()).fields();
        if (!fields.isEmpty()) {
          result = result.withFields(fields);
        }
      }
      if (e instanceof ResolvedFunctionCallBase call && !call.getArgumentList().isEmpty()
          && FIELD_KEEPING.contains(call.getFunction().getName().toLowerCase(Locale.ROOT))) {
        // ARRAY_AGG(STRUCT(a AS x, …)), ANY_VALUE(s), IFNULL(s, …): the STRUCT's fields carry over, as in the
        // parse-tree pass, so the target is written field by field.
        Map<String, ColumnSources> fields = expression(call.getArgumentList().getFirst()).fields();
        if (!fields.isEmpty()) {
          result = result.withFields(fields);
        }
      }
      return result.atLeast(collector.aggregated ? Derivation.AGGREGATION : Derivation.TRANSFORMATION);
    }

    /** The first plain argument of a call, from the argument list or the generic one (calls with lambdas). */
    private static ResolvedExpr firstExpression(ResolvedFunctionCallBase call) {
      if (!call.getArgumentList().isEmpty()) {
        return call.getArgumentList().getFirst();
      }
      if (!call.getGenericArgumentList().isEmpty()) {
        return call.getGenericArgumentList().getFirst().getExpr();
      }
      return null;
    }

    /** {@code a[OFFSET(i)]} and its kin: an element of the array in the first argument. */
    private static boolean isArrayElement(ResolvedExpr e) {
      if (!(e instanceof ResolvedFunctionCallBase call) || call.getArgumentList().isEmpty()) {
        return false;
      }
      String name = call.getFunction().getName();
      return name.startsWith("$array_at") || name.startsWith("$safe_array_at");
    }

    private static String fieldName(Type type, int index) {
      return type.isStruct() ? type.asStruct().getField(index).getName() : "$" + index;
    }

    /** Collects the sources of every column an expression reads, subqueries included. */
    private final class Collector extends Visitor {
      ColumnSources result = ColumnSources.EMPTY;
      boolean aggregated;

      @Override
      public void visit(ResolvedColumnRef ref) {
        ColumnSources s = sourcesOf(ref.getColumn());
        // An expression over a STRUCT value (TO_JSON(s), s IS NULL) is computed from it: its fields do not carry over.
        result = result.merge(new ColumnSources(s.columns(), s.derivation()));
      }

      @Override
      public void visit(ResolvedGetStructField get) {
        ResolvedExpr base = get.getExpr();
        while (base instanceof ResolvedGetStructField inner) {
          base = inner.getExpr();
        }
        if (base instanceof ResolvedColumnRef) {
          ColumnSources s = expression(get);
          result = result.merge(new ColumnSources(s.columns(), s.derivation()));
        } else {
          super.visit(get);
        }
      }

      @Override
      public void visit(ResolvedFunctionCall call) {
        if (!call.getFunction().getName().equalsIgnoreCase("array_transform")
            || call.getGenericArgumentList().isEmpty()) {
          super.visit(call);
          return;
        }
        for (ResolvedFunctionArgument arg : call.getGenericArgumentList().subList(1,
            call.getGenericArgumentList().size())) {
          arg.accept(this);
        }
      }

      @Override
      public void visit(ResolvedAggregateFunctionCall call) {
        aggregated = true;
        super.visit(call);
      }

      @Override
      public void visit(ResolvedSubqueryExpr sub) {
        for (ResolvedColumn c : sub.getSubquery().getColumnList()) {
          ColumnSources s = sourcesOf(c);
          result = result.merge(new ColumnSources(s.columns(), s.derivation()));
        }
        if (sub.getInExpr() != null) {
          sub.getInExpr().accept(this);
        }
      }
    }
  }
}
