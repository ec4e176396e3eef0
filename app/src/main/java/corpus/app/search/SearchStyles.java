package corpus.app.search;

/**
 * Style-class names of the search page's own parts (facet sidebar, completion list, help, sort
 * bar), so Java code and corpus.css agree on one spelling; shared names live in {@code Styles}.
 */
final class SearchStyles {

  private SearchStyles() {}

  static final String FACET_SIDEBAR = "facet-sidebar";
  static final String FACET_HEADER = "facet-header";
  static final String FACET_TITLE = "facet-title";
  static final String FACET_ROW = "facet-row";
  static final String FACET_COUNT = "facet-count";
  static final String FACET_MORE = "facet-more";
  static final String FACET_NOTE = "facet-note";

  static final String RESULTS_BAR = "results-bar";
  static final String FILTER_CHIP = "filter-chip";
  static final String SORT_NOTE = "sort-note";
  static final String CARD_FACTS = "card-facts";

  static final String COMPLETION_BOX = "completion-box";
  static final String COMPLETION_LIST = "completion-list";
  static final String COMPLETION_HINT = "completion-hint";
  static final String HELP_BUTTON = "help-button";
  static final String HELP = "query-help";
  static final String HELP_TITLE = "query-help-title";
  static final String HELP_SYNTAX = "query-help-syntax";
  static final String HELP_TEXT = "query-help-text";
}
