package corpus.lineage.zetasql;

import com.google.zetasql.parser.ASTNodes.ASTAnalyticFunctionCall;
import com.google.zetasql.parser.ASTNodes.ASTArrayElement;
import com.google.zetasql.parser.ASTNodes.ASTArrayType;
import com.google.zetasql.parser.ASTNodes.ASTDotIdentifier;
import com.google.zetasql.parser.ASTNodes.ASTExpression;
import com.google.zetasql.parser.ASTNodes.ASTExpressionSubquery;
import com.google.zetasql.parser.ASTNodes.ASTExtractExpression;
import com.google.zetasql.parser.ASTNodes.ASTFunctionCall;
import com.google.zetasql.parser.ASTNodes.ASTFunctionType;
import com.google.zetasql.parser.ASTNodes.ASTIdentifier;
import com.google.zetasql.parser.ASTNodes.ASTLambda;
import com.google.zetasql.parser.ASTNodes.ASTMapType;
import com.google.zetasql.parser.ASTNodes.ASTPathExpression;
import com.google.zetasql.parser.ASTNodes.ASTQuery;
import com.google.zetasql.parser.ASTNodes.ASTRangeType;
import com.google.zetasql.parser.ASTNodes.ASTSelect;
import com.google.zetasql.parser.ASTNodes.ASTSimpleType;
import com.google.zetasql.parser.ASTNodes.ASTStructConstructorArg;
import com.google.zetasql.parser.ASTNodes.ASTStructConstructorWithKeyword;
import com.google.zetasql.parser.ASTNodes.ASTStructConstructorWithParens;
import com.google.zetasql.parser.ASTNodes.ASTStructType;
import com.google.zetasql.parser.ASTNodes.ASTSystemVariableExpr;
import com.google.zetasql.parser.ASTNodes.ASTTemplatedParameterType;
import com.google.zetasql.parser.ASTSelectAsEnums;
import com.google.zetasql.parser.ParseTreeVisitor;
import corpus.lineage.Derivation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the column references of one expression against a scope: which source columns it reads and whether it
 * copies, transforms or aggregates them. Subqueries inside the expression are resolved as correlated queries.
 */
final class ExpressionResolver extends ParseTreeVisitor {
  private static final Set<String> AGGREGATES = Set.of(
      "ANY_VALUE", "ARRAY_AGG", "ARRAY_CONCAT_AGG", "AVG", "BIT_AND", "BIT_OR", "BIT_XOR", "COUNT", "COUNTIF",
      "LOGICAL_AND", "LOGICAL_OR", "MAX", "MAX_BY", "MIN", "MIN_BY", "STRING_AGG", "SUM", "APPROX_COUNT_DISTINCT",
      "APPROX_QUANTILES", "APPROX_TOP_COUNT", "APPROX_TOP_SUM", "CORR", "COVAR_POP", "COVAR_SAMP", "STDDEV",
      "STDDEV_POP", "STDDEV_SAMP", "VAR_POP", "VAR_SAMP", "VARIANCE", "PERCENTILE_CONT", "PERCENTILE_DISC",
      "ST_UNION_AGG", "ST_EXTENT", "ST_CENTROID_AGG", "HLL_COUNT.INIT", "HLL_COUNT.MERGE",
      "HLL_COUNT.MERGE_PARTIAL", "JSON_AGG", "GROUPING");
  private static final Set<String> DATE_PARTS = Set.of(
      "MICROSECOND", "MILLISECOND", "SECOND", "MINUTE", "HOUR", "DAY", "DAYOFWEEK", "DAYOFYEAR", "WEEK", "ISOWEEK",
      "MONTH", "QUARTER", "YEAR", "ISOYEAR", "DATE", "TIME", "DATETIME", "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY",
      "THURSDAY", "FRIDAY", "SATURDAY");

  /** {@code a[OFFSET(i)]} and its kin: written as calls, but no functions of the catalog. */
  private static final Set<String> SUBSCRIPTS = Set.of("OFFSET", "ORDINAL", "SAFE_OFFSET", "SAFE_ORDINAL");
  /** Functions whose result is (an array of) their first argument's value, so a STRUCT's fields carry over. */
  private static final Set<String> FIELD_KEEPING = Set.of(
      "ARRAY_AGG", "ANY_VALUE", "MAX_BY", "MIN_BY", "ARRAY_CONCAT_AGG", "ARRAY_REVERSE", "ARRAY_FILTER",
      "ARRAY_CONCAT", "IFNULL", "COALESCE", "ARRAY_SLICE", "ARRAY_LAST", "ARRAY_FIRST");
  /** Array functions whose lambda's first parameter is an element of the first argument. */
  private static final Set<String> ELEMENT_LAMBDAS = Set.of(
      "ARRAY_TRANSFORM", "ARRAY_FILTER", "ARRAY_INCLUDES", "ARRAY_FIND", "ARRAY_OFFSET", "ARRAY_OFFSETS",
      "ARRAY_FIND_ALL", "ARRAY_INCLUDES_ANY", "ARRAY_INCLUDES_ALL");

  private final Map<ASTQuery, Map<String, ColumnSources>> subqueryFields = new HashMap<>();
  private final QueryResolver queries;
  private final Scope scope;
  private final boolean aliasesVisible;
  private final Set<String> ignoredNames;
  private ColumnSources result = ColumnSources.EMPTY;
  private boolean aggregated;

  private ExpressionResolver(QueryResolver queries, Scope scope, boolean aliasesVisible, Set<String> ignoredNames) {
    this.queries = queries;
    this.scope = scope;
    this.aliasesVisible = aliasesVisible;
    this.ignoredNames = ignoredNames;
  }

  /** The sources of {@code expression} evaluated in {@code scope}. */
  static ColumnSources resolve(QueryResolver queries, ASTExpression expression, Scope scope, boolean aliasesVisible) {
    return resolve(queries, expression, scope, aliasesVisible, Set.of());
  }

  static ColumnSources resolve(
      QueryResolver queries, ASTExpression expression, Scope scope, boolean aliasesVisible, Set<String> ignored) {
    if (expression == null) {
      return ColumnSources.EMPTY;
    }
    Map<String, ASTExpression> structFields = structFields(expression);
    if (structFields != null) {
      return struct(queries, structFields, scope, aliasesVisible, ignored);
    }
    ExpressionResolver r = new ExpressionResolver(queries, scope, aliasesVisible, lowerCase(ignored));
    expression.accept(r);
    ColumnSources result = r.result;
    if (expression instanceof ASTExpressionSubquery sub && r.subqueryFields.containsKey(sub.getQuery())) {
      result = result.withFields(r.subqueryFields.get(sub.getQuery()));
    } else if (expression instanceof ASTFunctionCall call && FIELD_KEEPING.contains(functionName(call))
        && !call.getArguments().isEmpty()) {
      Map<String, ColumnSources> fields =
          resolve(queries, call.getArguments().getFirst(), scope, aliasesVisible, ignored).fields();
      result = fields.isEmpty() ? result : result.withFields(fields);
    }
    if (r.aggregated) {
      return result.atLeast(Derivation.AGGREGATION);
    }
    if (pathOf(expression) != null) {
      return result;
    }
    return result.atLeast(Derivation.TRANSFORMATION);
  }

  /**
   * The named fields of a STRUCT constructor ({@code STRUCT(a AS x, b)}, {@code (a, b.c)}), or null when
   * {@code e} is not one or a field has no name (no alias and not a column path).
   */
  private static Map<String, ASTExpression> structFields(ASTExpression e) {
    Map<String, ASTExpression> fields = new LinkedHashMap<>();
    if (e instanceof ASTStructConstructorWithKeyword s && s.getStructType() == null) {
      for (ASTStructConstructorArg arg : s.getFields()) {
        List<String> path = pathOf(arg.getExpression());
        String name = arg.getAlias() != null ? arg.getAlias().getIdentifier().getIdString()
            : path != null ? path.getLast() : null;
        if (name == null || fields.put(name, arg.getExpression()) != null) {
          return null;
        }
      }
      return fields.isEmpty() ? null : fields;
    }
    if (e instanceof ASTStructConstructorWithParens s) {
      for (ASTExpression field : s.getFieldExpressions()) {
        List<String> path = pathOf(field);
        if (path == null || fields.put(path.getLast(), field) != null) {
          return null;
        }
      }
      return fields;
    }
    return null;
  }

  private static ColumnSources struct(QueryResolver queries, Map<String, ASTExpression> fields, Scope scope,
      boolean aliasesVisible, Set<String> ignored) {
    ColumnSources all = ColumnSources.EMPTY;
    Map<String, ColumnSources> resolved = new LinkedHashMap<>();
    for (Map.Entry<String, ASTExpression> f : fields.entrySet()) {
      ColumnSources s = resolve(queries, f.getValue(), scope, aliasesVisible, ignored);
      resolved.put(f.getKey(), s);
      all = all.merge(new ColumnSources(s.columns(), s.derivation()));
    }
    return all.atLeast(Derivation.TRANSFORMATION).withFields(resolved);
  }

  /** The names of a plain column path ({@code a}, {@code a.b.c}), or null for any other expression. */
  static List<String> pathOf(ASTExpression e) {
    if (e instanceof ASTPathExpression p) {
      List<String> names = new ArrayList<>();
      for (ASTIdentifier id : p.getNames()) {
        names.add(id.getIdString());
      }
      return names;
    }
    if (e instanceof ASTDotIdentifier d) {
      List<String> base = pathOf(d.getExpr());
      if (base != null) {
        base.add(d.getName().getIdString());
      }
      return base;
    }
    return null;
  }

  private void add(ColumnSources s) {
    result = result.merge(s);
  }

  private void reference(List<String> path) {
    if (ignoredNames.contains(path.getFirst().toLowerCase(Locale.ROOT))) {
      return;
    }
    String first = path.getFirst();
    if (queries.state().isVariable(first) && !scope.knowsColumn(first)
        && (path.size() == 1 || !scope.isRangeVariable(first))) {
      return;
    }
    if ((path.size() == 1 && scope.isWholeRow(first)) || scope.aliasNamesOwnColumn(first)) {
      // A whole row (the Analyzer makes a STRUCT of it, field by field), or an alias that is also a column name.
      queries.out().approximate = true;
    }
    Scope.Resolution r = scope.resolve(path, aliasesVisible);
    if (r.found()) {
      add(r.sources());
      return;
    }
    if (!r.ambiguous() && (queries.state().isVariable(path.getFirst()) || !hasRangeVariables(scope))) {
      return;
    }
    String bare = String.join(".", path);
    add(ColumnSources.identity(bare));
    queries.out().unresolved.add(bare);
  }

  private static boolean hasRangeVariables(Scope s) {
    for (Scope c = s; c != null; c = c.outer()) {
      if (!c.variables().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void visit(ASTPathExpression node) {
    reference(pathOf(node));
  }

  @Override
  public void visit(ASTDotIdentifier node) {
    List<String> path = pathOf(node);
    if (path != null) {
      reference(path);
    } else if (node.getExpr() instanceof ASTArrayElement element && pathOf(element.getArray()) != null) {
      List<String> elementField = pathOf(element.getArray());
      elementField.add(node.getName().getIdString());
      reference(elementField);
      descend(element.getPosition());
      result = result.atLeast(Derivation.TRANSFORMATION);
    } else {
      descend(node.getExpr());
      result = result.atLeast(Derivation.TRANSFORMATION);
    }
  }

  @Override
  public void visit(ASTArrayElement node) {
    if (node.getArray() instanceof ASTFunctionCall call && FIELD_KEEPING.contains(functionName(call))) {
      // ARRAY_AGG(STRUCT(a AS x, …) …)[OFFSET(0)]: the element keeps the STRUCT's fields (s.x reads a alone).
      add(resolve(queries, call, scope, aliasesVisible, ignoredNames));
    } else {
      descend(node.getArray());
    }
    descend(node.getPosition());
    result = result.atLeast(Derivation.TRANSFORMATION);
  }

  @Override
  public void visit(ASTFunctionCall node) {
    String name = functionName(node);
    if (!DATE_PARTS.contains(name) && !SUBSCRIPTS.contains(name)) {
      queries.out().calls.add(name);
    }
    if (AGGREGATES.contains(name)) {
      aggregated = true;
    }
    queries.out().sources.addAll(queries.state().functionSources(name));
    boolean dateFunction = isDateFunction(name);
    List<ASTExpression> args = node.getArguments();
    if (ELEMENT_LAMBDAS.contains(name) && args.size() >= 2 && args.get(1) instanceof ASTLambda lambda) {
      elementLambda(name, args.getFirst(), lambda);
      for (ASTExpression arg : args.subList(2, args.size())) {
        descend(arg);
      }
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      ASTExpression arg = args.get(i);
      if (dateFunction && i > 0 && arg instanceof ASTPathExpression p && p.getNames().size() == 1
          && DATE_PARTS.contains(p.getNames().getFirst().getIdString().toUpperCase(Locale.ROOT))) {
        continue;
      }
      if (arg instanceof ASTFunctionCall f && isDatePartCall(f)) {
        continue;
      }
      descend(arg);
    }
    descend(node.getOrderBy());
    descend(node.getHavingModifier());
  }

  @Override
  public void visit(ASTAnalyticFunctionCall node) {
    descend(node.getExpression());
    window(node.getWindowSpec());
  }

  private void window(com.google.zetasql.parser.ASTNodes.ASTWindowSpecification spec) {
    if (spec == null) {
      return;
    }
    descend(spec);
    if (spec.getBaseWindowName() != null) {
      var named = scope.window(spec.getBaseWindowName().getIdString());
      if (named != null && named != spec) {
        window(named);
      }
    }
  }

  @Override
  public void visit(ASTExtractExpression node) {
    if (!(node.getLhsExpr() instanceof ASTPathExpression p && p.getNames().size() == 1)) {
      descend(node.getLhsExpr());
    }
    descend(node.getRhsExpr());
    descend(node.getTimeZoneExpr());
  }

  @Override
  public void visit(ASTExpressionSubquery node) {
    if (node.getModifier() == com.google.zetasql.parser.ASTExpressionSubqueryEnums.Modifier.EXISTS) {
      java.util.Set<String> before = new java.util.LinkedHashSet<>(queries.out().filters);
      subquery(node.getQuery());
      java.util.Set<String> read = new java.util.LinkedHashSet<>(queries.out().filters);
      read.removeAll(before);
      add(new ColumnSources(read, Derivation.TRANSFORMATION));
      return;
    }
    subquery(node.getQuery());
  }

  @Override
  public void visit(ASTQuery node) {
    subquery(node);
  }

  private void subquery(ASTQuery query) {
    Relation r = queries.query(query, scope);
    for (OutputColumn c : r.knownColumns()) {
      add(c.sources());
    }
    result = result.atLeast(Derivation.TRANSFORMATION);
    List<OutputColumn> columns = r.knownColumns();
    if (query.getQueryExpr() instanceof ASTSelect select && select.getSelectAs() != null
        && select.getSelectAs().getAsMode() == ASTSelectAsEnums.AsMode.STRUCT && r.columns().isPresent()) {
      Map<String, ColumnSources> fields = new LinkedHashMap<>();
      columns.forEach(c -> fields.put(c.name(), c.sources()));
      subqueryFields.put(query, fields);
    } else if (columns.size() == 1 && !columns.getFirst().sources().fields().isEmpty()) {
      subqueryFields.put(query, columns.getFirst().sources().fields());
    }
  }

  /**
   * An array function with a lambda over the elements of {@code array}: the lambda's first parameter stands
   * for an element, so {@code e -> e.sku} reads {@code items.sku}. ARRAY_TRANSFORM's result is made of the
   * lambda's values only; the other functions return (or test) the elements themselves.
   */
  private void elementLambda(String function, ASTExpression array, ASTLambda lambda) {
    ColumnSources element = resolve(queries, array, scope, aliasesVisible, ignoredNames);
    Set<String> parameters = new LinkedHashSet<>();
    collectIdentifiers(lambda.getArgumentList(), parameters);
    Scope lambdaScope = new Scope(scope);
    Iterator<String> it = parameters.iterator();
    if (it.hasNext()) {
      lambdaScope.addQualifiedOnly(it.next(), new ValueRelation(element));
    }
    Set<String> ignored = new HashSet<>(ignoredNames);
    it.forEachRemaining(ignored::add);
    ExpressionResolver body = new ExpressionResolver(queries, lambdaScope, aliasesVisible, ignored);
    descendWith(body, lambda.getBody());
    if (!function.equals("ARRAY_TRANSFORM")) {
      add(new ColumnSources(element.columns(), element.derivation()));
    }
    add(body.result);
    aggregated |= body.aggregated;
  }

  @Override
  public void visit(ASTLambda node) {
    Set<String> names = new HashSet<>(ignoredNames);
    collectIdentifiers(node.getArgumentList(), names);
    ExpressionResolver body = new ExpressionResolver(queries, scope, aliasesVisible, names);
    descendWith(body, node.getBody());
    add(body.result);
    aggregated |= body.aggregated;
  }

  private static void descendWith(ExpressionResolver r, ASTExpression e) {
    if (e != null) {
      e.accept(r);
    }
  }

  private static void collectIdentifiers(ASTExpression e, Set<String> into) {
    if (e == null) {
      return;
    }
    e.accept(new ParseTreeVisitor() {
      @Override
      public void visit(ASTIdentifier node) {
        into.add(node.getIdString().toLowerCase(Locale.ROOT));
      }
    });
  }

  @Override
  public void visit(ASTSystemVariableExpr node) {
    // @@script.x and friends are not columns
  }

  @Override
  public void visit(ASTSimpleType node) {
    // type names are not columns
  }

  @Override
  public void visit(ASTArrayType node) {}

  @Override
  public void visit(ASTStructType node) {}

  @Override
  public void visit(ASTRangeType node) {}

  @Override
  public void visit(ASTMapType node) {}

  @Override
  public void visit(ASTFunctionType node) {}

  @Override
  public void visit(ASTTemplatedParameterType node) {}

  static String functionName(ASTFunctionCall call) {
    List<String> names = new ArrayList<>();
    for (ASTIdentifier id : call.getFunction().getNames()) {
      names.add(id.getIdString());
    }
    String name = String.join(".", names).toUpperCase(Locale.ROOT);
    return name.startsWith("SAFE.") ? name.substring(5) : name;
  }

  private static boolean isDateFunction(String name) {
    return name.startsWith("DATE") || name.startsWith("TIMESTAMP") || name.startsWith("TIME_")
        || name.startsWith("DATETIME") || name.equals("LAST_DAY") || name.equals("WEEK")
        || name.startsWith("GENERATE_");
  }

  private static boolean isDatePartCall(ASTFunctionCall f) {
    String n = functionName(f);
    return (n.equals("WEEK") || n.equals("ISOWEEK")) && f.getArguments().size() == 1
        && f.getArguments().getFirst() instanceof ASTPathExpression p
        && DATE_PARTS.contains(p.getNames().getFirst().getIdString().toUpperCase(Locale.ROOT));
  }

  private static Set<String> lowerCase(Set<String> names) {
    Set<String> out = new HashSet<>();
    for (String n : names) {
      out.add(n.toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
