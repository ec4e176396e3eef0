package corpus.lineage.zetasql;

import com.google.zetasql.parser.ASTNodes.ASTExpression;
import com.google.zetasql.parser.ASTNodes.ASTIdentifier;
import com.google.zetasql.parser.ASTNodes.ASTIntLiteral;
import com.google.zetasql.parser.ASTNodes.ASTPathExpression;
import com.google.zetasql.parser.ASTNodes.ASTPivotClause;
import com.google.zetasql.parser.ASTNodes.ASTPivotExpression;
import com.google.zetasql.parser.ASTNodes.ASTPivotValue;
import com.google.zetasql.parser.ASTNodes.ASTStringLiteral;
import com.google.zetasql.parser.ASTNodes.ASTUnpivotClause;
import com.google.zetasql.parser.ASTNodes.ASTUnpivotInItem;
import corpus.lineage.Derivation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Resolves PIVOT and UNPIVOT: which output columns they create and from which input columns. */
final class PivotResolver {
  private PivotResolver() {}

  /** The relation produced by {@code input PIVOT(...)}. */
  static Relation pivot(QueryResolver queries, ASTPivotClause pivot, Relation input, String alias) {
    Scope scope = new Scope(null);
    scope.add(alias, input);
    Set<String> consumed = new HashSet<>();
    ColumnSources forSources = queries.expression(pivot.getForExpression(), scope, false);
    consumed.addAll(names(pivot.getForExpression()));
    List<ASTPivotExpression> expressions = pivot.getPivotExpressions().getExpressions();
    List<ColumnSources> aggregates = new ArrayList<>();
    for (ASTPivotExpression e : expressions) {
      aggregates.add(queries.expression(e.getExpression(), scope, false)
          .merge(forSources).atLeast(Derivation.AGGREGATION));
      consumed.addAll(names(e.getExpression()));
    }
    List<OutputColumn> created = new ArrayList<>();
    for (ASTPivotValue value : pivot.getPivotValues().getValues()) {
      String label = value.getAlias() != null ? value.getAlias().getIdentifier().getIdString() : label(value.getValue());
      for (int i = 0; i < expressions.size(); i++) {
        ASTPivotExpression e = expressions.get(i);
        String name = e.getAlias() == null ? label : e.getAlias().getIdentifier().getIdString() + "_" + label;
        created.add(new OutputColumn(name, aggregates.get(i)));
      }
    }
    return remaining(input, consumed, created);
  }

  /** The relation produced by {@code input UNPIVOT(...)}. */
  static Relation unpivot(ASTUnpivotClause unpivot, Relation input) {
    Set<String> consumed = new HashSet<>();
    List<ASTPathExpression> valueColumns = unpivot.getUnpivotOutputValueColumns().getPathExpressionList();
    List<ColumnSources> values = new ArrayList<>();
    for (int i = 0; i < valueColumns.size(); i++) {
      values.add(ColumnSources.EMPTY);
    }
    for (ASTUnpivotInItem item : unpivot.getUnpivotInItems().getInItems()) {
      List<ASTPathExpression> cols = item.getUnpivotColumns().getPathExpressionList();
      for (int i = 0; i < cols.size() && i < values.size(); i++) {
        List<String> path = ExpressionResolver.pathOf(cols.get(i));
        consumed.add(path.getFirst().toLowerCase(Locale.ROOT));
        ColumnSources s = input.resolve(path);
        if (s != null) {
          values.set(i, values.get(i).merge(s));
        }
      }
    }
    List<OutputColumn> created = new ArrayList<>();
    for (int i = 0; i < valueColumns.size(); i++) {
      created.add(new OutputColumn(ExpressionResolver.pathOf(valueColumns.get(i)).getLast(), values.get(i)));
    }
    created.add(new OutputColumn(
        ExpressionResolver.pathOf(unpivot.getUnpivotOutputNameColumn()).getLast(), ColumnSources.EMPTY));
    return remaining(input, consumed, created);
  }

  private static Relation remaining(Relation input, Set<String> consumed, List<OutputColumn> created) {
    List<OutputColumn> known = new ArrayList<>();
    for (OutputColumn c : input.knownColumns()) {
      if (!consumed.contains(c.name().toLowerCase(Locale.ROOT))) {
        known.add(c);
      }
    }
    known.addAll(created);
    if (input.columns().isPresent()) {
      return new DerivedRelation(known, List.of());
    }
    return new DerivedRelation(known, List.of(new DerivedRelation.PassThrough(input, consumed)));
  }

  private static String label(ASTExpression value) {
    return switch (value) {
      case ASTStringLiteral s -> s.getStringValue();
      case ASTIntLiteral i -> i.getImage();
      default -> {
        List<String> path = ExpressionResolver.pathOf(value);
        yield path != null ? path.getLast() : value.toString().strip();
      }
    };
  }

  private static Set<String> names(ASTExpression e) {
    Set<String> names = new HashSet<>();
    if (e == null) {
      return names;
    }
    e.accept(new com.google.zetasql.parser.ParseTreeVisitor() {
      @Override
      public void visit(ASTPathExpression p) {
        List<ASTIdentifier> ids = p.getNames();
        names.add(ids.getFirst().getIdString().toLowerCase(Locale.ROOT));
      }

      @Override
      public void visit(com.google.zetasql.parser.ASTNodes.ASTFunctionCall f) {
        descend(f.getArguments());
      }
    });
    return names;
  }
}
