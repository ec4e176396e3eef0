package corpus.indexer.source.sample;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Invents unique names for the music side of the sample: stage names, track and album titles,
 * labels and publishers. Titles are word combinations, except a few planted ones that read like
 * a person's name (decoys for personal-data detection).
 */
final class Names {

  private static final List<String> ADJECTIVES = List.of(
      "Velvet", "Neon", "Paper", "Silver", "Northern", "Midnight", "Electric", "Hollow", "Golden",
      "Quiet", "Wild", "Crystal", "Lunar", "Saltwater", "Cobalt", "Amber", "Faded", "Burning",
      "Distant", "Broken", "Secret", "Copper", "Glass", "Restless");
  private static final List<String> PLURALS = List.of(
      "Owls", "Tides", "Foxes", "Lanterns", "Rivers", "Satellites", "Echoes", "Ghosts", "Harbours",
      "Pilots", "Wolves", "Sparrows", "Kites", "Comets", "Strangers", "Engines");
  private static final List<String> NOUNS = List.of(
      "Harbour", "Heart", "Summer", "Train", "Moon", "Signal", "Garden", "Mirror", "Highway",
      "Letter", "Fire", "Rain", "City", "Dream", "Ocean", "Shadow", "Window", "Season", "Skyline",
      "Lighthouse", "River", "Paradise", "Static", "Horizon");
  private static final List<String> VERBS = List.of(
      "Running", "Falling", "Dancing", "Waiting", "Drifting", "Calling", "Chasing", "Dreaming",
      "Breaking", "Holding");
  private static final List<String> PLACES = List.of(
      "Lisbon", "Berlin", "the Dark", "Slow Motion", "Paris", "the Morning", "Neon Light",
      "the Rain", "Stereo", "Blue");
  private static final List<String> LABEL_SUFFIXES = List.of(
      "Records", "Recordings", "Music", "Sound", "Audio", "Tapes");
  private static final List<String> PUBLISHER_SUFFIXES = List.of(
      "Publishing", "Songs", "Music Publishing", "Editions");

  /** Track titles that are also person names; the field stays not-personal. */
  static final List<String> PERSON_NAME_TITLES = List.of(
      "Emily Watson", "Maria Fernandes", "Dear Eleanor Price", "Johnny Marsh", "Anna Lindqvist");

  private final SplittableRandom random;
  private final Set<String> used = new HashSet<>();

  Names(SplittableRandom random) {
    this.random = random;
  }

  private String pick(List<String> words) {
    return words.get(random.nextInt(words.size()));
  }

  private String unique(java.util.function.Supplier<String> make) {
    for (int attempt = 0; attempt < 50; attempt++) {
      String s = make.get();
      if (used.add(s)) {
        return s;
      }
    }
    String s;
    int n = 2;
    String base = make.get();
    do {
      s = base + " " + toRoman(n++);
    } while (!used.add(s));
    return s;
  }

  private static String toRoman(int n) {
    return switch (n) {
      case 2 -> "II";
      case 3 -> "III";
      case 4 -> "IV";
      default -> Integer.toString(n);
    };
  }

  String stageName() {
    return unique(() -> switch (random.nextInt(6)) {
      case 0 -> "The " + pick(ADJECTIVES) + " " + pick(PLURALS);
      case 1 -> pick(ADJECTIVES) + " " + pick(PLURALS);
      case 2 -> pick(PLURALS) + " & the " + pick(NOUNS);
      case 3 -> "DJ " + pick(ADJECTIVES);
      case 4 -> pick(ADJECTIVES) + pick(NOUNS).toLowerCase(java.util.Locale.ROOT);
      default -> pick(NOUNS) + " Collective";
    });
  }

  /** A track title; not unique (real catalogues repeat titles). */
  String trackTitle() {
    return switch (random.nextInt(5)) {
      case 0 -> pick(ADJECTIVES) + " " + pick(NOUNS);
      case 1 -> pick(VERBS) + " in " + pick(PLACES);
      case 2 -> "The " + pick(NOUNS);
      case 3 -> pick(NOUNS) + " of " + pick(PLACES);
      default -> pick(VERBS) + " " + pick(ADJECTIVES);
    };
  }

  String albumTitle() {
    return unique(() -> switch (random.nextInt(3)) {
      case 0 -> pick(ADJECTIVES) + " " + pick(PLURALS);
      case 1 -> "Songs from the " + pick(NOUNS);
      default -> pick(NOUNS) + " " + pick(List.of("Sessions", "Stories", "Tapes", "Diaries"));
    });
  }

  String labelName() {
    return unique(() -> pick(ADJECTIVES) + " " + pick(NOUNS) + " " + pick(LABEL_SUFFIXES));
  }

  String publisherName() {
    return unique(() -> pick(NOUNS) + pick(List.of("", " Street", " Lane", " House")) + " "
        + pick(PUBLISHER_SUFFIXES));
  }

  String distributorName() {
    return unique(() -> pick(ADJECTIVES) + pick(List.of(" Distribution", " Digital", " Media Group")));
  }
}
