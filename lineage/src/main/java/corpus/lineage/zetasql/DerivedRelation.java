package corpus.lineage.zetasql;

import corpus.lineage.Derivation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The result of a query (CTE, subquery, temp table): known output columns plus, for an unexpanded
 * {@code SELECT *}, relations whose columns pass through by name.
 */
final class DerivedRelation implements Relation {
  /** A {@code *} that could not be expanded: names not excluded pass through to {@code relation}. */
  record PassThrough(Relation relation, Set<String> except) {
    boolean passes(String name) {
      return !except.contains(name.toLowerCase(Locale.ROOT));
    }
  }

  private final List<OutputColumn> known;
  private final List<PassThrough> passThroughs;

  DerivedRelation(List<OutputColumn> known, List<PassThrough> passThroughs) {
    this.known = List.copyOf(known);
    this.passThroughs = List.copyOf(passThroughs);
  }

  static DerivedRelation empty() {
    return new DerivedRelation(List.of(), List.of());
  }

  List<PassThrough> passThroughs() {
    return passThroughs;
  }

  @Override
  public Optional<List<OutputColumn>> columns() {
    return passThroughs.isEmpty() ? Optional.of(known) : Optional.empty();
  }

  @Override
  public List<OutputColumn> knownColumns() {
    return known;
  }

  @Override
  public boolean hasColumn(String name) {
    if (Relation.find(known, name) != null) {
      return true;
    }
    for (PassThrough p : passThroughs) {
      if (p.passes(name) && p.relation().hasColumn(name)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean isOpen() {
    for (PassThrough p : passThroughs) {
      if (p.relation().isOpen()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public ColumnSources resolve(List<String> path) {
    if (path.isEmpty()) {
      ColumnSources all = ColumnSources.EMPTY;
      for (OutputColumn c : known) {
        all = all.merge(c.sources());
      }
      return all.atLeast(Derivation.TRANSFORMATION);
    }
    OutputColumn column = Relation.find(known, path.getFirst());
    if (column != null) {
      return column.sources().field(path.subList(1, path.size()));
    }
    ColumnSources found = null;
    for (PassThrough p : passThroughs) {
      if (p.passes(path.getFirst()) && (p.relation().hasColumn(path.getFirst()) || p.relation().isOpen())) {
        ColumnSources s = p.relation().resolve(path);
        if (s != null) {
          found = found == null ? s : found.merge(s);
          if (p.relation().hasColumn(path.getFirst())) {
            return s;
          }
        }
      }
    }
    return found;
  }

  @Override
  public List<String> openStars() {
    List<String> stars = new ArrayList<>();
    for (PassThrough p : passThroughs) {
      stars.addAll(p.relation().openStars());
    }
    return stars;
  }
}
