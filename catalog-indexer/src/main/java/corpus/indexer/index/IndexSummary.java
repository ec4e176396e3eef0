package corpus.indexer.index;

import corpus.indexer.model.Problem;
import java.util.List;

/**
 * What one indexing run produced: how many entities the catalog now holds, how many table
 * documents were (re)written and removed (an incremental update rewrites only what changed), and
 * the inputs it had to skip.
 */
public record IndexSummary(
    long datasets, long tables, long fields, long docs, long tablesWritten, long tablesRemoved,
    List<Problem> problems, long tookMs) {

  public IndexSummary {
    problems = List.copyOf(problems);
  }

  /** A summary of a full rebuild, where every table was written. */
  public IndexSummary(long datasets, long tables, long fields, long docs, List<Problem> problems, long tookMs) {
    this(datasets, tables, fields, docs, tables, 0, problems, tookMs);
  }
}
