package corpus.indexer.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups of words that mean the same to people searching a catalog ({@code user, listener}; {@code
 * day, daily}; {@code dau, daily active users}), from the built-in list plus a user's own file.
 */
public final class Synonyms {

  /** The built-in groups shipped with Corpus. */
  public static final String BUILT_IN = "/corpus/indexer/search/synonyms.txt";

  private final Map<String, Set<String>> byTerm;

  private Synonyms(Map<String, Set<String>> byTerm) {
    this.byTerm = byTerm;
  }

  /** No synonyms at all. */
  public static Synonyms none() {
    return new Synonyms(Map.of());
  }

  /** The built-in groups, plus the user's file when it exists (bad lines are ignored). */
  public static Synonyms load(Path userFile) throws IOException {
    Map<String, Set<String>> map = new HashMap<>();
    try (InputStream in = Synonyms.class.getResourceAsStream(BUILT_IN)) {
      if (in != null) {
        read(new InputStreamReader(in, StandardCharsets.UTF_8), map);
      }
    }
    if (userFile != null && Files.isRegularFile(userFile)) {
      try (Reader r = Files.newBufferedReader(userFile, StandardCharsets.UTF_8)) {
        read(r, map);
      }
    }
    return new Synonyms(map);
  }

  /** Reads groups in the file format (comma separated, {@code #} comments) into {@code map}. */
  static void read(Reader reader, Map<String, Set<String>> map) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    String line;
    while ((line = in.readLine()) != null) {
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (content.isEmpty()) {
        continue;
      }
      List<String> group = new ArrayList<>();
      for (String term : content.split(",")) {
        String t = term.strip().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
          group.add(t);
        }
      }
      for (String t : group) {
        Set<String> others = map.computeIfAbsent(t, k -> new LinkedHashSet<>());
        for (String o : group) {
          if (!o.equals(t)) {
            others.add(o);
          }
        }
      }
    }
  }

  /** The other words of every group {@code word} belongs to (empty when none). */
  public Set<String> of(String word) {
    return byTerm.getOrDefault(word.toLowerCase(Locale.ROOT), Set.of());
  }
}
