package corpus.indexer.model;

import java.util.Objects;

/**
 * Identifies a BigQuery table or view as {@code project.dataset.table}.
 *
 * <p>{@code TableId.parse("p.d.t")} accepts backticks and the legacy {@code project:dataset.table}
 * form; {@link #toString()} always gives the dotted form used across the catalog and the CLI.
 */
public record TableId(String project, String dataset, String table) implements Comparable<TableId> {

  public TableId {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(table, "table");
  }

  /** Parses {@code project.dataset.table}; the project may itself contain dashes, not dots. */
  public static TableId parse(String text) {
    String s = text.strip().replace("`", "");
    int colon = s.indexOf(':');
    if (colon > 0) {
      s = s.substring(0, colon) + "." + s.substring(colon + 1);
    }
    String[] parts = s.split("\\.");
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw new IllegalArgumentException("not a table id (project.dataset.table): " + text);
    }
    return new TableId(parts[0], parts[1], parts[2]);
  }

  /** {@code project.dataset}, the id of the dataset holding this table. */
  public String datasetId() {
    return project + "." + dataset;
  }

  @Override
  public int compareTo(TableId other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return project + "." + dataset + "." + table;
  }
}
