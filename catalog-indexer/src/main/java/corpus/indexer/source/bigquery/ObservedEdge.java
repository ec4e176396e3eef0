package corpus.indexer.source.bigquery;

import corpus.indexer.model.TableId;
import java.time.Instant;
import java.util.List;

/**
 * A lineage edge seen in BigQuery's job history: query jobs read {@code source} and wrote {@code
 * destination}. Edges are "observed", as opposed to edges parsed from pipeline SQL, and are
 * table-level only: the job history names the tables a job read, not which columns fed which.
 *
 * @param recentJobIds ids of the most recent jobs that produced this edge (newest first, at most
 *     three), to look them up in the console
 * @param jobCount how many jobs in the window produced it
 * @param userCount how many distinct users (or service accounts) ran those jobs; the e-mails
 *     themselves are counted inside BigQuery and never read
 * @param bytesProcessed bytes those jobs processed, summed
 * @param lastSeen when the most recent of those jobs was created
 * @param statementType BigQuery's statement type of the most recent job ({@code INSERT}, {@code
 *     MERGE}, {@code CREATE_TABLE_AS_SELECT}, {@code SELECT} with a destination table …), or null
 */
public record ObservedEdge(
    TableId source, TableId destination, List<String> recentJobIds, long jobCount, long userCount,
    long bytesProcessed, Instant lastSeen, String statementType) {

  public ObservedEdge {
    recentJobIds = recentJobIds == null ? List.of() : List.copyOf(recentJobIds);
  }

  /** The most recent job that produced this edge, or null when the history did not say. */
  public String lastJobId() {
    return recentJobIds.isEmpty() ? null : recentJobIds.get(0);
  }
}
