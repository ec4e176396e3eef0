package corpus.lineage.zetasql;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the analysis of one statement has found so far: tables read, external sources, filter columns, gaps and
 * whether the parse-tree rules only approximated something.
 */
final class StatementCollector {
  final Set<String> sources = new LinkedHashSet<>();
  final Set<String> external = new LinkedHashSet<>();
  final Set<String> filters = new LinkedHashSet<>();
  final Set<String> unresolved = new LinkedHashSet<>();
  /**
   * Set where the parse-tree rules only approximate BigQuery's name resolution (a range variable used as a whole
   * row, {@code *} over a JOIN … USING or over an element whose fields are not known): the resolved-tree pass, when
   * it can run, is then asked even though nothing is reported as unresolved.
   */
  boolean approximate;
  /** The functions called, upper case without {@code SAFE.} ({@code SUM}, {@code MOZFUN.HIST.EXTRACT}). */
  final Set<String> calls = new LinkedHashSet<>();

  void filter(ColumnSources s) {
    filters.addAll(s.columns());
  }
}
