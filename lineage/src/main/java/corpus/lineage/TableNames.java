package corpus.lineage;

import java.util.ArrayList;
import java.util.List;

/**
 * Qualifies table names as written in SQL ({@code t}, {@code d.t}, {@code `p.d.t`}, {@code p.d.events_*}) into
 * {@code project.dataset.table} using a default project and dataset.
 */
public final class TableNames {
  private final String defaultProject;
  private final String defaultDataset;

  /** Creates a qualifier; either default may be null, in which case names stay as qualified as written. */
  public TableNames(String defaultProject, String defaultDataset) {
    this.defaultProject = blankToNull(defaultProject);
    this.defaultDataset = blankToNull(defaultDataset);
  }

  /** Splits the identifiers of a path (each may itself contain dots when backquoted) into name parts. */
  public static List<String> parts(List<String> identifiers) {
    List<String> parts = new ArrayList<>();
    for (String id : identifiers) {
      for (String p : id.split("\\.", -1)) {
        if (!p.isEmpty()) {
          parts.add(p);
        }
      }
    }
    return parts;
  }

  /** Qualifies a table path given as identifiers. */
  public String qualify(List<String> identifiers) {
    List<String> parts = parts(identifiers);
    if (parts.size() == 3 && parts.get(1).equalsIgnoreCase("INFORMATION_SCHEMA")
        && !parts.getFirst().toLowerCase(java.util.Locale.ROOT).startsWith("region-") && defaultProject != null) {
      parts.addFirst(defaultProject);
    }
    if (parts.size() == 1 && defaultDataset != null) {
      parts.addFirst(defaultDataset);
    }
    if (parts.size() == 2 && defaultProject != null) {
      parts.addFirst(defaultProject);
    }
    return String.join(".", parts);
  }

  /** Qualifies a dotted name such as {@code d.t}. */
  public String qualify(String dotted) {
    return qualify(List.of(dotted));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
