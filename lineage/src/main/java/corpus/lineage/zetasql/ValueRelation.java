package corpus.lineage.zetasql;

import java.util.List;
import java.util.Optional;

/**
 * A range variable that stands for a value rather than a table: the element of an UNNEST or of a correlated
 * array path ({@code FROM t, t.items AS item}); {@code item.sku} resolves to the array's source plus {@code .sku}.
 */
final class ValueRelation implements Relation {
  private final ColumnSources element;

  ValueRelation(ColumnSources element) {
    this.element = element;
  }

  @Override
  public Optional<List<OutputColumn>> columns() {
    return Optional.empty();
  }

  @Override
  public List<OutputColumn> knownColumns() {
    return List.of();
  }

  @Override
  public boolean hasColumn(String name) {
    return false;
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public ColumnSources resolve(List<String> path) {
    return element.field(path);
  }

  @Override
  public List<String> openStars() {
    return List.of();
  }
}
