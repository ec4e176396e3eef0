package corpus.app.search;

import java.util.List;

/** One section of the facet sidebar: a dimension's title and its values, most frequent first. */
public record FacetGroup(String dimension, String title, List<FacetValue> values) {

  public FacetGroup {
    values = List.copyOf(values);
  }

  /** Whether any value of this group is chosen. */
  public boolean hasSelection() {
    return values.stream().anyMatch(FacetValue::selected);
  }
}
