package corpus.lineage.zetasql;

import corpus.lineage.Derivation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The source columns of one value (a column or an expression) and how it is derived from them.
 *
 * @param columns fully qualified source columns (bare names when the table is unknown)
 * @param derivation how the value is derived
 */
record ColumnSources(Set<String> columns, Derivation derivation) {
  static final ColumnSources EMPTY = new ColumnSources(Set.of(), Derivation.IDENTITY);

  ColumnSources {
    columns = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(columns));
  }

  static ColumnSources identity(String column) {
    return new ColumnSources(Set.of(column), Derivation.IDENTITY);
  }

  /** Union of both sources, keeping the stronger derivation. */
  ColumnSources merge(ColumnSources other) {
    if (other.columns.isEmpty() && other.derivation == Derivation.IDENTITY) {
      return this;
    }
    Set<String> all = new LinkedHashSet<>(columns);
    all.addAll(other.columns);
    return new ColumnSources(all, derivation.combine(other.derivation));
  }

  /** The same sources with a derivation at least as strong as {@code d}. */
  ColumnSources atLeast(Derivation d) {
    return d == derivation ? this : new ColumnSources(columns, derivation.combine(d));
  }

  /**
   * The sources of a nested field of this value: a copied column gets the field path appended
   * ({@code t.s} → {@code t.s.a}); a computed value keeps its sources.
   */
  ColumnSources field(List<String> path) {
    if (path.isEmpty()) {
      return this;
    }
    if (derivation == Derivation.IDENTITY && columns.size() == 1) {
      return identity(columns.iterator().next() + "." + String.join(".", path));
    }
    return this;
  }
}
