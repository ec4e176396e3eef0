package corpus.lineage.zetasql;

import java.util.List;
import java.util.Optional;

/**
 * A row source whose columns cannot be traced to BigQuery tables (EXTERNAL_QUERY, an unknown table function):
 * its columns resolve to bare names.
 */
final class OpaqueRelation implements Relation {
  private final String description;

  OpaqueRelation(String description) {
    this.description = description;
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
    return path.isEmpty() ? ColumnSources.EMPTY : ColumnSources.identity(String.join(".", path));
  }

  @Override
  public List<String> openStars() {
    return List.of(description + ".*");
  }
}
