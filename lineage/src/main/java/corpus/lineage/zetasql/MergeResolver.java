package corpus.lineage.zetasql;

import com.google.zetasql.parser.ASTMergeActionEnums.ActionType;
import com.google.zetasql.parser.ASTMergeWhenClauseEnums.MatchType;
import com.google.zetasql.parser.ASTNodes.ASTExpression;
import com.google.zetasql.parser.ASTNodes.ASTIdentifier;
import com.google.zetasql.parser.ASTNodes.ASTMergeAction;
import com.google.zetasql.parser.ASTNodes.ASTMergeStatement;
import com.google.zetasql.parser.ASTNodes.ASTMergeWhenClause;
import com.google.zetasql.parser.ASTNodes.ASTUpdateItem;
import corpus.lineage.ColumnLineage;
import corpus.lineage.ColumnSchema;
import corpus.lineage.TableNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a MERGE: the target, the source tables of its USING clause, the columns each WHEN clause writes and
 * the columns of the ON and WHEN conditions (filters).
 */
final class MergeResolver {
  private final ScriptState state;
  private final QueryResolver queries;
  private final StatementCollector out;

  MergeResolver(ScriptState state, QueryResolver queries, StatementCollector out) {
    this.state = state;
    this.queries = queries;
    this.out = out;
  }

  StatementResolver.Result merge(ASTMergeStatement merge) {
    List<String> path = StatementResolver.names(merge.getTargetPath());
    String target = state.names().qualify(path);
    Optional<List<ColumnSchema>> targetSchema = state.context().schemas().columns(target);
    String alias = merge.getAlias() != null
        ? merge.getAlias().getIdentifier().getIdString()
        : TableNames.parts(path).getLast();
    Scope sourceOnly = new Scope(null);
    queries.fromItem(merge.getTableExpression(), sourceOnly);
    Scope both = new Scope(null);
    both.add(alias, new TableRelation(target, targetSchema));
    for (Scope.RangeVariable v : sourceOnly.variables()) {
      both.add(v.alias(), v.relation());
    }
    out.filter(queries.expression(merge.getMergeCondition(), both, false));
    List<ColumnLineage> columns = new ArrayList<>();
    for (ASTMergeWhenClause when : merge.getWhenClauses().getClauseList()) {
      boolean targetVisible = when.getMatchType() != MatchType.NOT_MATCHED_BY_TARGET;
      Scope scope = targetVisible ? both : sourceOnly;
      if (when.getSearchCondition() != null) {
        out.filter(queries.expression(when.getSearchCondition(), scope, false));
      }
      action(when.getAction(), scope, sourceOnly, target, targetSchema, alias, columns);
    }
    return new StatementResolver.Result("merge", List.of(target), columns);
  }

  private void action(ASTMergeAction action, Scope scope, Scope sourceOnly, String target,
      Optional<List<ColumnSchema>> targetSchema, String alias, List<ColumnLineage> columns) {
    if (action.getActionType() == ActionType.UPDATE && action.getUpdateItemList() != null) {
      for (ASTUpdateItem item : action.getUpdateItemList().getUpdateItems()) {
        if (item.getSetValue() == null) {
          continue;
        }
        List<String> column = ExpressionResolver.pathOf(item.getSetValue().getPath());
        if (column.size() > 1 && column.getFirst().equalsIgnoreCase(alias)) {
          column = column.subList(1, column.size());
        }
        columns.addAll(TargetColumns.lineages(target, String.join(".", column),
            queries.expression(item.getSetValue().getValue(), scope, false)));
      }
    } else if (action.getActionType() == ActionType.INSERT) {
      insert(action, scope, sourceOnly, target, targetSchema, columns);
    }
  }

  private void insert(ASTMergeAction action, Scope scope, Scope sourceOnly, String target,
      Optional<List<ColumnSchema>> targetSchema, List<ColumnLineage> columns) {
    List<String> names = new ArrayList<>();
    if (action.getInsertColumnList() != null) {
      for (ASTIdentifier id : action.getInsertColumnList().getIdentifiers()) {
        names.add(id.getIdString());
      }
    } else if (targetSchema.isPresent()) {
      targetSchema.get().forEach(c -> names.add(c.name()));
    }
    List<ASTExpression> values = action.getInsertRow() == null ? List.of() : action.getInsertRow().getValues();
    if (!values.isEmpty()) {
      for (int i = 0; i < values.size(); i++) {
        ColumnSources s = queries.expression(values.get(i), scope, false);
        if (i < names.size()) {
          columns.addAll(TargetColumns.lineages(target, names.get(i), s));
        }
      }
      if (names.isEmpty()) {
        out.unresolved.add(target + ".*");
      }
      return;
    }
    // INSERT ROW: every source column by name
    for (Scope.RangeVariable v : sourceOnly.variables()) {
      Relation r = v.relation();
      if (!names.isEmpty()) {
        for (String name : names) {
          ColumnSources s = r.hasColumn(name) || r.isOpen() ? r.resolve(List.of(name)) : null;
          if (s != null) {
            columns.addAll(TargetColumns.lineages(target, name, s));
          }
        }
      } else {
        for (OutputColumn c : r.knownColumns()) {
          columns.addAll(TargetColumns.lineages(target, c.name(), c.sources()));
        }
        out.unresolved.addAll(r.openStars());
      }
    }
  }
}
