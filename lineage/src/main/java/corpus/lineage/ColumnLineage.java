package corpus.lineage;

import java.util.List;
import java.util.Objects;

/**
 * One target column of a statement with the source columns it is computed from.
 *
 * @param target the target column, {@code project.dataset.table.column} (nested fields appended with dots); for
 *     a plain SELECT without a destination just the output column name
 * @param sources fully qualified source columns, nested paths included; a column whose table cannot be known is
 *     its bare name
 * @param derivation how the target is derived from the sources
 */
public record ColumnLineage(String target, List<String> sources, Derivation derivation) {
  public ColumnLineage {
    Objects.requireNonNull(target, "target");
    sources = List.copyOf(sources);
    Objects.requireNonNull(derivation, "derivation");
  }
}
