package corpus.indexer.model;

/** Integer-range partitioning of a table on {@code field}: [start, end) in steps of interval. */
public record RangePartitioning(String field, long start, long end, long interval) {}
