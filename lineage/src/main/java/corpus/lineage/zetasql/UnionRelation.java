package corpus.lineage.zetasql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The result of UNION / INTERSECT / EXCEPT: columns by position from the first input, sources from every input. */
final class UnionRelation implements Relation {
  private final List<Relation> inputs;

  UnionRelation(List<Relation> inputs) {
    this.inputs = List.copyOf(inputs);
  }

  @Override
  public Optional<List<OutputColumn>> columns() {
    List<List<OutputColumn>> all = new ArrayList<>();
    for (Relation r : inputs) {
      Optional<List<OutputColumn>> cols = r.columns();
      if (cols.isEmpty()) {
        return Optional.empty();
      }
      all.add(cols.get());
    }
    List<OutputColumn> first = all.getFirst();
    List<OutputColumn> merged = new ArrayList<>(first.size());
    for (int i = 0; i < first.size(); i++) {
      ColumnSources s = first.get(i).sources();
      for (List<OutputColumn> other : all.subList(1, all.size())) {
        if (i < other.size()) {
          s = s.merge(other.get(i).sources());
        }
      }
      merged.add(new OutputColumn(first.get(i).name(), s));
    }
    return Optional.of(merged);
  }

  /**
   * All columns when every input's columns are known; otherwise, when one input's are, its column names with
   * sources taken by position from the known inputs and by name from the others.
   */
  @Override
  public List<OutputColumn> knownColumns() {
    Optional<List<OutputColumn>> all = columns();
    if (all.isPresent()) {
      return all.get();
    }
    List<OutputColumn> shape = null;
    for (Relation r : inputs) {
      if (r.columns().isPresent()) {
        shape = r.columns().get();
        break;
      }
    }
    if (shape == null) {
      return inputs.getFirst().knownColumns();
    }
    List<OutputColumn> merged = new ArrayList<>(shape.size());
    for (int i = 0; i < shape.size(); i++) {
      String name = shape.get(i).name();
      ColumnSources s = ColumnSources.EMPTY;
      for (Relation r : inputs) {
        Optional<List<OutputColumn>> cols = r.columns();
        ColumnSources part = cols.isPresent()
            ? (i < cols.get().size() ? cols.get().get(i).sources() : null)
            : r.resolve(List.of(name));
        if (part != null) {
          s = s.merge(part);
        }
      }
      merged.add(new OutputColumn(name, s));
    }
    return merged;
  }

  @Override
  public boolean hasColumn(String name) {
    return Relation.find(knownColumns(), name) != null;
  }

  @Override
  public boolean isOpen() {
    return columns().isEmpty();
  }

  @Override
  public ColumnSources resolve(List<String> path) {
    Optional<List<OutputColumn>> cols = columns();
    if (cols.isPresent() && !path.isEmpty()) {
      OutputColumn c = Relation.find(cols.get(), path.getFirst());
      return c == null ? null : c.sources().field(path.subList(1, path.size()));
    }
    ColumnSources found = null;
    for (Relation r : inputs) {
      ColumnSources s = r.resolve(path);
      if (s != null) {
        found = found == null ? s : found.merge(s);
      }
    }
    return found;
  }

  @Override
  public List<String> openStars() {
    List<String> stars = new ArrayList<>();
    for (Relation r : inputs) {
      stars.addAll(r.openStars());
    }
    return stars;
  }
}
