package corpus.gdpr.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned set of personal-data categories Corpus classifies fields into.
 *
 * <p>Start from {@link #defaults()} (the bundled {@code corpus/gdpr/taxonomy.json}) and add an
 * organisation's own file with {@link #withOverlay(Path)}:
 *
 * <pre>{@code
 * Taxonomy taxonomy = Taxonomy.defaults().withOverlay(Path.of("acme-taxonomy.json"));
 * Category email = taxonomy.require("email");
 * }</pre>
 */
public final class Taxonomy {

  /** Identifier of the category for fields without personal data. */
  public static final String NOT_PERSONAL = "not_personal";

  /** Identifier of the pseudonymous category hashing turns identifiers into. */
  public static final String HASHED_ID = "hashed_id";

  /** Identifier of the free-text category. */
  public static final String FREE_TEXT = "free_text";

  private static final String RESOURCE = "/corpus/gdpr/taxonomy.json";

  private final String version;
  private final Map<String, Category> categories;

  Taxonomy(String version, Collection<Category> categories) {
    this.version = version;
    Map<String, Category> byId = new LinkedHashMap<>();
    for (Category c : categories) {
      byId.put(c.id(), c);
    }
    if (!byId.containsKey(NOT_PERSONAL)) {
      throw new IllegalArgumentException("a taxonomy must define the category " + NOT_PERSONAL);
    }
    this.categories = java.util.Collections.unmodifiableMap(byId);
  }

  /** The bundled taxonomy. */
  public static Taxonomy defaults() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return TaxonomyReader.read(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * This taxonomy with the categories of {@code file} added or overridden; see {@link
   * TaxonomyReader#overlay(Taxonomy, InputStream, String)} for the rules.
   */
  public Taxonomy withOverlay(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return TaxonomyReader.overlay(this, in, file.toString());
    }
  }

  /** Version string, e.g. {@code 2026.1} or {@code 2026.1+acme-3} after an overlay. */
  public String version() {
    return version;
  }

  /** All categories in file order, {@code not_personal} included. */
  public List<Category> categories() {
    return List.copyOf(categories.values());
  }

  public Optional<Category> category(String id) {
    return Optional.ofNullable(id == null ? null : categories.get(id));
  }

  /** The category with this id, or an {@link IllegalArgumentException} naming the known ones. */
  public Category require(String id) {
    Category c = id == null ? null : categories.get(id);
    if (c == null) {
      throw new IllegalArgumentException(
          "unknown GDPR category '" + id + "'; known: " + String.join(", ", categories.keySet()));
    }
    return c;
  }

  /** Whether {@code id} names a known category other than {@code not_personal}. */
  public boolean isPersonal(String id) {
    return category(id).map(Category::isPersonal).orElse(false);
  }

  public Category notPersonal() {
    return categories.get(NOT_PERSONAL);
  }
}
