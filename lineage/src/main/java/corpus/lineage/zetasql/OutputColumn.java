package corpus.lineage.zetasql;

/** A named output column of a relation with its sources. */
record OutputColumn(String name, ColumnSources sources) {}
