package corpus.lineage.zetasql;

import com.google.zetasql.parser.ASTNode;
import com.google.zetasql.parser.ASTNodes.ASTAliasedQuery;
import com.google.zetasql.parser.ASTNodes.ASTDotStar;
import com.google.zetasql.parser.ASTNodes.ASTDotStarWithModifiers;
import com.google.zetasql.parser.ASTNodes.ASTExpression;
import com.google.zetasql.parser.ASTNodes.ASTExpressionWithOptAlias;
import com.google.zetasql.parser.ASTNodes.ASTIdentifier;
import com.google.zetasql.parser.ASTNodes.ASTJoin;
import com.google.zetasql.parser.ASTNodes.ASTParenthesizedJoin;
import com.google.zetasql.parser.ASTNodes.ASTPivotClause;
import com.google.zetasql.parser.ASTNodes.ASTPostfixTableOperator;
import com.google.zetasql.parser.ASTNodes.ASTQuery;
import com.google.zetasql.parser.ASTNodes.ASTQueryExpression;
import com.google.zetasql.parser.ASTNodes.ASTSelect;
import com.google.zetasql.parser.ASTNodes.ASTSelectColumn;
import com.google.zetasql.parser.ASTNodes.ASTSetOperation;
import com.google.zetasql.parser.ASTNodes.ASTStar;
import com.google.zetasql.parser.ASTNodes.ASTStarModifiers;
import com.google.zetasql.parser.ASTNodes.ASTStarReplaceItem;
import com.google.zetasql.parser.ASTNodes.ASTStarWithModifiers;
import com.google.zetasql.parser.ASTNodes.ASTTVF;
import com.google.zetasql.parser.ASTNodes.ASTTVFArgument;
import com.google.zetasql.parser.ASTNodes.ASTTableExpression;
import com.google.zetasql.parser.ASTNodes.ASTTablePathExpression;
import com.google.zetasql.parser.ASTNodes.ASTTableSubquery;
import com.google.zetasql.parser.ASTNodes.ASTUnpivotClause;
import com.google.zetasql.parser.ParseTreeVisitor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves queries (WITH, SELECT, set operations, FROM items) of one statement into relations, recording the
 * tables read, filter columns and unresolved names in the statement's collector.
 */
final class QueryResolver {
  private final ScriptState state;
  private final StatementCollector out;

  QueryResolver(ScriptState state, StatementCollector out) {
    this.state = state;
    this.out = out;
  }

  ScriptState state() {
    return state;
  }

  StatementCollector out() {
    return out;
  }

  /** Resolves a query; {@code outer} is the enclosing scope for correlated references (may be null). */
  Relation query(ASTQuery query, Scope outer) {
    Scope withScope = outer;
    if (query.getWithClause() != null) {
      withScope = new Scope(outer);
      boolean recursive = query.getWithClause().getRecursive();
      for (ASTAliasedQuery cte : query.getWithClause().getWith()) {
        String name = cte.getAlias().getIdString();
        if (recursive) {
          withScope.addCte(name, DerivedRelation.empty());
        }
        withScope.addCte(name, query(cte.getQuery(), withScope));
      }
    }
    if (!query.getPipeOperatorList().isEmpty()) {
      collectTables(query, withScope);
      return DerivedRelation.empty();
    }
    return queryExpression(query.getQueryExpr(), withScope);
  }

  private Relation queryExpression(ASTQueryExpression expression, Scope outer) {
    return switch (expression) {
      case ASTSelect select -> select(select, outer);
      case ASTQuery nested -> query(nested, outer);
      case ASTSetOperation set -> {
        List<Relation> inputs = new ArrayList<>();
        for (ASTQueryExpression input : set.getInputs()) {
          inputs.add(queryExpression(input, outer));
        }
        if (isExcept(set)) {
          for (Relation filter : inputs.subList(1, inputs.size())) {
            filter.knownColumns().forEach(c -> out.filter(c.sources()));
          }
          yield inputs.getFirst();
        }
        yield new UnionRelation(inputs);
      }
      default -> {
        collectTables(expression, outer);
        yield DerivedRelation.empty();
      }
    };
  }

  private static boolean isExcept(ASTSetOperation set) {
    return set.getMetadata() != null && !set.getMetadata().getSetOperationMetadataList().isEmpty()
        && set.getMetadata().getSetOperationMetadataList().getFirst().getOpType().getValue()
            == com.google.zetasql.parser.ASTSetOperationEnums.OperationType.EXCEPT;
  }

  private Relation select(ASTSelect select, Scope outer) {
    Scope scope = new Scope(outer);
    if (select.getFromClause() != null) {
      fromItem(select.getFromClause().getTableExpression(), scope);
    }
    if (select.getWindowClause() != null) {
      for (var window : select.getWindowClause().getWindows()) {
        scope.addWindow(window.getName().getIdString(), window.getWindowSpec());
      }
    }
    List<OutputColumn> columns = new ArrayList<>();
    List<DerivedRelation.PassThrough> passThroughs = new ArrayList<>();
    int position = 0;
    for (ASTSelectColumn column : select.getSelectList().getColumns()) {
      position++;
      ASTExpression e = column.getExpression();
      switch (e) {
        case ASTStar star -> {
          out.approximate |= scope.hasUsingKeys();
          expandStar(scope.variables(), null, columns, passThroughs, scope);
        }
        case ASTStarWithModifiers star -> {
          out.approximate |= scope.hasUsingKeys();
          expandStar(scope.variables(), star.getModifiers(), columns, passThroughs, scope);
        }
        case ASTDotStar dot -> expandDotStar(dot.getExpr(), null, columns, passThroughs, scope);
        case ASTDotStarWithModifiers dot ->
            expandDotStar(dot.getExpr(), dot.getModifiers(), columns, passThroughs, scope);
        default -> {
          ColumnSources sources = expression(e, scope, false);
          String name = column.getAlias() != null
              ? column.getAlias().getIdentifier().getIdString()
              : implicitName(e, position);
          columns.add(new OutputColumn(name, sources));
          scope.addSelectAlias(name, sources);
        }
      }
    }
    if (select.getWhereClause() != null) {
      out.filter(expression(select.getWhereClause().getExpression(), scope, false));
    }
    if (select.getHaving() != null) {
      out.filter(expression(select.getHaving().getExpression(), scope, true));
    }
    if (select.getQualify() != null) {
      out.filter(expression(select.getQualify().getExpression(), scope, true));
    }
    return new DerivedRelation(columns, passThroughs);
  }

  private static String implicitName(ASTExpression e, int position) {
    List<String> path = ExpressionResolver.pathOf(e);
    return path != null ? path.getLast() : "$col" + position;
  }

  private void expandStar(
      List<Scope.RangeVariable> variables,
      ASTStarModifiers modifiers,
      List<OutputColumn> columns,
      List<DerivedRelation.PassThrough> passThroughs,
      Scope scope) {
    Set<String> except = new HashSet<>();
    Map<String, OutputColumn> replaced = new LinkedHashMap<>();
    readModifiers(modifiers, except, replaced, scope);
    for (Scope.RangeVariable v : variables) {
      Relation r = v.relation();
      if (r instanceof ValueRelation) {
        if (v.alias() != null && !except.contains(v.alias().toLowerCase(Locale.ROOT))) {
          columns.add(replaced.getOrDefault(v.alias().toLowerCase(Locale.ROOT),
              new OutputColumn(v.alias(), r.resolve(List.of()))));
        } else if (v.alias() == null) {
          out.approximate = true; // BigQuery expands the element's fields, unknown here
        }
        continue;
      }
      for (OutputColumn c : r.knownColumns()) {
        String name = c.name().toLowerCase(Locale.ROOT);
        if (!except.contains(name)) {
          columns.add(replaced.getOrDefault(name, c));
        }
      }
      if (r.columns().isEmpty()) {
        out.approximate = true;
        Set<String> hidden = new HashSet<>(except);
        hidden.addAll(replaced.keySet());
        passThroughs.add(new DerivedRelation.PassThrough(r, hidden));
      }
    }
    addUnplaced(replaced, columns);
  }

  /** Reads {@code * EXCEPT (…) REPLACE (… AS name)}: names left out, and replacement columns by lower-case name. */
  private void readModifiers(ASTStarModifiers modifiers, Set<String> except, Map<String, OutputColumn> replaced,
      Scope scope) {
    if (modifiers == null) {
      return;
    }
    if (modifiers.getExceptList() != null) {
      for (ASTIdentifier id : modifiers.getExceptList().getIdentifiers()) {
        except.add(id.getIdString().toLowerCase(Locale.ROOT));
      }
    }
    for (ASTStarReplaceItem item : modifiers.getReplaceItems()) {
      String name = item.getAlias().getIdString();
      replaced.put(name.toLowerCase(Locale.ROOT),
          new OutputColumn(name, expression(item.getExpression(), scope, false)));
    }
  }

  /**
   * A REPLACE column takes the place of the column it replaces (BigQuery keeps the position); one whose column is
   * not among the known ones (a star over columns not known) is added at the end.
   */
  private static void addUnplaced(Map<String, OutputColumn> replaced, List<OutputColumn> columns) {
    for (OutputColumn c : replaced.values()) {
      if (columns.stream().noneMatch(placed -> placed == c)) {
        columns.add(c);
      }
    }
  }

  private void expandDotStar(
      ASTExpression expr,
      ASTStarModifiers modifiers,
      List<OutputColumn> columns,
      List<DerivedRelation.PassThrough> passThroughs,
      Scope scope) {
    List<String> path = ExpressionResolver.pathOf(expr);
    if (path != null && path.size() == 1) {
      for (Scope s = scope; s != null; s = s.outer()) {
        Scope.RangeVariable v = s.variable(path.getFirst());
        if (v != null && !(v.relation() instanceof ValueRelation)) {
          expandStar(List.of(v), modifiers, columns, passThroughs, scope);
          return;
        }
      }
    }
    ColumnSources struct = expression(expr, scope, false);
    Set<String> except = new HashSet<>();
    Map<String, OutputColumn> replaced = new LinkedHashMap<>();
    readModifiers(modifiers, except, replaced, scope);
    if (!struct.fields().isEmpty()) {
      struct.fields().forEach((name, f) -> {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!except.contains(lower)) {
          columns.add(replaced.getOrDefault(lower, new OutputColumn(name, f)));
        }
      });
    } else {
      // The struct's fields are unknown: report the star, and let names selected from the result later pass
      // through to fields of the struct (`s.* ` then `x` reads `s.x`).
      for (String c : struct.columns()) {
        out.unresolved.add(c + ".*");
      }
      Set<String> hidden = new HashSet<>(except);
      hidden.addAll(replaced.keySet());
      passThroughs.add(new DerivedRelation.PassThrough(new ValueRelation(struct), hidden));
    }
    addUnplaced(replaced, columns);
  }

  /** Adds the range variables of a FROM item to {@code scope}. */
  void fromItem(ASTTableExpression item, Scope scope) {
    switch (item) {
      case ASTJoin join -> join(join, scope);
      case ASTParenthesizedJoin p -> fromItem(p.getJoin(), scope);
      case ASTTablePathExpression path -> tablePath(path, scope);
      case ASTTableSubquery sub -> {
        Relation r = query(sub.getSubquery(), scope.outer());
        String alias = sub.getAlias() == null ? null : sub.getAlias().getIdentifier().getIdString();
        addWithPostfix(scope, alias, r, sub.getPostfixOperators());
      }
      case ASTTVF tvf -> tvf(tvf, scope);
      default -> collectTables(item, scope);
    }
  }

  private void join(ASTJoin join, Scope scope) {
    fromItem(join.getLhs(), scope);
    int leftCount = scope.variables().size();
    fromItem(join.getRhs(), scope);
    if (join.getOnClause() != null) {
      out.filter(expression(join.getOnClause().getExpression(), scope, false));
    }
    if (join.getUsingClause() != null) {
      for (ASTIdentifier key : join.getUsingClause().getKeys()) {
        String name = key.getIdString();
        ColumnSources left = null;
        for (int i = 0; i < scope.variables().size(); i++) {
          Relation r = scope.variables().get(i).relation();
          if (r instanceof ValueRelation || (!r.hasColumn(name) && !r.isOpen())) {
            continue;
          }
          ColumnSources s = r.resolve(List.of(name));
          if (s != null) {
            out.filter(s);
            if (i < leftCount && left == null) {
              left = s;
            }
          }
        }
        if (left != null) {
          scope.addUsingKey(name, left);
        }
      }
    }
  }

  private void tablePath(ASTTablePathExpression item, Scope scope) {
    String alias = item.getAlias() == null ? null : item.getAlias().getIdentifier().getIdString();
    if (item.getUnnestExpr() != null) {
      ColumnSources element = ColumnSources.EMPTY;
      for (ASTExpressionWithOptAlias e : item.getUnnestExpr().getExpressions()) {
        element = element.merge(expression(e.getExpression(), scope, false));
      }
      scope.add(alias, new ValueRelation(element));
      addOffset(item, scope);
      return;
    }
    List<String> path = new ArrayList<>();
    for (ASTIdentifier id : item.getPathExpr().getNames()) {
      path.add(id.getIdString());
    }
    String implicitAlias = alias != null ? alias : corpus.lineage.TableNames.parts(path).getLast();
    if (path.size() > 1 && scope.cte(path.getFirst()) == null && scope.isRangeVariable(path.getFirst())) {
      ColumnSources element = expression(item.getPathExpr(), scope, false);
      scope.add(alias != null ? alias : path.getLast(), new ValueRelation(element));
      addOffset(item, scope);
      return;
    }
    addWithPostfix(scope, implicitAlias, namedRelation(path, scope), item.getPostfixOperators());
  }

  /** The relation a table name stands for: a CTE, a temp table (its real sources recorded) or a table. */
  private Relation namedRelation(List<String> path, Scope scope) {
    if (path.size() == 1 && scope.cte(path.getFirst()) != null) {
      return scope.cte(path.getFirst());
    }
    ScriptState.TempTable temp = state.tempTable(path);
    if (temp != null) {
      out.sources.addAll(temp.sources());
      return temp.relation();
    }
    String tableId = state.names().qualify(path);
    out.sources.add(tableId);
    return new TableRelation(tableId, state.context().schemas().columns(tableId));
  }

  private static void addOffset(ASTTablePathExpression item, Scope scope) {
    if (item.getWithOffset() != null) {
      String offset = item.getWithOffset().getAlias() == null
          ? "offset"
          : item.getWithOffset().getAlias().getIdentifier().getIdString();
      scope.add(offset, new ValueRelation(ColumnSources.EMPTY));
    }
  }

  private void addWithPostfix(Scope scope, String alias, Relation relation, List<ASTPostfixTableOperator> ops) {
    Relation r = relation;
    String a = alias;
    for (ASTPostfixTableOperator op : ops) {
      if (op instanceof ASTPivotClause pivot) {
        r = PivotResolver.pivot(this, pivot, r, a);
        a = pivot.getOutputAlias() != null ? pivot.getOutputAlias().getIdentifier().getIdString() : a;
      } else if (op instanceof ASTUnpivotClause unpivot) {
        r = PivotResolver.unpivot(unpivot, r);
        a = unpivot.getOutputAlias() != null ? unpivot.getOutputAlias().getIdentifier().getIdString() : a;
      }
    }
    scope.add(a, r);
  }

  private void tvf(ASTTVF tvf, Scope scope) {
    List<String> name = new ArrayList<>();
    for (ASTIdentifier id : tvf.getName().getNames()) {
      name.add(id.getIdString());
    }
    String functionName = String.join(".", name);
    String alias = tvf.getAlias() == null ? null : tvf.getAlias().getIdentifier().getIdString();
    if (functionName.equalsIgnoreCase("EXTERNAL_QUERY")) {
      String connection = "?";
      if (!tvf.getArgumentEntries().isEmpty()
          && tvf.getArgumentEntries().getFirst().getExpr()
              instanceof com.google.zetasql.parser.ASTNodes.ASTStringLiteral s) {
        connection = s.getStringValue();
      }
      out.external.add("EXTERNAL_QUERY(" + connection + ")");
      scope.add(alias, new OpaqueRelation("EXTERNAL_QUERY(" + connection + ")"));
      return;
    }
    Relation input = null;
    for (ASTTVFArgument arg : tvf.getArgumentEntries()) {
      if (arg.getTableClause() != null && arg.getTableClause().getTablePath() != null) {
        List<String> path = new ArrayList<>();
        for (ASTIdentifier id : arg.getTableClause().getTablePath().getNames()) {
          path.add(id.getIdString());
        }
        input = namedRelation(path, scope);
      } else if (arg.getExpr() != null) {
        expression(arg.getExpr(), scope, false);
      } else {
        collectTables(arg, scope);
      }
    }
    scope.add(alias, input != null ? input : new OpaqueRelation(functionName + "(…)"));
  }

  ColumnSources expression(ASTExpression e, Scope scope, boolean aliasesVisible) {
    return ExpressionResolver.resolve(this, e, scope, aliasesVisible);
  }

  /** Fallback for constructs without column lineage: records every table the subtree reads. */
  void collectTables(ASTNode node, Scope scope) {
    node.accept(new ParseTreeVisitor() {
      @Override
      public void visit(ASTTablePathExpression t) {
        if (t.getPathExpr() == null) {
          super.visit(t);
          return;
        }
        List<String> path = new ArrayList<>();
        for (ASTIdentifier id : t.getPathExpr().getNames()) {
          path.add(id.getIdString());
        }
        if (path.size() == 1 && scope != null && scope.cte(path.getFirst()) != null) {
          return;
        }
        ScriptState.TempTable temp = state.tempTable(path);
        if (temp != null) {
          out.sources.addAll(temp.sources());
        } else if (scope == null || !scope.isRangeVariable(path.getFirst())) {
          out.sources.add(state.names().qualify(path));
        }
      }

      @Override
      public void visit(ASTAliasedQuery q) {
        if (scope != null) {
          scope.addCte(q.getAlias().getIdString(), DerivedRelation.empty());
        }
        super.visit(q);
      }
    });
  }
}
