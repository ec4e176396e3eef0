package corpus.app.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the facet sidebar's sections from a search's facet counts and the chosen drill-downs. The
 * engine counts drill-sideways, so a chosen value's siblings keep their counts; a chosen value the
 * new query no longer matches stays listed (with 0) so it can be unchecked.
 */
final class FacetGroups {

  /** The dimensions the sidebar shows, in order, with their titles. */
  static final Map<String, String> TITLES = titles();

  private FacetGroups() {}

  private static Map<String, String> titles() {
    Map<String, String> titles = new LinkedHashMap<>();
    titles.put("kind", "Kind");
    titles.put("dataset", "Dataset");
    titles.put("project", "Project");
    titles.put("tier", "Tier");
    titles.put("owner", "Owner");
    titles.put("type", "Field type");
    titles.put("label", "Labels");
    titles.put("scd_key", "SCD type 2 key");
    return Collections.unmodifiableMap(titles);
  }

  static List<FacetGroup> build(Map<String, Map<String, Long>> facets, List<String> drillDowns) {
    List<FacetGroup> groups = new ArrayList<>();
    for (Map.Entry<String, String> dim : TITLES.entrySet()) {
      String dimension = dim.getKey();
      Map<String, Long> counts = facets.getOrDefault(dimension, Map.of());
      List<FacetValue> values = new ArrayList<>();
      counts.forEach((value, count) -> {
        boolean selected = drillDowns.contains(dimension + "=" + value);
        if (selected || !hasOwnSection(dimension, value)) {
          values.add(new FacetValue(dimension, value, count, selected));
        }
      });
      for (String drillDown : drillDowns) {
        if (drillDown.startsWith(dimension + "=")) {
          String value = drillDown.substring(dimension.length() + 1);
          if (!counts.containsKey(value)) {
            values.add(new FacetValue(dimension, value, 0, true));
          }
        }
      }
      if (!values.isEmpty()) {
        groups.add(new FacetGroup(dimension, dim.getValue(), values));
      }
    }
    return groups;
  }

  /** Owner and tier labels have sections of their own; the Labels section leaves them out. */
  private static boolean hasOwnSection(String dimension, String value) {
    return dimension.equals("label") && (value.startsWith("owner=") || value.startsWith("tier="));
  }

  /** How a chosen drill-down reads on its chip: {@code dataset: creator}, {@code label: tier=gold}. */
  static String chipText(String drillDown) {
    int eq = drillDown.indexOf('=');
    return eq < 0 ? drillDown : drillDown.substring(0, eq) + ": " + drillDown.substring(eq + 1);
  }
}
