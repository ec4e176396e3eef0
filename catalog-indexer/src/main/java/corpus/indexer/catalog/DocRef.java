package corpus.indexer.catalog;

/** A design document that mentions a table: its id (path in its docs folder), title and file. */
public record DocRef(String id, String title, String path) {}
