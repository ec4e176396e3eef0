package corpus.lineage.zetasql;

import java.util.LinkedHashSet;
import java.util.Set;

/** What the analysis of one statement has found so far: tables read, external sources, filter columns, gaps. */
final class StatementCollector {
  final Set<String> sources = new LinkedHashSet<>();
  final Set<String> external = new LinkedHashSet<>();
  final Set<String> filters = new LinkedHashSet<>();
  final Set<String> unresolved = new LinkedHashSet<>();

  void filter(ColumnSources s) {
    filters.addAll(s.columns());
  }
}
