package corpus.app.table;

/** One labelled fact in a table page's overview, e.g. "Size" → "1.4 GB". */
public record Fact(String label, String value) {}
