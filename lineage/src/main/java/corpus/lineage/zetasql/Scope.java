package corpus.lineage.zetasql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names visible at one point of a query: the range variables of its FROM clause, the select-list aliases
 * (for GROUP BY, HAVING, QUALIFY, ORDER BY) and the enclosing query's scope for correlated references.
 */
final class Scope {
  /** A FROM item under its alias; a {@code qualifiedOnly} variable is reached only through its alias. */
  record RangeVariable(String alias, Relation relation, boolean qualifiedOnly) {}

  /** The outcome of resolving a path: sources, or ambiguity, or nothing found. */
  record Resolution(ColumnSources sources, boolean ambiguous) {
    static final Resolution NOT_FOUND = new Resolution(null, false);
    static final Resolution AMBIGUOUS = new Resolution(null, true);

    boolean found() {
      return sources != null;
    }
  }

  private final Scope outer;
  private final List<RangeVariable> variables = new ArrayList<>();
  private final Map<String, ColumnSources> selectAliases = new HashMap<>();
  private final Map<String, Relation> ctes = new HashMap<>();
  private final Map<String, ColumnSources> usingKeys = new HashMap<>();
  private final Map<String, com.google.zetasql.parser.ASTNodes.ASTWindowSpecification> windows = new HashMap<>();

  Scope(Scope outer) {
    this.outer = outer;
  }

  Scope outer() {
    return outer;
  }

  void add(String alias, Relation relation) {
    variables.add(new RangeVariable(alias, relation, false));
  }

  void addQualifiedOnly(String alias, Relation relation) {
    variables.add(new RangeVariable(alias, relation, true));
  }

  List<RangeVariable> variables() {
    return variables;
  }

  void addCte(String name, Relation relation) {
    ctes.put(name.toLowerCase(Locale.ROOT), relation);
  }

  /** The CTE called {@code name} visible here (WITH clauses of this or enclosing queries), or null. */
  Relation cte(String name) {
    for (Scope s = this; s != null; s = s.outer) {
      Relation r = s.ctes.get(name.toLowerCase(Locale.ROOT));
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  void addWindow(String name, com.google.zetasql.parser.ASTNodes.ASTWindowSpecification spec) {
    windows.put(name.toLowerCase(Locale.ROOT), spec);
  }

  /** The named window (WINDOW w AS (...)) visible here, or null. */
  com.google.zetasql.parser.ASTNodes.ASTWindowSpecification window(String name) {
    for (Scope s = this; s != null; s = s.outer) {
      var w = s.windows.get(name.toLowerCase(Locale.ROOT));
      if (w != null) {
        return w;
      }
    }
    return null;
  }

  /** Records a JOIN … USING key: an unqualified reference to it means the left side's column. */
  void addUsingKey(String name, ColumnSources sources) {
    usingKeys.putIfAbsent(name.toLowerCase(Locale.ROOT), sources);
  }

  /** Whether a JOIN … USING of this scope (not an enclosing one) has keys. */
  boolean hasUsingKeys() {
    return !usingKeys.isEmpty();
  }

  /**
   * Whether {@code name} alone names a whole row: a range variable over a table, CTE or subquery (not an array
   * element) that has no column of that name, here or in an enclosing scope.
   */
  boolean isWholeRow(String name) {
    for (Scope s = this; s != null; s = s.outer) {
      RangeVariable v = s.variable(name);
      if (v != null) {
        return !(v.relation() instanceof ValueRelation) && !v.relation().hasColumn(name);
      }
    }
    return false;
  }

  /**
   * Whether {@code name} is both a range variable and a column of its relation ({@code FROM t AS s} where t has a
   * column {@code s}): the parse-tree rules read {@code s.x} as the column's field, which BigQuery may not.
   */
  boolean aliasNamesOwnColumn(String name) {
    for (Scope s = this; s != null; s = s.outer) {
      RangeVariable v = s.variable(name);
      if (v != null) {
        return v.relation().hasColumn(name);
      }
    }
    return false;
  }

  /** Whether {@code alias} names a range variable here or in an enclosing scope. */
  boolean isRangeVariable(String alias) {
    for (Scope s = this; s != null; s = s.outer) {
      if (s.variable(alias) != null) {
        return true;
      }
    }
    return false;
  }

  /** Whether a relation with a known schema here or in an enclosing scope has a column called {@code name}. */
  boolean knowsColumn(String name) {
    for (Scope s = this; s != null; s = s.outer) {
      for (RangeVariable v : s.variables) {
        if (v.relation().hasColumn(name)) {
          return true;
        }
      }
    }
    return false;
  }

  void addSelectAlias(String alias, ColumnSources sources) {
    selectAliases.putIfAbsent(alias.toLowerCase(Locale.ROOT), sources);
  }

  /** The range variable called {@code alias} in this scope only, or null. */
  RangeVariable variable(String alias) {
    for (RangeVariable v : variables) {
      if (v.alias() != null && v.alias().equalsIgnoreCase(alias)) {
        return v;
      }
    }
    return null;
  }

  /** Resolves a column path ({@code col}, {@code alias.col}, {@code col.field}) here or in enclosing scopes. */
  Resolution resolve(List<String> path, boolean aliasesVisible) {
    for (Scope s = this; s != null; s = s.outer) {
      Resolution r = s.resolveHere(path, aliasesVisible && s == this);
      if (r.found() || r.ambiguous()) {
        return r;
      }
    }
    return Resolution.NOT_FOUND;
  }

  private Resolution resolveHere(List<String> path, boolean aliasesVisible) {
    String first = path.getFirst();
    RangeVariable byAlias = variable(first);
    if (byAlias != null && !byAlias.relation().hasColumn(first)) {
      ColumnSources s = byAlias.relation().resolve(path.subList(1, path.size()));
      if (s != null) {
        return new Resolution(s, false);
      }
    }
    ColumnSources using = usingKeys.get(first.toLowerCase(Locale.ROOT));
    if (using != null) {
      return new Resolution(using.field(path.subList(1, path.size())), false);
    }
    List<RangeVariable> known = new ArrayList<>();
    List<RangeVariable> open = new ArrayList<>();
    for (RangeVariable v : variables) {
      if (v.qualifiedOnly()) {
        continue;
      }
      if (v.relation().hasColumn(first)) {
        known.add(v);
      } else if (v.relation().isOpen() && !(v.relation() instanceof ValueRelation)) {
        open.add(v);
      }
    }
    if (known.size() == 1) {
      return resolveIn(known.getFirst(), path);
    }
    if (known.size() > 1) {
      return Resolution.AMBIGUOUS;
    }
    if (aliasesVisible) {
      ColumnSources alias = selectAliases.get(first.toLowerCase(Locale.ROOT));
      if (alias != null) {
        return new Resolution(alias.field(path.subList(1, path.size())), false);
      }
    }
    if (open.size() == 1) {
      return resolveIn(open.getFirst(), path);
    }
    if (open.size() > 1) {
      return Resolution.AMBIGUOUS;
    }
    return unaliasedElementField(path);
  }

  /**
   * A name no FROM item here has, read as a field of the element of the only unaliased UNNEST here: BigQuery
   * exposes the fields of an unaliased {@code UNNEST(array_of_structs)} as columns
   * ({@code (SELECT SUM(value) FROM UNNEST(counts))} reads {@code counts.value}).
   */
  private Resolution unaliasedElementField(List<String> path) {
    RangeVariable element = null;
    for (RangeVariable v : variables) {
      if (v.alias() == null && v.relation() instanceof ValueRelation) {
        if (element != null) {
          return Resolution.AMBIGUOUS;
        }
        element = v;
      }
    }
    return element == null ? Resolution.NOT_FOUND : resolveIn(element, path);
  }

  private static Resolution resolveIn(RangeVariable v, List<String> path) {
    ColumnSources s = v.relation().resolve(path);
    return s == null ? Resolution.NOT_FOUND : new Resolution(s, false);
  }
}
