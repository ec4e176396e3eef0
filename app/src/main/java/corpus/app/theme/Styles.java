package corpus.app.theme;

/** Style-class names of Corpus's own stylesheet, so Java code and CSS agree on one spelling. */
public final class Styles {

  private Styles() {}

  public static final String APP_TITLE = "app-title";
  public static final String PAGE = "page";
  public static final String SEARCH_FIELD = "search-field";
  public static final String STATUS_LINE = "status-line";

  public static final String RESULT_LIST = "result-list";
  public static final String RESULT_CARD = "result-card";
  public static final String RESULT_TITLE = "result-title";
  public static final String RESULT_SNIPPET = "result-snippet";
  public static final String MATCHED_FIELDS = "matched-fields";
  public static final String FIELD_CHIP = "field-chip";

  public static final String KIND_BADGE = "kind-badge";
  public static final String BADGE = "badge";
  public static final String CHIP = "chip";
  public static final String OWNER_CHIP = "owner-chip";

  public static final String EMPTY_STATE = "empty-state";
  public static final String EMPTY_TITLE = "empty-title";
  public static final String EMPTY_TEXT = "empty-text";

  public static final String TABLE_TITLE = "table-title";
  public static final String TABLE_SUBTITLE = "table-subtitle";
  public static final String DESCRIPTION = "description";
  public static final String SECTION_TITLE = "section-title";
  public static final String FACT_LABEL = "fact-label";
  public static final String FACT_VALUE = "fact-value";
  public static final String SCHEMA_TREE = "schema-tree";
  public static final String MONO = "mono";
  public static final String MUTED = "muted";
  /** A schema field's GDPR classification decided by a person (confirmed, changed, rejected). */
  public static final String GDPR_DECIDED = "gdpr-decided";
  /** A schema field's GDPR classification merely suggested by Corpus. */
  public static final String GDPR_SUGGESTED = "gdpr-suggested";
  /** A personal category, decided or suggested. */
  public static final String GDPR_PERSONAL = "gdpr-personal";

  public static final String DOC_PANEL = "doc-panel";
  public static final String MD_H1 = "md-h1";
  public static final String MD_H2 = "md-h2";
  public static final String MD_H3 = "md-h3";
  public static final String MD_PARAGRAPH = "md-paragraph";
  public static final String MD_LIST_ITEM = "md-list-item";
  public static final String MD_CODE_BLOCK = "md-code-block";
  public static final String MD_CODE = "md-code";
  public static final String MD_STRONG = "md-strong";
  public static final String MD_EM = "md-em";
  /** An external or relative link: its text, with the address in a tooltip; it opens nothing. */
  public static final String MD_LINK = "md-link";
  /** A mention of a catalog table in a document: a hyperlink that opens the table page. */
  public static final String MD_TABLE_LINK = "md-table-link";
  public static final String MD_IMAGE = "md-image";
  public static final String MD_LIST = "md-list";
  public static final String MD_LIST_MARKER = "md-list-marker";
  public static final String MD_QUOTE = "md-quote";
  public static final String MD_HR = "md-hr";
  public static final String MD_CODE_SCROLL = "md-code-scroll";
  public static final String MD_TABLE = "md-table";
  public static final String MD_TABLE_SCROLL = "md-table-scroll";
  public static final String MD_TABLE_HEADER = "md-table-header";
  public static final String MD_TABLE_CELL = "md-table-cell";
  public static final String MD_TRUNCATED = "md-truncated";

  public static final String CATALOG_CARD = "catalog-card";

  /** The badge style of a trait: {@code badge-published}, {@code badge-scd2}, … */
  public static String badge(String trait) {
    return BADGE + "-" + trait.replace(' ', '-').replace('_', '-');
  }
}
