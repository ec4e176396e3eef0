package corpus.lineage.zetasql;

import corpus.lineage.Derivation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The source columns of one value (a column or an expression) and how it is derived from them; for a STRUCT
 * built in the query ({@code STRUCT(a AS x, b AS y)}, {@code SELECT AS STRUCT}, {@code ARRAY_AGG(STRUCT(…))}) also
 * the sources of each named field, so that {@code s.x} resolves to {@code a} alone and a target column {@code s}
 * is written as {@code s.x} and {@code s.y}.
 *
 * @param columns fully qualified source columns (bare names when the table is unknown)
 * @param derivation how the value is derived
 * @param fields the sources of each field of a constructed STRUCT (or array of STRUCTs), in order; empty
 *     otherwise
 */
record ColumnSources(Set<String> columns, Derivation derivation, Map<String, ColumnSources> fields) {
  static final ColumnSources EMPTY = new ColumnSources(Set.of(), Derivation.IDENTITY);

  ColumnSources {
    columns = Collections.unmodifiableSet(new LinkedHashSet<>(columns));
    fields = fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  ColumnSources(Set<String> columns, Derivation derivation) {
    this(columns, derivation, Map.of());
  }

  static ColumnSources identity(String column) {
    return new ColumnSources(Set.of(column), Derivation.IDENTITY);
  }

  private boolean isEmpty() {
    return columns.isEmpty() && derivation == Derivation.IDENTITY && fields.isEmpty();
  }

  /** Union of both sources, keeping the stronger derivation; struct fields survive only a merge with nothing. */
  ColumnSources merge(ColumnSources other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Set<String> all = new LinkedHashSet<>(columns);
    all.addAll(other.columns);
    return new ColumnSources(all, derivation.combine(other.derivation));
  }

  /** The same sources (fields included) with a derivation at least as strong as {@code d}. */
  ColumnSources atLeast(Derivation d) {
    if (d == derivation && fields.isEmpty()) {
      return this;
    }
    Map<String, ColumnSources> strongerFields = new LinkedHashMap<>();
    fields.forEach((name, f) -> strongerFields.put(name, f.atLeast(d)));
    return new ColumnSources(columns, derivation.combine(d), strongerFields);
  }

  /** These sources as a STRUCT value with the given fields. */
  ColumnSources withFields(Map<String, ColumnSources> structFields) {
    return new ColumnSources(columns, derivation, structFields);
  }

  /** The sources of the field called {@code name} (case-insensitive), or null when the field is not known. */
  ColumnSources knownField(String name) {
    for (Map.Entry<String, ColumnSources> f : fields.entrySet()) {
      if (f.getKey().equalsIgnoreCase(name)) {
        return f.getValue();
      }
    }
    return null;
  }

  /**
   * The sources of a nested field of this value: a field of a constructed STRUCT has its own sources; a copied
   * column gets the field path appended ({@code t.s} → {@code t.s.a}); a computed value keeps its sources.
   */
  ColumnSources field(List<String> path) {
    if (path.isEmpty()) {
      return this;
    }
    ColumnSources known = knownField(path.getFirst());
    if (known != null) {
      return known.field(path.subList(1, path.size()));
    }
    if (derivation == Derivation.IDENTITY && columns.size() == 1) {
      return identity(columns.iterator().next() + "." + String.join(".", path));
    }
    return fields.isEmpty() ? this : new ColumnSources(columns, derivation);
  }
}
