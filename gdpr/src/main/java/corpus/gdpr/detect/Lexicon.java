package corpus.gdpr.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Words that change the meaning of a matched name term, loaded from the bundled {@code
 * corpus/gdpr/lexicon.json}: attribute suffixes ({@code email_verified}), count prefixes ({@code
 * n_emails}), hash cues ({@code email_sha256}), person nouns ({@code customer_name}), id suffixes
 * ({@code listener_key}), thing nouns ({@code product_name}) and words that name a table about
 * people ({@code users}).
 */
public record Lexicon(
    String version,
    Set<String> attributeSuffixes,
    Set<String> specialAttributeSuffixes,
    Set<String> countPrefixes,
    Set<String> connectors,
    Set<String> hashCues,
    Set<String> subjectNouns,
    Set<String> idSuffixes,
    Set<String> thingNouns,
    Set<String> subjectTableWords) {

  private static final String RESOURCE = "/corpus/gdpr/lexicon.json";

  public Lexicon {
    attributeSuffixes = Set.copyOf(attributeSuffixes);
    specialAttributeSuffixes = Set.copyOf(specialAttributeSuffixes);
    countPrefixes = Set.copyOf(countPrefixes);
    connectors = Set.copyOf(connectors);
    hashCues = Set.copyOf(hashCues);
    subjectNouns = Set.copyOf(subjectNouns);
    idSuffixes = Set.copyOf(idSuffixes);
    thingNouns = Set.copyOf(thingNouns);
    subjectTableWords = Set.copyOf(subjectTableWords);
  }

  /** The bundled lexicon. */
  public static Lexicon defaults() {
    try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      JsonNode root = new ObjectMapper().readTree(in);
      return new Lexicon(
          root.path("version").asText(),
          words(root, "attributeSuffixes"),
          words(root, "specialAttributeSuffixes"),
          words(root, "countPrefixes"),
          words(root, "connectors"),
          words(root, "hashCues"),
          words(root, "subjectNouns"),
          words(root, "idSuffixes"),
          words(root, "thingNouns"),
          words(root, "subjectTableWords"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> words(JsonNode root, String name) {
    Set<String> out = new LinkedHashSet<>();
    root.path(name).forEach(n -> out.add(Folding.fold(n.asText())));
    return out;
  }
}
