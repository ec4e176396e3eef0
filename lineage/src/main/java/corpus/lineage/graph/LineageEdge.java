package corpus.lineage.graph;

import corpus.lineage.Derivation;
import java.util.Objects;

/**
 * A directed lineage edge from an upstream node to a downstream node.
 *
 * @param from upstream node id (a table {@code p.d.t} or a column {@code p.d.t.col})
 * @param to downstream node id
 * @param kind what the edge links
 * @param derivation how a column is derived (IDENTITY for table edges)
 * @param origin where the edge was read
 */
public record LineageEdge(String from, String to, Kind kind, Derivation derivation, EdgeOrigin origin) {
  /** What an edge links. */
  public enum Kind {
    /** table read → table written */
    TABLE,
    /** source column → target column */
    COLUMN,
    /** column that filters or joins → table written */
    FILTER
  }

  public LineageEdge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(derivation, "derivation");
  }
}
