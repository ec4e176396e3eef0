package corpus.lineage.zetasql;

import corpus.lineage.AnalysisContext;
import corpus.lineage.TableNames;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What earlier statements of a script define for later ones: temp tables (followed through to their real
 * sources), temp functions (with the tables their bodies read) and script variables.
 */
final class ScriptState {
  /** A temp table: its columns' lineage and the real tables it was built from. */
  record TempTable(Relation relation, Set<String> sources) {}

  private final AnalysisContext context;
  private final TableNames names;
  private final Map<String, TempTable> tempTables = new HashMap<>();
  private final Map<String, Set<String>> functionSources = new HashMap<>();
  private final Set<String> variables = new HashSet<>();

  ScriptState(AnalysisContext context) {
    this.context = context;
    this.names = new TableNames(context.defaultProject(), context.defaultDataset());
  }

  AnalysisContext context() {
    return context;
  }

  TableNames names() {
    return names;
  }

  /** The temp table a path names ({@code tmp} or {@code _SESSION.tmp}), or null. */
  TempTable tempTable(List<String> path) {
    String key = tempKey(path);
    return key == null ? null : tempTables.get(key);
  }

  void putTempTable(List<String> path, TempTable table) {
    String key = tempKey(path);
    if (key != null) {
      tempTables.put(key, table);
    }
  }

  void dropTempTable(List<String> path) {
    String key = tempKey(path);
    if (key != null) {
      tempTables.remove(key);
    }
  }

  static String tempKey(List<String> path) {
    List<String> parts = TableNames.parts(path);
    if (parts.size() == 2 && parts.getFirst().equalsIgnoreCase("_SESSION")) {
      return parts.get(1).toLowerCase(Locale.ROOT);
    }
    return parts.size() == 1 ? parts.getFirst().toLowerCase(Locale.ROOT) : null;
  }

  void putFunction(List<String> path, Set<String> tables) {
    functionSources.put(String.join(".", TableNames.parts(path)).toLowerCase(Locale.ROOT), new LinkedHashSet<>(tables));
  }

  /** Tables read by the body of the temp function called {@code name}; empty when unknown. */
  Set<String> functionSources(String name) {
    return functionSources.getOrDefault(name.toLowerCase(Locale.ROOT), Set.of());
  }

  void declareVariable(String name) {
    variables.add(name.toLowerCase(Locale.ROOT));
  }

  boolean isVariable(String name) {
    return variables.contains(name.toLowerCase(Locale.ROOT));
  }
}
