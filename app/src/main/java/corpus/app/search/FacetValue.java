package corpus.app.search;

/**
 * One value of a facet with its count: {@code dimension} is the engine's facet name (dataset,
 * kind, label, …), {@code count} how many matching entities have the value (with the other
 * dimensions' choices applied), {@code selected} whether the user drilled down on it.
 */
public record FacetValue(String dimension, String value, long count, boolean selected) {

  /** The engine's drill-down for this value: {@code dimension=value}. */
  public String drillDown() {
    return dimension + "=" + value;
  }

  /** The value as the sidebar shows it: labels as {@code key: value}. */
  public String label() {
    return dimension.equals("label") ? value.replaceFirst("=", ": ") : value;
  }
}
