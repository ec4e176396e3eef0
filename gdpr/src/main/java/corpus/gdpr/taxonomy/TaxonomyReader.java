package corpus.gdpr.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads taxonomy JSON files: the bundled base file and organisation overlays.
 *
 * <p>An overlay has the same shape as the base file ({@code version}, {@code categories}). A
 * category with a new id is added (it must then give {@code group}); a category with a known id
 * keeps every property the overlay leaves out and takes those it sets; {@code addNameTerms} and
 * {@code addWeakNameTerms} append terms instead of replacing them. The resulting version is
 * {@code base+overlay}.
 */
public final class TaxonomyReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TaxonomyReader() {}

  /** Reads a complete taxonomy; {@code origin} names the file in error messages. */
  public static Taxonomy read(InputStream in, String origin) throws IOException {
    JsonNode root = JSON.readTree(in);
    List<Category> categories = new ArrayList<>();
    for (JsonNode node : root.path("categories")) {
      categories.add(merge(null, node, origin));
    }
    return new Taxonomy(root.path("version").asText("unversioned"), categories);
  }

  /** Reads an overlay file and applies it to {@code base}. */
  public static Taxonomy overlay(Taxonomy base, InputStream in, String origin) throws IOException {
    JsonNode root = JSON.readTree(in);
    Map<String, Category> byId = new LinkedHashMap<>();
    for (Category c : base.categories()) {
      byId.put(c.id(), c);
    }
    for (JsonNode node : root.path("categories")) {
      String id = node.path("id").asText("");
      byId.put(id, merge(byId.get(id), node, origin));
    }
    String version = base.version() + "+" + root.path("version").asText("overlay");
    return new Taxonomy(version, byId.values());
  }

  private static Category merge(Category base, JsonNode node, String origin) {
    String id = node.path("id").asText("");
    if (id.isBlank()) {
      throw new IllegalArgumentException(origin + ": a category without \"id\"");
    }
    if (base == null && !node.hasNonNull("group")) {
      throw new IllegalArgumentException(origin + ": new category '" + id + "' needs a \"group\"");
    }
    try {
      CategoryGroup group =
          node.hasNonNull("group") ? CategoryGroup.fromId(node.get("group").asText()) : base.group();
      Sensitivity sensitivity =
          node.hasNonNull("sensitivity")
              ? Sensitivity.fromId(node.get("sensitivity").asText())
              : base == null ? Sensitivity.MEDIUM : base.sensitivity();
      List<String> terms = strings(node, "nameTerms", base == null ? List.of() : base.nameTerms());
      List<String> weak =
          strings(node, "weakNameTerms", base == null ? List.of() : base.weakNameTerms());
      return new Category(
          id,
          group,
          text(node, "label", base == null ? id : base.label()),
          text(node, "infoType", base == null ? id.toUpperCase(java.util.Locale.ROOT) : base.infoType()),
          text(node, "legalReference", base == null ? "" : base.legalReference()),
          sensitivity,
          text(node, "policyTag", base == null ? "pii_" + id : base.policyTag()),
          Set.copyOf(
              strings(
                  node, "valueTypes", base == null ? List.of() : List.copyOf(base.valueTypes()))
                  .stream()
                  .map(Category::normaliseType)
                  .toList()),
          append(terms, node, "addNameTerms"),
          append(weak, node, "addWeakNameTerms"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(origin + ": category '" + id + "': " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String name, String fallback) {
    return node.hasNonNull(name) ? node.get(name).asText() : fallback;
  }

  private static List<String> strings(JsonNode node, String name, List<String> fallback) {
    if (!node.has(name)) {
      return fallback;
    }
    List<String> out = new ArrayList<>();
    node.get(name).forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> append(List<String> terms, JsonNode node, String name) {
    Set<String> out = new LinkedHashSet<>(terms);
    out.addAll(strings(node, name, List.of()));
    return List.copyOf(out);
  }
}
