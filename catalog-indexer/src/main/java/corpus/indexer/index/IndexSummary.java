package corpus.indexer.index;

import corpus.indexer.model.Problem;
import java.util.List;

/** What one indexing run produced, and the inputs it had to skip. */
public record IndexSummary(
    long datasets, long tables, long fields, long docs, List<Problem> problems, long tookMs) {

  public IndexSummary {
    problems = List.copyOf(problems);
  }
}
