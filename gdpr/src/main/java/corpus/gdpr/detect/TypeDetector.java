package corpus.gdpr.detect;

import corpus.gdpr.taxonomy.Category;
import corpus.gdpr.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Uses a field's BigQuery type: a category whose values cannot have this type is contradicted
 * (a BOOL cannot hold an e-mail address, a TIMESTAMP cannot hold a phone number), and a
 * GEOGRAPHY field weakly suggests a precise location.
 */
public final class TypeDetector {

  /** Contradiction weight of a type that cannot hold the category: the type rules it out. */
  public static final double IMPOSSIBLE = 1.0;
  /** Support of a GEOGRAPHY type for {@code precise_location}; needs a name or context. */
  public static final double GEOGRAPHY = 0.3;

  static final String DETECTOR = "type";

  private final Taxonomy taxonomy;

  public TypeDetector(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** Suggestions from the type alone. */
  public List<Signal> detect(FieldContext field) {
    if (field.type() != null && "GEOGRAPHY".equals(Category.normaliseType(field.type()))
        && taxonomy.category("precise_location").isPresent()) {
      return List.of(Signal.supports(DETECTOR, "precise_location", "GEO_POINT", GEOGRAPHY,
          "type GEOGRAPHY holds places, which may be where a person is"));
    }
    return List.of();
  }

  /** Contradictions for the {@code candidates} that a field of this type cannot hold. */
  public List<Signal> contradictions(FieldContext field, Collection<String> candidates) {
    List<Signal> out = new ArrayList<>();
    if (field.type() == null || field.type().isBlank()) {
      return out;
    }
    String type = Category.normaliseType(field.type());
    for (String id : candidates) {
      taxonomy.category(id).filter(c -> c.isPersonal() && !c.acceptsType(type)).ifPresent(c ->
          out.add(Signal.contradicts(DETECTOR, c.id(), IMPOSSIBLE,
              "type " + type + " cannot hold a " + c.label().toLowerCase(java.util.Locale.ROOT)
                  + " (expected " + String.join("/", new java.util.TreeSet<>(c.valueTypes())) + ")")));
    }
    return out;
  }
}
