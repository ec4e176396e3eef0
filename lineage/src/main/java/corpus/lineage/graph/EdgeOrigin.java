package corpus.lineage.graph;

/**
 * Where a lineage edge comes from: a file (SQL file, dbt manifest, OpenLineage event file, view) and the line of
 * the statement in it, with the statement kind.
 *
 * @param source the file or other source the edge was read from
 * @param line 1-based line of the statement, 0 when not applicable
 * @param statementKind kind of the statement ({@code insert}, {@code create_view} …), or the kind of source
 */
public record EdgeOrigin(String source, int line, String statementKind) {}
