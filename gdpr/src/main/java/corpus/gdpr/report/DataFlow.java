package corpus.gdpr.report;

/**
 * Table-level lineage: {@code target} is written from {@code source}.
 *
 * @param source {@code project.dataset.table} read
 * @param target {@code project.dataset.table} written
 */
public record DataFlow(String source, String target) {}
