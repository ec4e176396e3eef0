package corpus.lineage.footprint;

/**
 * A range of characters of the analysed SQL text, {@code start} inclusive and {@code end} exclusive (0-based
 * offsets into the string given to the analyzer), so an editor can underline or replace it.
 */
public record TextSpan(int start, int end) {}
