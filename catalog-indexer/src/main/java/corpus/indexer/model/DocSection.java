package corpus.indexer.model;

/** One heading-delimited section of a design document; {@code line} is 1-based in the file. */
public record DocSection(String heading, String anchor, String text, int line) {}
