package corpus.indexer.source.bigquery;

import corpus.indexer.model.TableId;
import java.time.Instant;

/**
 * A lineage edge seen in BigQuery's job history: query jobs read {@code source} and wrote {@code
 * destination}. Edges are "observed", as opposed to edges parsed from pipeline SQL.
 *
 * @param lastJobId the most recent job that produced this edge, to look it up in the console
 * @param jobCount how many jobs in the window produced it
 * @param bytesProcessed bytes those jobs processed, summed
 * @param lastSeen when the most recent of those jobs was created
 */
public record ObservedEdge(
    TableId source, TableId destination, String lastJobId, long jobCount, long bytesProcessed,
    Instant lastSeen) {}
