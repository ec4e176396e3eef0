package corpus.indexer.source.sample;

import java.util.List;
import java.util.stream.Stream;

/**
 * What the sample warehouse contains, read from the {@code sample/spec/*.spec} resources:
 * datasets with their BigQuery metadata, tables and views with their columns, descriptions,
 * planted personal-data categories and the SQL that fills them.
 */
public record SampleSpec(List<DatasetSpec> datasets) {

  public SampleSpec {
    datasets = List.copyOf(datasets);
  }

  /** Every table and view, in load order. */
  public List<TableSpec> tables() {
    return datasets.stream().flatMap(d -> d.tables().stream()).toList();
  }

  /** The dataset spec called {@code name}; names are unique across projects. */
  public DatasetSpec dataset(String name) {
    return datasets.stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no dataset " + name + " in the sample"));
  }

  /** The table or view {@code dataset.table}. */
  public TableSpec table(String dataset, String table) {
    return dataset(dataset).tables().stream()
        .filter(t -> t.name().equals(table))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no table " + dataset + "." + table + " in the sample"));
  }

  /** All columns and nested-field entries of all tables. */
  public Stream<ColumnSpec> columns() {
    return tables().stream().flatMap(t -> t.columns().stream());
  }
}
