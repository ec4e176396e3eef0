package corpus.indexer.index;

import corpus.indexer.model.Doc;
import corpus.indexer.model.TableId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the table references of design docs against the tables of the catalog: {@code
 * project.dataset.table} exactly, {@code dataset.table} when only one project has it, and the
 * table whose id is the document's file name.
 */
final class DocLinker {

  private final Set<String> tableIds = new java.util.HashSet<>();
  private final Map<String, List<String>> byDatasetTable = new HashMap<>();

  void addTable(TableId id) {
    add(id.toString(), id.dataset() + "." + id.table());
  }

  /**
   * As {@link #addTable(TableId)}, for an id as the catalog writes it ({@code project.dataset.table},
   * as a table kept from the previous catalog has it), without parsing it.
   */
  void addTable(String id) {
    int tableDot = id.lastIndexOf('.');
    add(id, id.substring(id.lastIndexOf('.', tableDot - 1) + 1));
  }

  private void add(String id, String datasetTable) {
    if (tableIds.add(id.toLowerCase(Locale.ROOT))) {
      byDatasetTable.computeIfAbsent(datasetTable.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(id);
    }
  }

  /** The table ids (as written in the catalog) a doc is linked to. */
  List<String> link(Doc doc) {
    Set<String> linked = new LinkedHashSet<>();
    List<String> candidates = new ArrayList<>(doc.mentions());
    candidates.add(doc.baseName());
    for (String mention : candidates) {
      String m = mention.replace("`", "").strip().toLowerCase(Locale.ROOT);
      long dots = m.chars().filter(c -> c == '.').count();
      if (dots == 2 && tableIds.contains(m)) {
        linked.add(canonical(m));
      } else if (dots == 1) {
        List<String> ids = byDatasetTable.get(m);
        if (ids != null && ids.size() == 1) {
          linked.add(ids.get(0));
        }
      }
    }
    return List.copyOf(linked);
  }

  private String canonical(String lower) {
    int dot = lower.indexOf('.');
    List<String> ids = byDatasetTable.get(lower.substring(dot + 1));
    if (ids != null) {
      for (String id : ids) {
        if (id.toLowerCase(Locale.ROOT).equals(lower)) {
          return id;
        }
      }
    }
    return lower;
  }
}
