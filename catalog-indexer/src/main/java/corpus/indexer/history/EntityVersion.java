package corpus.indexer.history;

import java.time.Instant;

/**
 * One recorded version of a catalog entity: valid from the crawl that first saw it until the crawl
 * that saw it change ({@code validTo} null while it is current). A deleted version records that the
 * entity left the catalog; its state is the last one seen.
 *
 * @param number 1 for the oldest version of the entity
 * @param crawlId the {@code corpus index} run that recorded it, null when recorded otherwise
 */
public record EntityVersion(int number, String entity, Instant validFrom, Instant validTo, boolean current,
    boolean deleted, Long crawlId, EntityState state) {}
