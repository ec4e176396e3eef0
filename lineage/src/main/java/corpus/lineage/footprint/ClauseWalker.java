package corpus.lineage.footprint;

import com.google.zetasql.parser.ASTBinaryExpressionEnums;
import com.google.zetasql.parser.ASTNode;
import com.google.zetasql.parser.ASTNodes.ASTAliasedQuery;
import com.google.zetasql.parser.ASTNodes.ASTAndExpr;
import com.google.zetasql.parser.ASTNodes.ASTBetweenExpression;
import com.google.zetasql.parser.ASTNodes.ASTBinaryExpression;
import com.google.zetasql.parser.ASTNodes.ASTDotIdentifier;
import com.google.zetasql.parser.ASTNodes.ASTDotStar;
import com.google.zetasql.parser.ASTNodes.ASTDotStarWithModifiers;
import com.google.zetasql.parser.ASTNodes.ASTExpression;
import com.google.zetasql.parser.ASTNodes.ASTFunctionCall;
import com.google.zetasql.parser.ASTNodes.ASTGroupingItem;
import com.google.zetasql.parser.ASTNodes.ASTIdentifier;
import com.google.zetasql.parser.ASTNodes.ASTInExpression;
import com.google.zetasql.parser.ASTNodes.ASTIntLiteral;
import com.google.zetasql.parser.ASTNodes.ASTJoin;
import com.google.zetasql.parser.ASTNodes.ASTOrderingExpression;
import com.google.zetasql.parser.ASTNodes.ASTParenthesizedJoin;
import com.google.zetasql.parser.ASTNodes.ASTPathExpression;
import com.google.zetasql.parser.ASTNodes.ASTQuery;
import com.google.zetasql.parser.ASTNodes.ASTQueryExpression;
import com.google.zetasql.parser.ASTNodes.ASTQueryStatement;
import com.google.zetasql.parser.ASTNodes.ASTSelect;
import com.google.zetasql.parser.ASTNodes.ASTSelectColumn;
import com.google.zetasql.parser.ASTNodes.ASTSetOperation;
import com.google.zetasql.parser.ASTNodes.ASTStar;
import com.google.zetasql.parser.ASTNodes.ASTStarWithModifiers;
import com.google.zetasql.parser.ASTNodes.ASTTableExpression;
import com.google.zetasql.parser.ASTNodes.ASTTablePathExpression;
import com.google.zetasql.parser.ParseTreeVisitor;
import corpus.lineage.ColumnSchema;
import corpus.lineage.SchemaProvider;
import corpus.lineage.TableNames;
import corpus.lineage.footprint.ColumnPredicate.Op;
import corpus.lineage.footprint.ColumnPredicate.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a parsed script for what column lineage does not give a cost estimate: table references with their
 * positions, constant WHERE conditions (partition pruning), columns used only in GROUP BY and ORDER BY, the
 * {@code SELECT *}s and the outermost LIMIT.
 */
final class ClauseWalker extends ParseTreeVisitor {
  private final TableNames names;
  private final SchemaProvider schemas;
  private final ConstantFolder constants;
  private final TextOffsets offsets;
  private final Set<String> cteNames = new HashSet<>();
  private final Set<ASTNode> outermostSelects = new HashSet<>();

  final Map<String, List<TextSpan>> tableSpans = new LinkedHashMap<>();
  final Map<String, Set<String>> extraColumns = new LinkedHashMap<>();
  final List<ColumnPredicate> predicates = new ArrayList<>();
  final List<QueryFootprint.StarSelect> stars = new ArrayList<>();
  final List<QueryFootprint.FilterSite> filterSites = new ArrayList<>();
  Long limit;

  ClauseWalker(TableNames names, SchemaProvider schemas, ConstantFolder constants, TextOffsets offsets) {
    this.names = names;
    this.schemas = schemas;
    this.constants = constants;
    this.offsets = offsets;
  }

  /** Collects CTE names first so that they are never taken for tables. */
  void prepare(ASTNode root) {
    root.accept(new ParseTreeVisitor() {
      @Override
      public void visit(ASTAliasedQuery q) {
        cteNames.add(q.getAlias().getIdString().toLowerCase(Locale.ROOT));
        super.visit(q);
      }
    });
  }

  @Override
  public void visit(ASTQueryStatement statement) {
    ASTQuery top = statement.getQuery();
    markOutermost(top.getQueryExpr());
    if (top.getLimitOffset() != null && top.getLimitOffset().getLimit() instanceof ASTIntLiteral l) {
      try {
        limit = Long.decode(l.getImage());
      } catch (NumberFormatException e) {
        limit = null;
      }
    }
    super.visit(statement);
  }

  private void markOutermost(ASTQueryExpression e) {
    switch (e) {
      case ASTSelect s -> outermostSelects.add(s);
      case ASTSetOperation set -> set.getInputs().forEach(this::markOutermost);
      case ASTQuery q -> markOutermost(q.getQueryExpr());
      default -> { }
    }
  }

  @Override
  public void visit(ASTQuery query) {
    if (query.getOrderBy() != null && query.getQueryExpr() instanceof ASTSelect select) {
      Map<String, String> aliases = aliases(select);
      for (ASTOrderingExpression o : query.getOrderBy().getOrderingExpressions()) {
        extras(o.getExpression(), aliases);
      }
    }
    super.visit(query);
  }

  @Override
  public void visit(ASTSelect select) {
    Map<String, String> aliases = aliases(select);
    if (select.getFromClause() != null) {
      TextSpan where = select.getWhereClause() == null ? null : span(select.getWhereClause().getExpression());
      int fromEnd = span(select.getFromClause()).end();
      aliases.forEach((alias, table) -> filterSites.add(new QueryFootprint.FilterSite(table, alias, where, fromEnd)));
    }
    if (select.getWhereClause() != null) {
      for (ASTExpression conjunct : conjuncts(select.getWhereClause().getExpression())) {
        predicate(conjunct, aliases);
      }
    }
    if (select.getGroupBy() != null) {
      for (ASTGroupingItem item : select.getGroupBy().getGroupingItems()) {
        if (item.getExpression() != null) {
          extras(item.getExpression(), aliases);
        }
      }
    }
    for (ASTSelectColumn column : select.getSelectList().getColumns()) {
      star(column.getExpression(), select, aliases);
    }
    super.visit(select);
  }

  @Override
  public void visit(ASTTablePathExpression t) {
    if (t.getPathExpr() != null && !isCteOrCorrelated(t, List.of())) {
      String id = tableId(t.getPathExpr());
      tableSpans.computeIfAbsent(id.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(span(t.getPathExpr()));
    }
    super.visit(t);
  }

  private void star(ASTExpression e, ASTSelect select, Map<String, String> aliases) {
    List<String> tables = new ArrayList<>();
    if (e instanceof ASTStar || e instanceof ASTStarWithModifiers) {
      tables.addAll(new LinkedHashSet<>(aliases.values()));
    } else if (e instanceof ASTDotStar || e instanceof ASTDotStarWithModifiers) {
      ASTExpression inner = e instanceof ASTDotStar d ? d.getExpr() : ((ASTDotStarWithModifiers) e).getExpr();
      if (inner instanceof ASTPathExpression p && p.getNames().size() == 1) {
        String table = aliases.get(p.getNames().getFirst().getIdString().toLowerCase(Locale.ROOT));
        if (table != null) {
          tables.add(table);
        }
      }
    }
    if (!tables.isEmpty()) {
      stars.add(new QueryFootprint.StarSelect(span(e), tables, outermostSelects.contains(select)));
    }
  }

  /** The real tables of a SELECT's FROM clause under their aliases (lower case). */
  private Map<String, String> aliases(ASTSelect select) {
    Map<String, String> out = new LinkedHashMap<>();
    if (select.getFromClause() != null) {
      fromItem(select.getFromClause().getTableExpression(), out);
    }
    return out;
  }

  private void fromItem(ASTTableExpression item, Map<String, String> out) {
    switch (item) {
      case ASTJoin join -> {
        fromItem(join.getLhs(), out);
        fromItem(join.getRhs(), out);
      }
      case ASTParenthesizedJoin p -> fromItem(p.getJoin(), out);
      case ASTTablePathExpression t when t.getPathExpr() != null -> {
        if (isCteOrCorrelated(t, new ArrayList<>(out.keySet()))) {
          return;
        }
        List<String> parts = TableNames.parts(identifiers(t.getPathExpr()));
        String alias = t.getAlias() != null ? t.getAlias().getIdentifier().getIdString() : parts.getLast();
        out.put(alias.toLowerCase(Locale.ROOT), tableId(t.getPathExpr()));
      }
      default -> { }
    }
  }

  private boolean isCteOrCorrelated(ASTTablePathExpression t, List<String> aliasesSoFar) {
    List<String> ids = identifiers(t.getPathExpr());
    if (ids.size() == 1 && cteNames.contains(ids.getFirst().toLowerCase(Locale.ROOT))) {
      return true;
    }
    return ids.size() > 1 && aliasesSoFar.contains(ids.getFirst().toLowerCase(Locale.ROOT));
  }

  private void predicate(ASTExpression e, Map<String, String> aliases) {
    switch (e) {
      case ASTBinaryExpression b when !b.getIsNot() && comparison(b.getOp()) != null -> {
        Op op = comparison(b.getOp());
        Optional<Value> right = constants.fold(b.getRhs());
        Optional<Value> left = constants.fold(b.getLhs());
        if (right.isPresent()) {
          add(b.getLhs(), op, List.of(right.get()), aliases);
        } else if (left.isPresent()) {
          add(b.getRhs(), op.flipped(), List.of(left.get()), aliases);
        }
      }
      case ASTBetweenExpression b when !b.getIsNot() -> {
        Optional<Value> low = constants.fold(b.getLow());
        Optional<Value> high = constants.fold(b.getHigh());
        low.ifPresent(v -> add(b.getLhs(), Op.GE, List.of(v), aliases));
        high.ifPresent(v -> add(b.getLhs(), Op.LE, List.of(v), aliases));
      }
      case ASTInExpression in when !in.getIsNot() && in.getInList() != null -> {
        List<Value> values = new ArrayList<>();
        for (ASTExpression item : in.getInList().getList()) {
          Optional<Value> v = constants.fold(item);
          if (v.isEmpty()) {
            return;
          }
          values.add(v.get());
        }
        add(in.getLhs(), Op.IN, values, aliases);
      }
      default -> { }
    }
  }

  private void add(ASTExpression columnSide, Op op, List<Value> values, Map<String, String> aliases) {
    ASTExpression c = columnSide;
    if (c instanceof ASTFunctionCall f && f.getArguments().size() == 1
        && ConstantFolder.name(f.getFunction()).equals("DATE")) {
      c = f.getArguments().getFirst();
    }
    List<String> path = path(c);
    if (path == null) {
      return;
    }
    for (Map.Entry<String, String> hit : resolve(path, aliases)) {
      if (!hit.getValue().contains(".")) {
        predicates.add(new ColumnPredicate(hit.getKey(), hit.getValue(), op, values));
      }
    }
  }

  private void extras(ASTExpression e, Map<String, String> aliases) {
    if (e == null || aliases.isEmpty()) {
      return;
    }
    e.accept(new ParseTreeVisitor() {
      @Override
      public void visit(ASTPathExpression p) {
        for (Map.Entry<String, String> hit : resolve(identifiers(p), aliases)) {
          extraColumns.computeIfAbsent(hit.getKey(), k -> new LinkedHashSet<>()).add(hit.getValue());
        }
      }

      @Override
      public void visit(ASTQuery q) {
        // subqueries have their own scope
      }
    });
  }

  /** (table, column path) pairs a column path may refer to in a SELECT with these tables. */
  private List<Map.Entry<String, String>> resolve(List<String> path, Map<String, String> aliases) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    String first = path.getFirst().toLowerCase(Locale.ROOT);
    if (path.size() >= 2 && aliases.containsKey(first)) {
      String table = aliases.get(first);
      canonical(table, path.subList(1, path.size())).ifPresent(c -> out.add(Map.entry(table, c)));
      return out;
    }
    for (String table : new LinkedHashSet<>(aliases.values())) {
      canonical(table, path).ifPresent(c -> out.add(Map.entry(table, c)));
    }
    return out;
  }

  /** The path with the schema's spelling, when the table has it (any path when its schema is unknown). */
  private Optional<String> canonical(String table, List<String> path) {
    Optional<List<ColumnSchema>> schema = schemas.columns(table);
    if (schema.isEmpty()) {
      return Optional.of(String.join(".", path));
    }
    List<ColumnSchema> level = schema.get();
    List<String> spelled = new ArrayList<>();
    for (String part : path) {
      ColumnSchema match = null;
      for (ColumnSchema c : level) {
        if (c.name().equalsIgnoreCase(part)) {
          match = c;
        }
      }
      if (match == null) {
        if (spelled.isEmpty() && (part.equalsIgnoreCase("_PARTITIONTIME") || part.equalsIgnoreCase("_PARTITIONDATE"))) {
          return Optional.of(part.toUpperCase(Locale.ROOT));
        }
        return spelled.isEmpty() ? Optional.empty() : Optional.of(String.join(".", spelled));
      }
      spelled.add(match.name());
      level = match.fields();
    }
    return Optional.of(String.join(".", spelled));
  }

  private static Op comparison(ASTBinaryExpressionEnums.Op op) {
    return switch (op) {
      case EQ -> Op.EQ;
      case LT -> Op.LT;
      case LE -> Op.LE;
      case GT -> Op.GT;
      case GE -> Op.GE;
      default -> null;
    };
  }

  private static List<ASTExpression> conjuncts(ASTExpression e) {
    List<ASTExpression> out = new ArrayList<>();
    if (e instanceof ASTAndExpr and) {
      for (ASTExpression c : and.getConjuncts()) {
        out.addAll(conjuncts(c));
      }
    } else {
      out.add(e);
    }
    return out;
  }

  private static List<String> path(ASTExpression e) {
    if (e instanceof ASTPathExpression p) {
      return identifiers(p);
    }
    if (e instanceof ASTDotIdentifier d) {
      List<String> base = path(d.getExpr());
      if (base != null) {
        base = new ArrayList<>(base);
        base.add(d.getName().getIdString());
      }
      return base;
    }
    return null;
  }

  static List<String> identifiers(ASTPathExpression p) {
    List<String> ids = new ArrayList<>();
    for (ASTIdentifier id : p.getNames()) {
      ids.add(id.getIdString());
    }
    return ids;
  }

  private String tableId(ASTPathExpression p) {
    return names.qualify(identifiers(p));
  }

  private TextSpan span(ASTNode node) {
    return offsets.span(node.getParseLocationRange().start(), node.getParseLocationRange().end());
  }
}
