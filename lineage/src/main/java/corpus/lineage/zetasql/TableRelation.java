package corpus.lineage.zetasql;

import corpus.lineage.ColumnSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A BigQuery table, with its schema when the catalog knows it. */
final class TableRelation implements Relation {
  private final String tableId;
  private final List<ColumnSchema> schema;

  TableRelation(String tableId, Optional<List<ColumnSchema>> schema) {
    this.tableId = tableId;
    this.schema = schema.orElse(null);
  }

  String tableId() {
    return tableId;
  }

  @Override
  public Optional<List<OutputColumn>> columns() {
    return schema == null ? Optional.empty() : Optional.of(knownColumns());
  }

  @Override
  public List<OutputColumn> knownColumns() {
    if (schema == null) {
      return List.of();
    }
    List<OutputColumn> out = new ArrayList<>(schema.size());
    for (ColumnSchema c : schema) {
      out.add(new OutputColumn(c.name(), ColumnSources.identity(tableId + "." + c.name())));
    }
    return out;
  }

  @Override
  public boolean hasColumn(String name) {
    return schema != null && column(name) != null;
  }

  @Override
  public boolean isOpen() {
    return schema == null;
  }

  @Override
  public ColumnSources resolve(List<String> path) {
    if (path.isEmpty()) {
      return schema == null ? null : wholeRow();
    }
    if (schema == null) {
      return ColumnSources.identity(tableId + "." + String.join(".", path));
    }
    ColumnSchema column = column(path.getFirst());
    if (column == null) {
      return null;
    }
    StringBuilder id = new StringBuilder(tableId).append('.').append(column.name());
    ColumnSchema current = column;
    for (String part : path.subList(1, path.size())) {
      ColumnSchema next = current == null ? null : current.field(part);
      id.append('.').append(next == null ? part : next.name());
      current = next;
    }
    return ColumnSources.identity(id.toString());
  }

  private ColumnSources wholeRow() {
    ColumnSources all = ColumnSources.EMPTY;
    for (OutputColumn c : knownColumns()) {
      all = all.merge(c.sources());
    }
    return all.atLeast(corpus.lineage.Derivation.TRANSFORMATION);
  }

  @Override
  public List<String> openStars() {
    return schema == null ? List.of(tableId + ".*") : List.of();
  }

  private ColumnSchema column(String name) {
    for (ColumnSchema c : schema) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }
}
