package corpus.lineage.zetasql;

import com.google.zetasql.parser.ASTCreateStatementEnums;
import com.google.zetasql.parser.ASTNodes.ASTAlterAction;
import com.google.zetasql.parser.ASTNodes.ASTAlterTableStatement;
import com.google.zetasql.parser.ASTNodes.ASTAssertStatement;
import com.google.zetasql.parser.ASTNodes.ASTAssignmentFromStruct;
import com.google.zetasql.parser.ASTNodes.ASTAuxLoadDataStatement;
import com.google.zetasql.parser.ASTNodes.ASTColumnDefinition;
import com.google.zetasql.parser.ASTNodes.ASTCreateFunctionStatement;
import com.google.zetasql.parser.ASTNodes.ASTCreateMaterializedViewStatement;
import com.google.zetasql.parser.ASTNodes.ASTCreateTableFunctionStatement;
import com.google.zetasql.parser.ASTNodes.ASTCreateTableStatement;
import com.google.zetasql.parser.ASTNodes.ASTCreateViewStatementBase;
import com.google.zetasql.parser.ASTNodes.ASTDeleteStatement;
import com.google.zetasql.parser.ASTNodes.ASTDropStatement;
import com.google.zetasql.parser.ASTNodes.ASTExportDataStatement;
import com.google.zetasql.parser.ASTNodes.ASTFunctionParameter;
import com.google.zetasql.parser.ASTNodes.ASTGeneralizedPathExpression;
import com.google.zetasql.parser.ASTNodes.ASTIdentifier;
import com.google.zetasql.parser.ASTNodes.ASTInsertStatement;
import com.google.zetasql.parser.ASTNodes.ASTPathExpression;
import com.google.zetasql.parser.ASTNodes.ASTQueryStatement;
import com.google.zetasql.parser.ASTNodes.ASTRenameStatement;
import com.google.zetasql.parser.ASTNodes.ASTRenameToClause;
import com.google.zetasql.parser.ASTNodes.ASTSingleAssignment;
import com.google.zetasql.parser.ASTNodes.ASTStatement;
import com.google.zetasql.parser.ASTNodes.ASTTableElement;
import com.google.zetasql.parser.ASTNodes.ASTTruncateStatement;
import com.google.zetasql.parser.ASTNodes.ASTUpdateItem;
import com.google.zetasql.parser.ASTNodes.ASTUpdateStatement;
import com.google.zetasql.parser.ASTNodes.ASTVariableDeclaration;
import corpus.lineage.ColumnLineage;
import corpus.lineage.StatementLineage;
import corpus.lineage.TableNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Resolves one non-scripting statement (query, DML, DDL, DECLARE, SET) into its lineage. */
final class StatementResolver {
  private final ScriptState state;

  StatementResolver(ScriptState state) {
    this.state = state;
  }

  StatementLineage resolve(ASTStatement statement, int line) {
    return resolveMarked(statement, line).lineage();
  }

  /**
   * The parse-tree lineage of one statement, whether a rule only approximated BigQuery's resolution, and the
   * functions it calls (upper case).
   */
  record Marked(StatementLineage lineage, boolean approximate, Set<String> calls) {}

  /** As {@link #resolve}, telling also whether the result is only approximate (see {@link StatementCollector}). */
  Marked resolveMarked(ASTStatement statement, int line) {
    StatementCollector out = new StatementCollector();
    QueryResolver queries = new QueryResolver(state, out);
    Result r = switch (statement) {
      case ASTQueryStatement q -> select(q, queries, out);
      case ASTCreateTableStatement c -> createTable(c, queries, out);
      case ASTCreateMaterializedViewStatement v -> view(v, "create_materialized_view", queries, out);
      case ASTCreateViewStatementBase v -> view(v, "create_view", queries, out);
      case ASTInsertStatement i -> insert(i, queries, out);
      case ASTUpdateStatement u -> update(u, queries, out);
      case ASTDeleteStatement d -> delete(d, queries, out);
      case com.google.zetasql.parser.ASTNodes.ASTMergeStatement m -> new MergeResolver(state, queries, out).merge(m);
      case ASTTruncateStatement t -> new Result("truncate", targetsOf(t.getTargetPath()), List.of());
      case ASTDropStatement d -> drop(d);
      case com.google.zetasql.parser.ASTNodes.ASTDropMaterializedViewStatement d ->
          new Result("drop", targetsOf(d.getName()), List.of());
      case ASTAlterTableStatement a -> alterTable(a, out);
      case ASTRenameStatement r2 -> rename(r2.getOldName(), r2.getNewName(), out);
      case ASTCreateFunctionStatement f -> createFunction(f, queries);
      case ASTCreateTableFunctionStatement f -> {
        queries.query(f.getQuery(), null);
        yield new Result("create_table_function", List.of(), List.of());
      }
      case ASTVariableDeclaration d -> declare(d, queries);
      case ASTSingleAssignment s -> {
        queries.expression(s.getExpression(), new Scope(null), false);
        yield new Result("set", List.of(), List.of());
      }
      case ASTAssignmentFromStruct s -> {
        queries.expression(s.getStructExpression(), new Scope(null), false);
        yield new Result("set", List.of(), List.of());
      }
      case ASTExportDataStatement e -> {
        queries.query(e.getQuery(), null);
        yield new Result("export_data", List.of(), List.of());
      }
      case com.google.zetasql.parser.ASTNodes.ASTCreateExternalTableStatement x ->
          new Result("create_external_table", targetsOf(x.getName()), List.of());
      case ASTAuxLoadDataStatement l -> new Result("load_data", targetsOf(l.getName()), List.of());
      case ASTAssertStatement a -> {
        queries.expression(a.getExpr(), new Scope(null), false);
        yield new Result("assert", List.of(), List.of());
      }
      default -> {
        queries.collectTables(statement, null);
        yield new Result(kindOf(statement), List.of(), List.of());
      }
    };
    return new Marked(new StatementLineage(r.kind(), line, r.targets(), new ArrayList<>(out.sources),
        new ArrayList<>(out.external), r.columns(), new ArrayList<>(out.filters), new ArrayList<>(out.unresolved),
        r.error()), out.approximate, Set.copyOf(out.calls));
  }

  /** The lineage of a scripting construct that only reads: an IF/WHILE condition, a FOR … IN query. */
  StatementLineage reads(String kind, com.google.zetasql.parser.ASTNode node, int line) {
    StatementCollector out = new StatementCollector();
    QueryResolver queries = new QueryResolver(state, out);
    switch (node) {
      case com.google.zetasql.parser.ASTNodes.ASTQuery q -> queries.query(q, null);
      case com.google.zetasql.parser.ASTNodes.ASTExpression e -> queries.expression(e, new Scope(null), false);
      default -> queries.collectTables(node, null);
    }
    return new StatementLineage(kind, line, List.of(), new ArrayList<>(out.sources), new ArrayList<>(out.external),
        List.of(), new ArrayList<>(out.filters), new ArrayList<>(out.unresolved), null);
  }

  /** The kind, targets, column lineage and optional error of a statement. */
  record Result(String kind, List<String> targets, List<ColumnLineage> columns, String error) {
    Result(String kind, List<String> targets, List<ColumnLineage> columns) {
      this(kind, targets, columns, null);
    }
  }

  private Result select(ASTQueryStatement q, QueryResolver queries, StatementCollector out) {
    Relation r = queries.query(q.getQuery(), null);
    return new Result("select", List.of(), TargetColumns.map(null, r, null, Optional.empty(), out));
  }

  private Result createTable(ASTCreateTableStatement c, QueryResolver queries, StatementCollector out) {
    List<String> path = names(c.getName());
    boolean temp = c.getScope() == ASTCreateStatementEnums.Scope.TEMPORARY
        || (path.size() == 2 && path.getFirst().equalsIgnoreCase("_SESSION"));
    Relation query = null;
    if (c.getQuery() != null) {
      query = queries.query(c.getQuery(), null);
    }
    for (ASTPathExpression source : new ASTPathExpression[] {c.getLikeTableName(),
        c.getCloneDataSource() == null ? null : c.getCloneDataSource().getPathExpr(),
        c.getCopyDataSource() == null ? null : c.getCopyDataSource().getPathExpr()}) {
      if (source != null) {
        ScriptState.TempTable t = state.tempTable(names(source));
        if (t != null) {
          out.sources.addAll(t.sources());
        } else {
          out.sources.add(state.names().qualify(names(source)));
        }
      }
    }
    if (temp) {
      Relation relation = query != null ? query : declaredColumns(c);
      state.putTempTable(path, new ScriptState.TempTable(relation, new HashSet<>(out.sources)));
      return new Result(query != null ? "create_temp_table_as" : "create_temp_table", List.of(), List.of());
    }
    String target = state.names().qualify(path);
    if (query == null) {
      return new Result("create_table", List.of(target), List.of());
    }
    return new Result("create_table_as", List.of(target), TargetColumns.map(target, query, null, Optional.empty(), out));
  }

  private static Relation declaredColumns(ASTCreateTableStatement c) {
    List<OutputColumn> columns = new ArrayList<>();
    if (c.getTableElementList() != null) {
      for (ASTTableElement e : c.getTableElementList().getElements()) {
        if (e instanceof ASTColumnDefinition d) {
          columns.add(new OutputColumn(d.getName().getIdString(), ColumnSources.EMPTY));
        }
      }
    }
    return new DerivedRelation(columns, List.of());
  }

  private Result view(ASTCreateViewStatementBase v, String kind, QueryResolver queries, StatementCollector out) {
    String target = state.names().qualify(names(v.getName()));
    Relation query = queries.query(v.getQuery(), null);
    return new Result(kind, List.of(target), TargetColumns.map(target, query, null, Optional.empty(), out));
  }

  private Result insert(ASTInsertStatement i, QueryResolver queries, StatementCollector out) {
    List<String> path = names(i.getTargetPath());
    List<String> columnList = null;
    if (i.getColumnList() != null) {
      columnList = new ArrayList<>();
      for (ASTIdentifier id : i.getColumnList().getIdentifiers()) {
        columnList.add(id.getIdString());
      }
    }
    Relation rows = i.getQuery() != null ? queries.query(i.getQuery(), null) : valuesRelation(i, queries, columnList);
    ScriptState.TempTable temp = state.tempTable(path);
    if (temp != null) {
      Set<String> sources = new HashSet<>(temp.sources());
      sources.addAll(out.sources);
      state.putTempTable(path, new ScriptState.TempTable(mergeInto(temp.relation(), rows, columnList), sources));
      return new Result("insert", List.of(), List.of());
    }
    String target = state.names().qualify(path);
    Optional<List<corpus.lineage.ColumnSchema>> schema =
        columnList == null ? state.context().schemas().columns(target) : Optional.empty();
    return new Result("insert", List.of(target), TargetColumns.map(target, rows, columnList, schema, out));
  }

  private static Relation valuesRelation(ASTInsertStatement i, QueryResolver queries, List<String> columnList) {
    List<OutputColumn> columns = new ArrayList<>();
    if (i.getRows() != null) {
      for (var row : i.getRows().getRows()) {
        for (int c = 0; c < row.getValues().size(); c++) {
          ColumnSources s = queries.expression(row.getValues().get(c), new Scope(null), false);
          String name = columnList != null && c < columnList.size() ? columnList.get(c) : "$col" + (c + 1);
          if (c < columns.size()) {
            columns.set(c, new OutputColumn(name, columns.get(c).sources().merge(s)));
          } else {
            columns.add(new OutputColumn(name, s));
          }
        }
      }
    }
    return new DerivedRelation(columns, List.of());
  }

  /** A temp table after an INSERT: each column also fed by the inserted rows. */
  private static Relation mergeInto(Relation table, Relation rows, List<String> columnList) {
    List<OutputColumn> existing = table.knownColumns();
    List<OutputColumn> inserted = rows.knownColumns();
    List<OutputColumn> merged = new ArrayList<>();
    for (int c = 0; c < existing.size(); c++) {
      OutputColumn col = existing.get(c);
      ColumnSources extra = null;
      if (columnList != null) {
        int at = indexOf(columnList, col.name());
        extra = at >= 0 && at < inserted.size() ? inserted.get(at).sources() : null;
      } else if (c < inserted.size()) {
        extra = inserted.get(c).sources();
      }
      merged.add(extra == null ? col : new OutputColumn(col.name(), col.sources().merge(extra)));
    }
    if (existing.isEmpty()) {
      return rows;
    }
    return new DerivedRelation(merged, table instanceof DerivedRelation d ? d.passThroughs() : List.of());
  }

  private static int indexOf(List<String> names, String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private Result update(ASTUpdateStatement u, QueryResolver queries, StatementCollector out) {
    List<String> path = names(u.getTargetPath());
    String target = state.names().qualify(path);
    Scope scope = new Scope(null);
    String alias = u.getAlias() != null ? u.getAlias().getIdentifier().getIdString() : TableNames.parts(path).getLast();
    scope.add(alias, new TableRelation(target, state.context().schemas().columns(target)));
    if (u.getFromClause() != null) {
      queries.fromItem(u.getFromClause().getTableExpression(), scope);
    }
    List<ColumnLineage> columns = new ArrayList<>();
    for (ASTUpdateItem item : u.getUpdateItemList().getUpdateItems()) {
      if (item.getSetValue() == null) {
        continue;
      }
      List<String> column = ExpressionResolver.pathOf(item.getSetValue().getPath());
      if (column == null) {
        continue;
      }
      if (column.size() > 1 && column.getFirst().equalsIgnoreCase(alias)) {
        column = column.subList(1, column.size());
      }
      ColumnSources s = queries.expression(item.getSetValue().getValue(), scope, false);
      columns.addAll(TargetColumns.lineages(target, String.join(".", column), s));
    }
    if (u.getWhere() != null) {
      out.filter(queries.expression(u.getWhere(), scope, false));
    }
    return new Result("update", List.of(target), columns);
  }

  private Result delete(ASTDeleteStatement d, QueryResolver queries, StatementCollector out) {
    List<String> path = names(d.getTargetPath());
    String target = state.names().qualify(path);
    Scope scope = new Scope(null);
    String alias = d.getAlias() != null ? d.getAlias().getIdentifier().getIdString() : TableNames.parts(path).getLast();
    scope.add(alias, new TableRelation(target, state.context().schemas().columns(target)));
    if (d.getWhere() != null) {
      out.filter(queries.expression(d.getWhere(), scope, false));
    }
    if (state.tempTable(path) != null) {
      return new Result("delete", List.of(), List.of());
    }
    return new Result("delete", List.of(target), List.of());
  }

  private Result drop(ASTDropStatement d) {
    List<String> path = names(d.getName());
    String objectKind = d.getSchemaObjectKind().name();
    if (state.tempTable(path) != null) {
      state.dropTempTable(path);
      return new Result("drop", List.of(), List.of());
    }
    String lower = objectKind.toLowerCase(Locale.ROOT);
    boolean table = lower.contains("table") && !lower.contains("function") || lower.contains("view");
    return new Result("drop", table ? List.of(state.names().qualify(path)) : List.of(), List.of());
  }

  private Result alterTable(ASTAlterTableStatement a, StatementCollector out) {
    if (a.getActionList() != null) {
      for (ASTAlterAction action : a.getActionList().getActions()) {
        if (action instanceof ASTRenameToClause rename) {
          return rename(a.getPath(), rename.getNewName(), out);
        }
      }
    }
    return new Result("alter_table", List.of(state.names().qualify(names(a.getPath()))), List.of());
  }

  private Result rename(ASTPathExpression from, ASTPathExpression to, StatementCollector out) {
    String oldId = state.names().qualify(names(from));
    List<String> newParts = TableNames.parts(names(to));
    String newId;
    if (newParts.size() == 1 && oldId.contains(".")) {
      newId = oldId.substring(0, oldId.lastIndexOf('.') + 1) + newParts.getFirst();
    } else {
      newId = state.names().qualify(newParts);
    }
    out.sources.add(oldId);
    return new Result("rename", List.of(newId), List.of());
  }

  private Result createFunction(ASTCreateFunctionStatement f, QueryResolver queries) {
    boolean temp = f.getScope() == ASTCreateStatementEnums.Scope.TEMPORARY;
    Set<String> parameters = new HashSet<>();
    if (f.getFunctionDeclaration().getParameters() != null) {
      for (ASTFunctionParameter p : f.getFunctionDeclaration().getParameters().getParameterEntries()) {
        if (p.getName() != null) {
          parameters.add(p.getName().getIdString());
        }
      }
    }
    Set<String> before = new HashSet<>(queries.out().sources);
    if (f.getSqlFunctionBody() != null && f.getSqlFunctionBody().getExpression() != null) {
      ExpressionResolver.resolve(queries, f.getSqlFunctionBody().getExpression(),
          new Scope(null), false, parameters);
    }
    Set<String> read = new HashSet<>(queries.out().sources);
    read.removeAll(before);
    state.putFunction(names(f.getFunctionDeclaration().getName()), read);
    return new Result(temp ? "create_temp_function" : "create_function", List.of(), List.of());
  }

  private Result declare(ASTVariableDeclaration d, QueryResolver queries) {
    for (ASTIdentifier id : d.getVariableList().getIdentifierList()) {
      state.declareVariable(id.getIdString());
    }
    queries.expression(d.getDefaultValue(), new Scope(null), false);
    return new Result("declare", List.of(), List.of());
  }

  private List<String> targetsOf(ASTPathExpression path) {
    List<String> names = names(path);
    return state.tempTable(names) != null ? List.of() : List.of(state.names().qualify(names));
  }

  static List<String> names(ASTGeneralizedPathExpression path) {
    List<String> names = ExpressionResolver.pathOf(path);
    return names == null ? List.of() : names;
  }

  /** The statement kind derived from the node's class: {@code ASTCreateSchemaStatement} → {@code create_schema}. */
  static String kindOf(ASTStatement statement) {
    String name = statement.getClass().getSimpleName().replaceFirst("^AST", "").replaceFirst("(Statement|Stmt)$", "");
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
