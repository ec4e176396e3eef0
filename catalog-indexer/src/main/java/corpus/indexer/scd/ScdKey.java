package corpus.indexer.scd;

import java.util.List;

/**
 * The entity key of an SCD type 2 table (the primary key is this plus {@code valid_from}) and how
 * Corpus knows it: declared by the owners, or inferred from the schema. {@code verified} is null
 * until a uniqueness query on (key, valid_from) has run, then its outcome.
 */
public record ScdKey(List<String> columns, Source source, Boolean verified) {

  /** Where the key comes from, most trusted first. */
  public enum Source {
    /** The table label {@code scd_key}. */
    LABEL("label scd_key"),
    /** A line "Entity key: a, b" in the table description. */
    DESCRIPTION("table description"),
    /** A field description saying "entity key". */
    FIELD_DESCRIPTION("field descriptions"),
    /** A line "Entity key: a, b" in a design document about the table. */
    DOC("design document"),
    /** The columns before the validity columns, or the id-like columns. */
    INFERRED("inferred from the schema");

    private final String words;

    Source(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }

    /** True for keys the owners wrote down. */
    public boolean declared() {
      return this != INFERRED;
    }
  }

  public ScdKey {
    columns = List.copyOf(columns);
  }

  /** This key with the outcome of its uniqueness query. */
  public ScdKey withVerified(boolean unique) {
    return new ScdKey(columns, source, unique);
  }

  /** {@code track_id, territory}. */
  public String text() {
    return String.join(", ", columns);
  }
}
