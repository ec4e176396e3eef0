package corpus.indexer.index;

/** Names of the Lucene fields of the catalog index, in one place for writer and searcher. */
public final class IndexFields {

  /**
   * Unique id: table {@code p.d.t}, dataset {@code p.d}, doc section {@code doc:path#anchor}. Fields
   * ({@code p.d.t:a.b} in search results) have no document of their own: their table's carries them.
   */
  public static final String ID = "id";
  /** table, field, doc, dataset, docfile (the stored whole document, not searched). */
  public static final String KIND = "kind";
  /** A table document's own id (the {@code table:} filter). */
  public static final String TABLE = "table";
  public static final String PROJECT = "project";
  public static final String DATASET = "dataset";
  /** The entity's own name: table name, field leaf name, doc title. Identifier-analysed. */
  public static final String NAME = "name";
  /**
   * The beginnings (2 to {@link Analyzers#MAX_PREFIX} characters) of each word part of {@link
   * #NAME}, so a word being typed matches the names it starts as one term, not thousands.
   */
  public static final String NAME_PREFIX = "name_prefix";
  /** Full dotted path of a field, or {@code dataset.table} of a table. Identifier-analysed. */
  public static final String PATH = "path";
  /** Lower-cased exact names a query may equal: name, path, {@code dataset.table}, id. */
  public static final String EXACT = "exact";
  /** The beginnings (2 to {@link Analyzers#MAX_PREFIX} characters) of a table's or dataset's own name. */
  public static final String EXACT_PREFIX = "exact_prefix";
  public static final String DESCRIPTION = "description";
  /** Lower-cased names autocompletion offers for tables: name and {@code dataset.table}. */
  public static final String COMPLETE_TABLE = "complete_table";
  /**
   * Lower-cased exact names of a table's fields a query may equal: leaf name and path (a query
   * that writes {@code _} as spaces is looked up with {@code _}). Autocompletion offers them too.
   */
  public static final String EXACT_FIELD = "exact_field";
  /** For tables: their fields, stored compactly ({@link FieldRows}). */
  public static final String FIELDS = "fields";
  /** For tables: how many fields (nested ones included) they have, as numeric doc values. */
  public static final String FIELD_COUNT = "field_count";
  /** For tables: the names of all their fields. */
  public static final String FIELD_NAMES = "field_names";
  /** For tables: the descriptions of their fields; for docs: the section text. */
  public static final String BODY = "body";
  /** Text of design docs that mention the table (weak). */
  public static final String DOC_TEXT = "doc_text";
  /** Table ids a doc mentions (docfile and doc section docs). */
  public static final String MENTIONS = "mentions";
  /** Multiplicative ranking factor (published, documented, popularity), stored as a double. */
  public static final String BOOST = "boost";
  /** Stored JSON of the entity (Table, Dataset, Doc, TableUsage). */
  public static final String JSON = "json";
  public static final String USAGE_JSON = "usage_json";
  public static final String TITLE = "title";
  public static final String SNIPPET = "snippet";
  public static final String BADGES = "badges";
  /** Facet dimensions. */
  public static final String FACET_KIND = "kind";
  public static final String FACET_PROJECT = "project";
  public static final String FACET_DATASET = "dataset";
  public static final String FACET_TIER = "tier";
  public static final String FACET_OWNER = "owner";
  public static final String FACET_TYPE = "type";
  public static final String FACET_LABEL = "label";
  /** Entity key columns of a recognised SCD type 2 table, such as {@code track_id, territory}. */
  public static final String FACET_SCD_KEY = "scd_key";
  /** Filters: label key=value, owner, tier, scd, partitioned (field types: the {@link #FACET_TYPE} facet). */
  public static final String LABEL = "f_label";
  public static final String OWNER = "f_owner";
  public static final String TIER = "f_tier";
  public static final String FLAGS = "f_flag";
  /** GDPR categories of the fields of a table. */
  public static final String PII = "f_pii";
  /** Tables a table reads from (its direct upstream); for pipelines, the tables they read. */
  public static final String UPSTREAM = "upstream";
  /** Tables a table feeds (its direct downstream); for pipelines, the tables they write. */
  public static final String DOWNSTREAM = "downstream";
  /** Kind as sorted doc values, for ranking without loading stored fields. */
  public static final String KIND_DV = "kind_dv";
  /** Entity id as binary doc values, for ranking and reading catalog state without stored fields. */
  public static final String ID_DV = "id_dv";
  /** Content hash, extras hash and origin of a table, as binary doc values (incremental updates). */
  public static final String STATE_DV = "state_dv";
  /** Source spec that produced the entity. */
  public static final String SOURCE = "source";
  /** Sortable last-modified millis and name. */
  public static final String MODIFIED = "modified";
  /** How often a table was queried (usage), as numeric doc values of table documents, for sorting. */
  public static final String POPULARITY = "popularity";
  public static final String SORT_NAME = "sort_name";

  private IndexFields() {}
}
