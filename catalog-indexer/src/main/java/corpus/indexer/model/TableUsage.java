package corpus.indexer.model;

import java.time.Instant;

/** How much a table is used: queries that referenced it over a window, and by how many people. */
public record TableUsage(TableId table, long queryCount, long distinctUsers, Instant lastQueried) {}
